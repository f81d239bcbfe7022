/**
 * The classifier reaches a content script as a script of its own (`/classifier.js`), imported
 * at run time. Its lexicons are more than half of what a content script would otherwise carry,
 * and compiling one large script is a long task on a slow machine; an imported module is
 * parsed off the main thread instead. The script publishes the classifier on the global object
 * of the content scripts' world, which the page never sees.
 */
import type { Classification, ClassifierSettings } from '../classifier/types';

/** Web-accessible (through the per-session dynamic URL only), so that a content script may import it. */
export const CLASSIFIER_SCRIPT = '/classifier.js';

const GLOBAL_KEY = '__modereraClassifier';

export interface ClassifierApi {
  classify(text: string, settings?: ClassifierSettings): Classification;
  prepareClassifierStep(settings?: ClassifierSettings): boolean;
}

type Scope = Record<string, unknown>;

/** Run by the classifier script. A second run keeps the first classifier. */
export function publishClassifier(scope: object, api: ClassifierApi): void {
  const world = scope as Scope;
  if (!isClassifierApi(world[GLOBAL_KEY])) world[GLOBAL_KEY] = Object.freeze({ ...api });
}

/**
 * The classifier of this world: the one already published, or the one the classifier script
 * publishes when `runScript` (which resolves once it has run) loads it.
 */
export async function loadClassifier(
  scope: object,
  runScript: () => Promise<unknown>,
): Promise<ClassifierApi> {
  const world = scope as Scope;
  if (isClassifierApi(world[GLOBAL_KEY])) return world[GLOBAL_KEY];
  try {
    await runScript();
  } catch (error) {
    throw new Error(
      `Moderera: the classifier could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const api = world[GLOBAL_KEY];
  if (!isClassifierApi(api))
    throw new Error('Moderera: the classifier script ran but published no classifier.');
  return api;
}

function isClassifierApi(value: unknown): value is ClassifierApi {
  if (typeof value !== 'object' || value === null) return false;
  const api = value as Partial<Record<keyof ClassifierApi, unknown>>;
  return typeof api.classify === 'function' && typeof api.prepareClassifierStep === 'function';
}
