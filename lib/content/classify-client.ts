/**
 * How a content script gets its comments classified: the background classifies them, in the
 * extension's own process, so that the page's main thread does none of it (on a page of 2,000
 * comments that was ~150 ms of code not yet optimised, plus ~60 ms compiling the lexicons at
 * every page load). The text stays in the browser. When the background cannot answer (it is
 * restarting, or the extension was updated under the page), the classifier is imported into
 * the content script and classifies here, in tasks of its own.
 */
import {
  MAX_CLASSIFY_BATCH,
  MAX_CLASSIFY_TEXT_CHARS,
  parseClassifications,
  parseLabelClassifications,
  withoutEvidence,
} from '../classifier/schema';
import type { Classification, ClassifierSettings, LabelClassification } from '../classifier/types';
import type { ContentToBackground } from '../messaging/messages';
import type { FlagId } from '../policy/labels';
import { runInTasks } from './scheduler';
import type { ClassifierApi } from './world-modules';

/** One classification per text, in order; undefined for a text that could not be classified. */
export type ClassifyTexts = (
  texts: readonly string[],
  settings: ClassifierSettings,
) => Promise<(LabelClassification | undefined)[]>;

export interface ClassifyClient {
  /** What the labels show, for many texts: no evidence (see `LabelClassification`). */
  labels: ClassifyTexts;
  /** One text's classification with its evidence, for a label whose panel is open. */
  full(text: string, settings: ClassifierSettings): Promise<Classification>;
}

export interface ClassifyClientOptions {
  /** Sends a message to the background; resolves with its reply. */
  send(message: ContentToBackground): Promise<unknown>;
  /** Imports the classifier into the content script's world. */
  loadLocal(): Promise<ClassifierApi>;
  /** Called (with the reason) each time the background's answer is not used. */
  onFallback?(reason: string): void;
  /** How long an answer may take before the content script classifies the texts itself (ms). */
  timeoutMs?: number;
}

/** Far longer than a cold background takes to wake and classify 2,000 comments (~0.5 s). */
const ANSWER_TIMEOUT_MS = 5000;

export function createClassifyClient(options: ClassifyClientOptions): ClassifyClient {
  let local: Promise<ClassifierApi> | null = null;
  const localClassifier = () => {
    local ??= options.loadLocal().catch((error: unknown) => {
      local = null; // a later batch tries again
      throw error;
    });
    return local;
  };

  async function ask<T>(
    texts: string[],
    settings: ClassifierSettings,
    evidence: boolean,
    parse: (data: unknown, count: number) => T[],
    fromLocal: (classification: Classification) => T,
  ): Promise<T[]> {
    try {
      const reply = await withTimeout(
        options.send({ type: 'content.classify', texts, extraWords: wordLists(settings), evidence }),
        options.timeoutMs ?? ANSWER_TIMEOUT_MS,
      );
      return parse(replyData(reply), texts.length);
    } catch (error) {
      options.onFallback?.(error instanceof Error ? error.message : String(error));
      return (await classifyLocally(await localClassifier(), texts, settings)).map(fromLocal);
    }
  }

  /** Texts no request may carry (`MAX_CLASSIFY_TEXT_CHARS`) are classified here, not refused with the rest. */
  async function classifyHere(texts: string[], settings: ClassifierSettings): Promise<Classification[]> {
    if (texts.length === 0) return [];
    return classifyLocally(await localClassifier(), texts, settings);
  }

  return {
    async labels(texts, settings) {
      const sendable = texts.filter(fitsRequest);
      const chunks: Promise<LabelClassification[]>[] = [];
      for (let from = 0; from < sendable.length; from += MAX_CLASSIFY_BATCH) {
        const chunk = sendable.slice(from, from + MAX_CLASSIFY_BATCH);
        chunks.push(ask(chunk, settings, false, parseLabelClassifications, withoutEvidence));
      }
      // Were the classifier not to load here, only the long texts go unlabelled, not the batch.
      const tooLong = classifyHere(
        texts.filter((text) => !fitsRequest(text)),
        settings,
      ).catch((error: unknown) => {
        console.error('Moderera: a comment too long to send could not be classified here', error);
        return [];
      });
      const [asked, here] = await Promise.all([Promise.all(chunks), tooLong]);
      const fromBackground = asked.flat().values();
      const fromHere = here.values();
      return texts.map((text) => {
        if (fitsRequest(text)) return fromBackground.next().value;
        const classification = fromHere.next().value;
        return classification && withoutEvidence(classification);
      });
    },
    async full(text, settings) {
      if (!fitsRequest(text)) return (await classifyHere([text], settings))[0] as Classification;
      const [classification] = await ask([text], settings, true, parseClassifications, (c) => c);
      return classification as Classification;
    },
  };
}

function fitsRequest(text: string): boolean {
  return text.length <= MAX_CLASSIFY_TEXT_CHARS;
}

type ClassifyMessage = Extract<ContentToBackground, { type: 'content.classify' }>;

function wordLists(settings: ClassifierSettings): ClassifyMessage['extraWords'] {
  const lists: ClassifyMessage['extraWords'] = {};
  for (const [flag, words] of Object.entries(settings.extraWords ?? {}) as [FlagId, readonly string[]][])
    lists[flag] = [...words];
  return lists;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The data of a background reply (`Reply` in lib/messaging/messages.ts), or its error thrown. */
function replyData(reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply))
    throw new Error('the background gave no reply');
  if (reply.ok === true && 'data' in reply) return reply.data;
  const error = 'error' in reply ? (reply.error as { message?: unknown } | null) : null;
  throw new Error(`the background refused: ${String(error?.message ?? 'no reason given')}`);
}

/** Classifies in the content script, a few texts per task, compiling the lexicons first. */
async function classifyLocally(
  classifier: ClassifierApi,
  texts: readonly string[],
  settings: ClassifierSettings,
): Promise<Classification[]> {
  const out: Classification[] = [];
  if (texts.length === 0) return out;
  await runInTasks(() => {
    if (classifier.prepareClassifierStep(settings)) return true;
    out.push(classifier.classify(texts[out.length] as string, settings));
    return out.length < texts.length;
  });
  return out;
}
