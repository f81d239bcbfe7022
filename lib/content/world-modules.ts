/**
 * The content scripts in the manifest are small loaders. What they run is imported at run
 * time as two scripts of its own: `/labelling.js` (the labeller, adapters and label UI) and
 * `/classifier.js` (the classifier and its lexicons). The browser parses an imported module
 * off the main thread, where one large content script took a long task to compile on a slow
 * machine. Each script publishes what it provides on the global object of the content
 * scripts' world, which the page never sees.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Classification, ClassifierSettings } from '../classifier/types';

export interface ClassifierApi {
  classify(text: string, settings?: ClassifierSettings): Classification;
  prepareClassifierStep(settings?: ClassifierSettings): boolean;
}

/** The page families, each with its own content script. */
export type PageFamily = 'facebook' | 'youtube' | 'blog';

export interface LabellingApi {
  start(ctx: ContentScriptContext, family: PageFamily, classifier: Promise<ClassifierApi>): Promise<void>;
}

export interface WorldModule<T> {
  /** The script's path in the build; web-accessible, so that content scripts may import it. */
  file: `/${string}.js`;
  name: string;
  key: string;
  provides(value: unknown): value is T;
}

export const CLASSIFIER_MODULE: WorldModule<ClassifierApi> = {
  file: '/classifier.js',
  name: 'classifier',
  key: '__modereraClassifier',
  provides: (value): value is ClassifierApi => hasFunctions(value, ['classify', 'prepareClassifierStep']),
};

export const LABELLING_MODULE: WorldModule<LabellingApi> = {
  file: '/labelling.js',
  name: 'labelling',
  key: '__modereraLabelling',
  provides: (value): value is LabellingApi => hasFunctions(value, ['start']),
};

/** Run by the module's script. A second run keeps what the first published. */
export function publish<T extends object>(scope: object, module: WorldModule<T>, value: T): void {
  const world = scope as Record<string, unknown>;
  if (!module.provides(world[module.key])) world[module.key] = Object.freeze({ ...value });
}

/**
 * What the module provides in this world: published already, or published by its script
 * when `runScript` (which resolves once the script has run) loads it.
 */
export async function loadWorldModule<T>(
  scope: object,
  module: WorldModule<T>,
  runScript: (file: string) => Promise<unknown>,
): Promise<T> {
  const world = scope as Record<string, unknown>;
  const published = world[module.key];
  if (module.provides(published)) return published;
  try {
    await runScript(module.file);
  } catch (error) {
    throw new Error(
      `Moderera: the ${module.name} script could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const value = world[module.key];
  if (!module.provides(value))
    throw new Error(`Moderera: the ${module.name} script ran but published nothing.`);
  return value;
}

function hasFunctions(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
