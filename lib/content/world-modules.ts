/**
 * The content scripts in the manifest are small loaders. What they run is imported at run
 * time as scripts of their own: their family's labelling (`/labelling-youtube.js`: the
 * labeller, that family's adapters and the label UI) and,
 * only when the background cannot classify, `/classifier.js` (the classifier and its
 * lexicons). The browser parses an imported module off the main thread, where one large
 * content script took a long task to compile on a slow machine. Each script publishes what it provides on the global object of the content
 * scripts' world, which the page never sees, under a symbol: a string key could be shadowed
 * by a page element with that id (named access on the window works in every world).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Classification, ClassifierSettings } from '../classifier/types';

export interface ClassifierApi {
  classify(text: string, settings?: ClassifierSettings): Classification;
  prepareClassifierStep(settings?: ClassifierSettings): boolean;
}

/** The page families, each with its own content script and labelling script. */
export const PAGE_FAMILIES = ['facebook', 'youtube', 'blog'] as const;
export type PageFamily = (typeof PAGE_FAMILIES)[number];

/** What the loader starts before the labelling is there, so that none of it waits for that. */
export interface EarlyWork {
  /** The storage read of the settings (parsed by the labelling). */
  storedSettings: Promise<Record<string, unknown>>;
  /**
   * Imports the classifier into this world. The background classifies for content scripts
   * (lib/content/classify-client.ts): this is only for when it cannot.
   */
  loadClassifier(): Promise<ClassifierApi>;
}

export interface LabellingApi {
  start(ctx: ContentScriptContext, early: EarlyWork): Promise<void>;
}

export interface WorldModule<T> {
  /** The script's path in the build; web-accessible, so that content scripts may import it. */
  file: `/${string}.js`;
  name: string;
  key: symbol;
  provides(value: unknown): value is T;
}

export const CLASSIFIER_MODULE: WorldModule<ClassifierApi> = {
  file: '/classifier.js',
  name: 'classifier',
  key: Symbol.for('moderera.classifier'),
  provides: (value): value is ClassifierApi => hasFunctions(value, ['classify', 'prepareClassifierStep']),
};

/**
 * Each family's labelling is a script of its own, with only that family's adapters: the
 * browser fetches and compiles it before anything is labelled, so what a page does not use
 * only delays its labels.
 */
export function labellingModule(family: PageFamily): WorldModule<LabellingApi> {
  return {
    file: `/labelling-${family}.js`,
    name: 'labelling',
    key: Symbol.for(`moderera.labelling.${family}`),
    provides: (value): value is LabellingApi => hasFunctions(value, ['start']),
  };
}

/**
 * Run by the module's script, each time the browser evaluates it: once per world and script
 * URL, and each content-script instance imports under a URL of its own
 * (components/boot-options.ts). So the latest instance's script replaces what an orphaned
 * one (of a reloaded or updated extension) left in a world the browser kept.
 */
export function publish<T extends object>(scope: object, module: WorldModule<T>, value: T): void {
  (scope as Record<symbol, unknown>)[module.key] = Object.freeze({ ...value });
}

/** What the module's script publishes when `runScript` (which resolves once it has run) loads it. */
export async function loadWorldModule<T>(
  scope: object,
  module: WorldModule<T>,
  runScript: (file: string) => Promise<unknown>,
): Promise<T> {
  try {
    await runScript(module.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Moderera: the ${module.name} script could not be loaded: ${reason}`, { cause: error });
  }
  const value = (scope as Record<symbol, unknown>)[module.key];
  if (!module.provides(value))
    throw new Error(`Moderera: the ${module.name} script ran but published nothing.`);
  return value;
}

function hasFunctions(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
