/**
 * What every content script runs, once its family's labelling script is imported
 * (lib/content/boot.ts): read the settings, label the page's comments with the family's
 * adapters, and report the page's status to the background.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { captureCommentElement } from '../lib/capture/content';
import { createClassifyClient } from '../lib/content/classify-client';
import { createLabeller, type LabelRenderer, type PageStatus } from '../lib/content/labeller';
import { createNearViewport } from '../lib/content/near-viewport';
import { isProfiling, profileMarker } from '../lib/content/profile';
import { createQuietGate, type QuietWait } from '../lib/content/quiet';
import {
  type ClassifierApi,
  type EarlyWork,
  labellingModule,
  type PageFamily,
  publish,
} from '../lib/content/world-modules';
import { t } from '../lib/i18n/strings';
import type { ContentToBackground, Reply } from '../lib/messaging/messages';
import type { PlatformAdapter } from '../lib/platforms/types';
import { createQuestionReporter } from '../lib/questions/reporter';
import { removeAndRegister } from '../lib/register/flow';
import { parseSettings, SETTINGS_KEY, type Settings, settingsFrom } from '../lib/settings/settings';
import type { LabelContext } from './label-context';
import { createLabelRenderer } from './label-renderer';
import { showNotice } from './Notice';

/** Run by a family's labelling script (entrypoints/labelling-*.ts) each time it is evaluated. */
export function publishLabelling(family: PageFamily, adapters: () => readonly PlatformAdapter[]): void {
  profileMarker(document)('labelling-script'); // the task that evaluated this script is ours
  publish(globalThis, labellingModule(family), {
    start: (ctx, early) => startLabelling(ctx, adapters(), early),
  });
}

/**
 * Comments the page loads while it is scrolled are labelled once scrolling has paused for
 * 0.2 s, or after 1 s of scrolling on (lib/content/quiet.ts).
 */
const NEW_COMMENTS_WAIT: QuietWait = { quietMs: 200, maxWaitMs: 1000 };

/**
 * A label's badge is drawn once its comment is within a viewport's height of the viewport
 * (lib/content/near-viewport.ts) and scrolling has paused for 0.2 s: drawing badges changes the
 * page's layout, and on a long page a frame with a layout change costs the page ~60 ms more
 * than a frame that only scrolls (bench page: drawing after every second of a long scroll made
 * frames of 130-150 ms), while someone flinging through a page reads nothing until they stop.
 * Reading, one scrolls in steps with pauses. The longest wait, 5 s, is for an element of the
 * page that keeps scrolling (a ticker), which must not keep every badge out.
 */
const BADGES_NEAR_VIEWPORTS = 1;
const BADGES_WAIT: QuietWait = { quietMs: 200, maxWaitMs: 5000 };

/** Questions are reported once the moderator has not scrolled for a second. */
const QUESTIONS_WAIT: QuietWait = { quietMs: 1000 };

export async function startLabelling(
  ctx: ContentScriptContext,
  adapters: readonly PlatformAdapter[],
  early: EarlyWork,
): Promise<void> {
  const profile = isProfiling(document);
  const mark = profileMarker(document);
  let settings: Settings = await settingsFrom(early.storedSettings);
  mark('settings-loaded');
  // A newer instance (the popup's activation) may have taken over while the settings were read.
  if (ctx.isInvalid) return;
  let hideNotice: (() => void) | null = null;
  let warnedOfFallback = false;
  const classifier = createClassifyClient({
    send: (message) => browser.runtime.sendMessage(message),
    loadLocal: localClassifierLoader(ctx, early, profile, () => settings.language),
    onFallback: (reason) => {
      if (warnedOfFallback) return;
      warnedOfFallback = true;
      console.warn(`Moderera: the background did not classify (${reason}); classifying in the page instead.`);
    },
  });
  const openOptions = () => {
    const message: ContentToBackground = { type: 'content.openOptions' };
    void browser.runtime.sendMessage(message).catch(() => {});
  };
  let labelContext: LabelContext;
  const quiet = createQuietGate(window);
  const questions = createQuestionReporter({
    send: (message) => browser.runtime.sendMessage(message),
    schedule: (run, ms) =>
      setTimeout(
        () =>
          quiet.whenQuiet(() => {
            mark('questions'); // so that a benchmark counts the reporter's tasks as ours
            run();
          }, QUESTIONS_WAIT),
        ms,
      ),
  });

  const nearViewport = createNearViewport({
    view: window,
    margin: BADGES_NEAR_VIEWPORTS,
    whenQuiet: (draw) => quiet.whenQuiet(draw, BADGES_WAIT),
    onDrawn: profile ? markDrawn() : undefined,
  });
  const labeller = createLabeller({
    adapters,
    document,
    classify: (texts) => classifier.labels(texts, { extraWords: settings.extraWords }),
    renderer: reportingQuestions(
      createLabelRenderer(() => labelContext, { nearViewport }),
      questions,
    ),
    profile,
    whenQuiet: (read) => quiet.whenQuiet(read, NEW_COMMENTS_WAIT),
    onStatus: (status) => void reportStatus(status),
    onLayoutProblem: (problem) => {
      hideNotice?.();
      hideNotice = null;
      if (!problem) return;
      console.warn(
        `Moderera: adapter "${problem.adapter}" found no comments on ${problem.url}; the layout may have changed.`,
      );
      hideNotice = showNotice(document, settings.language, 'layoutProblem');
    },
  });

  const registrations = new Map<string, { shortId: string }>();
  const registerComment: LabelContext['registerComment'] = async (commentId, classification, decision) => {
    const snapshot = labeller.currentSnapshot(commentId);
    if (!snapshot) return { stage: 'not_registered', message: t(settings.language, 'removeGone') };
    const send = (message: unknown) => browser.runtime.sendMessage(message) as Promise<Reply<unknown>>;
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove: (mode) => labeller.remove(commentId, mode),
      capture: () => captureCommentElement(labeller.commentElement(commentId), { send }),
    });
    if (result.stage === 'registered') registrations.set(commentId, { shortId: result.shortId });
    return result;
  };
  const makeContext = (): LabelContext => ({
    settings,
    insertReply: async (commentId, text) => {
      const result = await labeller.insertReply(commentId, text);
      const snapshot = labeller.currentSnapshot(commentId);
      if (result.ok && snapshot) questions.answered(snapshot);
      return result;
    },
    openOptions,
    now: () => new Date(),
    removalModes: () => labeller.removalModes(),
    explain: (text) => classifier.full(text, { extraWords: settings.extraWords }),
    registerComment,
    registrations,
  });
  labelContext = makeContext();

  const onStorageChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    try {
      settings = parseSettings(change.newValue);
    } catch (error) {
      console.error('Moderera: ignoring unreadable settings', error);
      return;
    }
    labelContext = makeContext();
    labeller.refreshAll();
  };
  browser.storage.onChanged.addListener(onStorageChange);
  ctx.onInvalidated(() => {
    quiet.dispose();
    labeller.stop();
    nearViewport.dispose();
    hideNotice?.();
    browser.storage.onChanged.removeListener(onStorageChange);
  });

  labeller.start();
}

/**
 * Imports the classifier into this world, for when the background cannot classify (its
 * lexicons are compiled when first used, in tasks of their own). If it cannot be loaded
 * either, the page says so, once: no comment can be labelled.
 */
function localClassifierLoader(
  ctx: ContentScriptContext,
  early: EarlyWork,
  profile: boolean,
  language: () => Settings['language'],
): () => Promise<ClassifierApi> {
  let toldUser = false;
  return async () => {
    try {
      const classifier = await early.loadClassifier();
      if (!profile) return classifier;
      return {
        classify: classifier.classify,
        prepareClassifierStep(settings) {
          const start = performance.now();
          const more = classifier.prepareClassifierStep(settings);
          performance.measure('moderera:classifier-step', { start });
          return more;
        },
      };
    } catch (error) {
      if (!toldUser && !ctx.isInvalid) {
        toldUser = true;
        ctx.onInvalidated(showNotice(document, language(), 'classifierUnavailable'));
      }
      throw error;
    }
  };
}

/** For benchmarks: how many badges have been drawn so far, and when the frame showing them was done. */
function markDrawn(): (count: number) => void {
  let total = 0;
  return (count) => {
    total += count;
    const detail = total;
    performance.mark('moderera:drawn', { detail });
    requestAnimationFrame(() => setTimeout(() => performance.mark('moderera:drawn-painted', { detail })));
  };
}

/** Questions the page shows go to the unanswered-questions list as they are labelled. */
function reportingQuestions(
  renderer: LabelRenderer,
  questions: ReturnType<typeof createQuestionReporter>,
): LabelRenderer {
  return {
    render(host, model) {
      questions.seen(model.comment, model.classification, model.details);
      renderer.render(host, model);
    },
    placed: (host) => renderer.placed?.(host),
    unmount: (host) => renderer.unmount(host),
  };
}

async function reportStatus(status: PageStatus): Promise<void> {
  if (!status.platform) return;
  const message: ContentToBackground = {
    type: 'content.pageStatus',
    platform: status.platform,
    labelled: status.labelled,
    toRemove: status.toRemove,
    layoutProblem: status.layoutProblem,
  };
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The background may be restarting; the next status change reports again.
  }
}
