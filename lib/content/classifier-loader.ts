/**
 * The classifier reaches a content script as a script of its own (`/classifier.js`), which the
 * background injects into the content script's world on request. Its lexicons are a third of
 * the content script's size, and compiling one large script is a long task on a slow machine:
 * two smaller scripts evaluate in two tasks. The injected script publishes the classifier on
 * the world's global object, which only the extension's content scripts share (never the page).
 */
import type { Classification, ClassifierSettings } from '../classifier/types';

export const CLASSIFIER_SCRIPT = '/classifier.js';

const GLOBAL_KEY = '__modereraClassifier';

export interface ClassifierApi {
  classify(text: string, settings?: ClassifierSettings): Classification;
  prepareClassifierStep(settings?: ClassifierSettings): boolean;
}

type Scope = Record<string, unknown>;

/** Run by the injected script. A second injection keeps the first classifier. */
export function publishClassifier(scope: object, api: ClassifierApi): void {
  const world = scope as Scope;
  if (!isClassifierApi(world[GLOBAL_KEY])) world[GLOBAL_KEY] = Object.freeze({ ...api });
}

/**
 * The classifier of this world: the one already published, or the one the background injects
 * when asked by `requestInjection` (which resolves once the script has run).
 */
export async function loadClassifier(
  scope: object,
  requestInjection: () => Promise<unknown>,
): Promise<ClassifierApi> {
  const world = scope as Scope;
  if (isClassifierApi(world[GLOBAL_KEY])) return world[GLOBAL_KEY];
  const reply = await requestInjection();
  if (isErrorReply(reply))
    throw new Error(`Moderera: the classifier could not be loaded: ${reply.error.message}`);
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

function isErrorReply(reply: unknown): reply is { ok: false; error: { message: string } } {
  return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false;
}
