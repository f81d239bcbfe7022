/**
 * What a content script in the manifest does: import its page family's labelling
 * (lib/content/world-modules.ts) and start it. Kept small, since all
 * of it is compiled on the page's main thread.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createHost, NOTICE_TAG } from './label-host';
import { profileMarker } from './profile';
import {
  CLASSIFIER_MODULE,
  type LabellingApi,
  labellingModule,
  loadWorldModule,
  type PageFamily,
} from './world-modules';

export interface BootOptions {
  /** Imports an extension file into the content scripts' world. */
  importScript(file: string): Promise<unknown>;
  /** Starts reading the stored settings. */
  readStoredSettings(): Promise<Record<string, unknown>>;
  /** Tells the background, which classifies for content scripts, to get ready (no answer awaited). */
  prepareClassifier(): void;
  /** The global object of the content scripts' world. */
  scope: object;
  document: Document;
  nextTask(): Promise<void>;
  /** The label UI's style sheet, whose `.notice` the start-failure notice wears too. */
  noticeCss: string;
}

const START_FAILED =
  'Moderera kunde inte starta på den här sidan, så inga kommentarer märks här. Ladda om sidan. ' +
  '(Moderera could not start on this page, so no comments are labelled here. Reload the page.)';

export async function bootLabelling(
  ctx: ContentScriptContext,
  family: PageFamily,
  options: BootOptions,
): Promise<void> {
  const { document: doc, importScript, scope } = options;
  const mark = profileMarker(doc);
  mark('script-loaded');
  // The first import in a world costs up to ~20 ms on a slow machine: not in this script's
  // evaluation, which is a task of its own.
  await options.nextTask();
  if (ctx.isInvalid) return;
  mark('modules-requested');
  options.prepareClassifier();
  const storedSettings = options.readStoredSettings();
  storedSettings.catch(() => {}); // the labelling's to report
  let labelling: LabellingApi;
  try {
    labelling = await loadWorldModule(scope, labellingModule(family), importScript);
  } catch (error) {
    console.error(error);
    // A newer instance (the popup's activation) may be starting: it says for itself.
    if (!ctx.isInvalid) ctx.onInvalidated(showStartFailure(doc, options.noticeCss));
    return;
  }
  // The import resolves in the task that evaluated the script: starting (settings, the first
  // scan) in that task too made it a long one now and then (51 ms, bench:overlay).
  await options.nextTask();
  if (ctx.isInvalid) return;
  await labelling.start(ctx, {
    storedSettings,
    loadClassifier: () => loadWorldModule(scope, CLASSIFIER_MODULE, importScript),
  });
}

/**
 * The labelling's own notice is part of what did not load: this one is plain DOM. Returns
 * what takes it away again.
 */
function showStartFailure(doc: Document, css: string): () => void {
  if (doc.querySelector(NOTICE_TAG)) return () => {};
  const host = createHost(doc, NOTICE_TAG);
  const style = doc.createElement('style');
  style.textContent = css;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.textContent = START_FAILED;
  host.shadowRoot?.append(style, box);
  doc.body.append(host);
  return () => host.remove();
}
