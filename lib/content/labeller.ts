/**
 * The labeller: finds every comment an adapter recognises, keeps one label on each, and
 * keeps it right while the site adds, recycles and re-renders elements. It knows no
 * platform's markup (adapters do) and no UI framework (the renderer does).
 *
 * State that matters is keyed by comment id. The element-to-host map exists only to know
 * which host an element carries; an element showing another comment gets its host rewritten.
 *
 * Cost on a long page: reading and classifying a comment is cheap, but every frame in which
 * the page changes costs a style, layout and pre-paint pass over the whole page (tens of ms
 * with 2,000 comments), whatever the size of the change. So labels are rendered into hosts
 * that are not in the page yet, and go in together when the queue is done (or every
 * `placeEveryMs` on a very long backlog, those near the viewport first), `placeChunk` per
 * frame. Comments that load later are read once scrolling pauses (`whenQuiet`); their labels
 * wait a moment for company, and go in with the page's own next change if it comes first.
 * Nothing reads layout after a write of ours.
 */
import type { LabelClassification } from '../classifier';
import type {
  CommentIdentity,
  CommentSnapshot,
  LabelSlot,
  PageContext,
  PlatformAdapter,
  RemovalMode,
  RemovalResult,
  ReplyResult,
} from '../platforms/types';
import { createHost, isOurHost, isPlaced, LABEL_TAG, place, writeHostData } from './label-host';
import { createPageMemo } from './page-memo';
import { createSliceScheduler } from './scheduler';

export interface LabelModel {
  /** The comment's id and the text that was classified. */
  comment: CommentIdentity;
  classification: LabelClassification;
  /**
   * The whole snapshot (author, time, permalink …) of the comment as the page shows it now, read
   * when someone needs it, since labelling a long page reads only ids and texts; null when the
   * comment is no longer on the page.
   */
  details(): CommentSnapshot | null;
}

export interface LabelRenderer {
  /** Renders into a host, which may not be in the page yet. */
  render(host: HTMLElement, model: LabelModel): void;
  /** The host has gone into the page (again). */
  placed?(host: HTMLElement): void;
  unmount(host: HTMLElement): void;
}

export interface PageStatus {
  platform: PlatformAdapter['id'] | null;
  labelled: number;
  toRemove: number;
  layoutProblem: boolean;
}

export interface LabellerOptions {
  adapters: readonly PlatformAdapter[];
  document: Document;
  /**
   * Classifies texts, one classification each in order: at once (an array), or later (a
   * promise: the background classifies for content scripts). Comments wait, unlabelled, for
   * their classification, while the labeller reads on; a text classified once is not asked again.
   * A text whose classification is missing (undefined) stays unlabelled until it changes.
   */
  classify: (texts: readonly string[]) => Classifications | Promise<Classifications>;
  renderer: LabelRenderer;
  /** Called when the page's counts change (debounced by the caller if needed). */
  onStatus?: (status: PageStatus) => void;
  /** How long a page with a comment section may show none before the layout is suspected (ms). */
  layoutGraceMs?: number;
  onLayoutProblem?: (problem: { adapter: string; url: string } | null) => void;
  /** Marks each slice of work as a `moderera:*` performance measure, for benchmarks and DevTools. */
  profile?: boolean;
  /**
   * The longest labels may wait, ready but not yet in the page, while a backlog is worked
   * through (ms). Every write to a page of thousands of comments costs a style and layout
   * pass of the whole page, so labels go in together, not slice by slice.
   */
  placeEveryMs?: number;
  /** At most this many labels go into the page per frame (a frame's cost grows with each). */
  placeChunk?: number;
  /**
   * New labels for comments that appear after the first labelling wait until no comment has
   * appeared for this long (ms), or until the page next changes itself (they then share the
   * frame the page pays for anyway), so that a page loading comments in quick batches pays no
   * placing frame of ours for them but the last. 0 places them at once.
   */
  coalesceMs?: number;
  /** The longest new labels wait for more to come (ms). */
  coalesceMaxMs?: number;
  /**
   * Comments the page adds after the first labelling are read only once this runs `read`
   * (start-labelling: when the moderator has paused scrolling, or after a second at most):
   * while a long page scrolls, nearly every frame it renders is already over 50 ms, and each
   * task of ours in between makes one longer. A comment that carries a label is read at once,
   * since its label may now be stale or gone.
   */
  whenQuiet?: (read: () => void) => void;
}

type Classifications = readonly (LabelClassification | undefined)[];

/** With this many comments or more, the ones in and near the viewport are labelled first. */
const VISIBLE_FIRST_FROM = 100;
/** How far outside the viewport still counts as near it (px), and at most how many go first. */
const VISIBLE_MARGIN_PX = 600;
const VISIBLE_MAX = 60;
const FRAME_WAIT_MAX_MS = 200;
/** A slice that has worked longer than this (ms) leaves the placing of ready labels to the next. */
const PLACE_IN_SLICE_AFTER_MS = 4;
/** More new labels than this go in without waiting for more: the page is not loading in small batches. */
const COALESCE_MAX_LABELS = 200;
/** Classifications remembered by text, so that a re-rendered or recycled comment is not asked again. */
const KNOWN_MAX = 5000;

/** A comment read and waiting for its classification (compared by identity: a comment read again waits anew). */
interface Awaiting {
  comment: CommentIdentity;
}

interface Mounted {
  host: HTMLElement;
  commentId: string;
  text: string;
  category: string;
}

export interface Labeller {
  /** Labels what is on the page now and starts watching for changes. */
  start(): void;
  /**
   * Stops watching and takes every label of this labeller out of the page: a labeller is
   * stopped when its content script is replaced (the popup injected it again, or the extension
   * was updated), and the labels of the old one could no longer act.
   */
  stop(): void;
  /** Re-classifies every label, e.g. after the user's extra words changed. */
  refreshAll(): void;
  /** Puts text into the platform's own reply box of the comment with this id, wherever it is now. */
  insertReply(commentId: string, text: string): Promise<ReplyResult>;
  /** The comment as the page shows it right now, or null when it is no longer there. */
  currentSnapshot(commentId: string): CommentSnapshot | null;
  /** The element that shows the comment now (for its screenshot), or null when it is gone. */
  commentElement(commentId: string): Element | null;
  /** How the page's platform can take comments down. */
  removalModes(): readonly RemovalMode[];
  /** Takes the comment with this id down through the platform's own controls. */
  remove(commentId: string, mode: RemovalMode): Promise<RemovalResult>;
}

export function createLabeller(options: LabellerOptions): Labeller {
  const doc = options.document;
  const mounted = new WeakMap<Element, Mounted>();
  /** Which element carries the label of a comment id: sites sometimes render a comment twice. */
  const ownerById = new Map<string, Element>();
  const dirty = new Set<Element>();
  /** Labels rendered into hosts that are not in the page yet, with where each goes. */
  const unplaced = new Map<Element, LabelSlot>();
  let unplacedSince = 0;
  /** How many of the ready labels are going into the page, a chunk per slice. */
  let toPlace = 0;
  /** A chunk went in and the frame that renders it has not begun yet. */
  let awaitingFrame = false;
  // Long enough that 2,000 comments (~0.5 s of labelling on a slow machine) go in together.
  // Those in view are not placed ahead on their own: that frame cost ~50 ms of blocking for
  // labels shown ~0.5 s sooner (bench:overlay at load: added blocking 167-244 ms without it,
  // 220-309 ms with it, 6 rounds each).
  const placeEveryMs = options.placeEveryMs ?? 800;
  // A frame that changes a page of 2,000 YouTube comments at all costs ~60 ms of the page's
  // own layout, pre-paint and paint (one empty element: pre-paint alone ~35 ms), plus ~0.05 ms
  // a label: fewer, larger chunks finish sooner and block less in total (bench:overlay, 2,000
  // comments: one placing frame of ~250 ms against two of ~140-180 ms).
  const placeChunk = options.placeChunk ?? 2000;
  let placedTotal = 0;
  const coalesceMs = options.coalesceMs ?? 150;
  const coalesceMaxMs = options.coalesceMaxMs ?? 400;
  /** The first labelling of the page is done: later labels may wait for company. */
  let firstPlacementDone = false;
  /** When a comment last appeared or changed. */
  let lastDirtyAt = 0;
  /** A label the site's re-render took out, or moved to a new element, is waiting: that never waits. */
  let putBackPending = false;
  /** New comments wait for the page to be quiet (`whenQuiet`). */
  let quietWaitPending = false;
  /** How often the labeller has been started: a wait begun before a stop comes to nothing. */
  let runs = 0;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let adapter: PlatformAdapter | null = null;
  let fullScanPending = true;
  let observer: MutationObserver | null = null;
  let layoutTimer: ReturnType<typeof setTimeout> | undefined;
  let layoutProblemShown = false;
  let lastStatusKey = '';
  let stopped = false;
  /** Comments read whose classification has been asked for, or is about to be. */
  const awaiting = new Map<Element, Awaiting>();
  /** Texts read in this slice and not asked for yet: they are asked for together at its end. */
  const toAsk = new Set<string>();
  /** Texts asked for and not answered yet. */
  const asked = new Set<string>();
  /** Comments whose classification came, labelled in the next slice before anything else is read. */
  const answered = new Map<Element, { entry: Awaiting; classification: LabelClassification }>();
  /** Classifications by text, so that a re-rendered or recycled comment is labelled without asking. */
  const known = new Map<string, LabelClassification>();
  /** Answers to questions asked before the settings changed (or the labeller stopped) are not used. */
  let generation = 0;

  const measure = (name: string) => (start: number) => performance.measure(name, { start });
  const scheduler = createSliceScheduler((deadline) => processSlice(deadline), {
    onSlice: options.profile ? measure('moderera:slice') : undefined,
  });
  const profileMutations = options.profile ? measure('moderera:mutations') : undefined;

  const memoFor = createPageMemo();

  function page(): PageContext {
    const url = new URL(doc.location.href);
    return { url, document: doc, memo: memoFor(url.href) };
  }

  function resolveAdapter(): PlatformAdapter | null {
    const url = new URL(doc.location.href);
    return options.adapters.find((candidate) => candidate.matchesUrl(url)) ?? null;
  }

  /**
   * One slice: labels ready earlier go into the page (a chunk at a time, one frame each), then
   * dirty comments are read, classified and rendered into hosts that are not in the page yet.
   * Reading never forces a layout, so nothing of ours makes the browser lay out the page
   * except the placing itself.
   */
  function processSlice(deadline: () => boolean): boolean {
    if (stopped) return false;
    const sliceStart = performance.now();
    const current = resolveAdapter();
    if (current !== adapter) {
      adapter = current;
      fullScanPending = true;
    }
    if (!adapter) return false;
    if (fullScanPending) {
      fullScanPending = false;
      queueAll(Array.from(doc.querySelectorAll(adapter.commentSelector)));
    }
    placeReady(placeChunk);
    const ctx = page();
    if (!labelAnswered(adapter, deadline)) return backlogLeft();
    for (const element of dirty) {
      if (deadline()) return backlogLeft();
      dirty.delete(element);
      labelElement(adapter, element, ctx);
    }
    askForClassifications();
    if (!labelAnswered(adapter, deadline)) return backlogLeft();
    if (awaiting.size > 0) {
      // The answers ask for the next slice; labels ready meanwhile wait for them, not for long.
      placeLongWaiting();
      if (putBackPending) toPlace = unplaced.size;
      if (toPlace > 0) return !awaitingFrame; // the rest after the frame, which asks for the next slice
      if (unplaced.size > 0) sliceAt(unplacedSince + placeEveryMs);
      return false;
    }
    if (holdForMore()) return false;
    // Putting a chunk in is DOM work of its own (~20 ms for 1,000 labels on a slow machine):
    // after a slice's reading it would make a long task, so it begins the next slice instead.
    if (unplaced.size > 0 && performance.now() - sliceStart > PLACE_IN_SLICE_AFTER_MS) {
      toPlace = unplaced.size;
      return !awaitingFrame; // a chunk went in already: the frame asks for the next slice
    }
    toPlace = unplaced.size;
    placeReady(placeChunk);
    if (toPlace > 0) return !awaitingFrame; // the rest after the frame, which asks for the next slice
    afterBatch(adapter, ctx);
    firstPlacementDone = true;
    return false;
  }

  /** A slice used up with work left: what was read is asked for; on a long backlog, ready labels go in now and then. */
  function backlogLeft(): true {
    askForClassifications();
    placeLongWaiting();
    return true;
  }

  function placeLongWaiting(): void {
    if (toPlace === 0 && unplaced.size > 0 && performance.now() - unplacedSince >= placeEveryMs)
      toPlace = unplaced.size;
  }

  /**
   * Asks for the classification of the texts read since the last time, in one request; an
   * answer given at once (a classifier in this world) is ready for `labelAnswered` right away.
   */
  function askForClassifications(): void {
    if (toAsk.size === 0) return;
    const texts = [...toAsk];
    toAsk.clear();
    for (const text of texts) asked.add(text);
    const askedIn = generation;
    const askedAt = performance.now();
    // The request's span, and a mark in the task that took the answer in (reading and checking
    // the reply is work of ours on the page's main thread).
    const measureAnswer = options.profile
      ? () => {
          performance.measure('moderera:classify', { start: askedAt, detail: texts.length });
          performance.mark('moderera:answered', { detail: texts.length });
        }
      : undefined;
    let answer: ReturnType<LabellerOptions['classify']>;
    try {
      answer = options.classify(texts);
    } catch (error) {
      refused(texts, askedIn, error);
      return;
    }
    if (!('then' in answer)) {
      receive(texts, answer, askedIn);
      return;
    }
    answer.then(
      (results) => {
        measureAnswer?.();
        receive(texts, results, askedIn);
      },
      (error: unknown) => refused(texts, askedIn, error),
    );
  }

  function receive(texts: readonly string[], results: Classifications, askedIn: number): void {
    if (askedIn !== generation) return; // asked again under the new settings
    const batch = new Map<string, LabelClassification | undefined>();
    texts.forEach((text, i) => {
      asked.delete(text);
      const classification = results[i];
      batch.set(text, classification);
      if (classification) remember(text, classification);
    });
    for (const [element, entry] of awaiting) {
      if (!batch.has(entry.comment.text)) continue;
      const classification = batch.get(entry.comment.text);
      if (classification) answered.set(element, { entry, classification });
      else awaiting.delete(element);
    }
    scheduler.request();
  }

  /** Comments whose classification failed stay unlabelled until they change; the rest goes on. */
  function refused(texts: readonly string[], askedIn: number, error: unknown): void {
    console.error('Moderera: comments could not be classified', error);
    if (askedIn !== generation) return;
    const batch = new Set(texts);
    for (const text of texts) asked.delete(text);
    for (const [element, entry] of awaiting) {
      if (!batch.has(entry.comment.text)) continue;
      awaiting.delete(element);
      // An edited comment's label, classified from its old text, must not stay as if it were right.
      const state = mounted.get(element);
      if (state && state.text !== entry.comment.text) removeLabel(element, state);
    }
    scheduler.request();
  }

  function remember(text: string, classification: LabelClassification): void {
    if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value as string);
    known.set(text, classification);
  }

  /** Labels the comments whose classification came; false when the slice ran out first. */
  function labelAnswered(active: PlatformAdapter, deadline: () => boolean): boolean {
    for (const [element, { entry, classification }] of answered) {
      if (deadline()) return false;
      answered.delete(element);
      if (awaiting.get(element) !== entry) continue; // read again since: it waits for its own answer
      awaiting.delete(element);
      if (dirty.has(element) || !element.isConnected) continue; // it is read again anyway
      showLabel(active, element, entry.comment, classification);
    }
    return true;
  }

  /**
   * Whether the ready labels should wait for more comments to come before going in (see
   * `coalesceMs`); if so, a slice is asked for when the wait is over.
   */
  function holdForMore(): boolean {
    if (coalesceMs <= 0 || !firstPlacementDone || putBackPending) return false;
    if (unplaced.size === 0 || unplaced.size > COALESCE_MAX_LABELS) return false;
    const now = performance.now();
    const until = Math.min(lastDirtyAt + coalesceMs, unplacedSince + coalesceMaxMs);
    if (now >= until) return false;
    sliceAt(until);
    return true;
  }

  /** Asks for a slice at `time` (on the performance clock), instead of any asked for before. */
  function sliceAt(time: number): void {
    clearTimeout(holdTimer);
    holdTimer = setTimeout(() => scheduler.request(), Math.max(0, time - performance.now()) + 1);
  }

  /**
   * Queues every comment of a full scan: on a long page those in and near the viewport first,
   * then those below it, then those above, so that on a backlog long enough to be placed in
   * several goes (`placeEveryMs`) the first go is what the moderator is looking at.
   */
  function queueAll(all: Element[]): void {
    const near = all.length >= VISIBLE_FIRST_FROM ? nearViewport(all) : null;
    if (!near) {
      for (const element of all) dirty.add(element);
      return;
    }
    for (const element of near.elements) dirty.add(element);
    for (let i = near.from; i < all.length; i++) dirty.add(all[i] as Element);
    for (let i = 0; i < near.from; i++) dirty.add(all[i] as Element);
  }

  /**
   * The comments in and near the viewport, from a binary search over the comments in document
   * order, and where they start. It reads layout only here, before this task has written
   * anything, so it forces no layout of our making; the order it gives is only a preference.
   */
  function nearViewport(all: Element[]): { from: number; elements: Element[] } | null {
    const view = doc.defaultView;
    if (!view) return null;
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const element = all[middle] as Element;
      if (element.getBoundingClientRect().bottom < -VISIBLE_MARGIN_PX) low = middle + 1;
      else high = middle;
    }
    const bottom = view.innerHeight + VISIBLE_MARGIN_PX;
    const elements: Element[] = [];
    for (let i = low; i < all.length && elements.length < VISIBLE_MAX; i++) {
      const element = all[i] as Element;
      if (element.getBoundingClientRect().top > bottom) break;
      elements.push(element);
    }
    return { from: low, elements };
  }

  /**
   * Puts up to `limit` ready labels into the page in one write phase. Every frame with a change
   * costs a style and layout pass of the whole page, so labels go in together; in chunks, so
   * that no one frame grows very long.
   */
  function placeReady(limit: number): void {
    if (toPlace === 0 || awaitingFrame) return;
    let placed = 0;
    withoutObserving(() => {
      for (const [element, slot] of unplaced) {
        if (placed >= limit || toPlace === 0) break;
        toPlace--;
        unplaced.delete(element);
        const state = mounted.get(element);
        if (state && element.isConnected && !isPlaced(state.host, slot)) {
          place(state.host, slot);
          options.renderer.placed?.(state.host);
          placed++;
        }
      }
    });
    if (unplaced.size > 0) unplacedSince = performance.now();
    else {
      toPlace = 0;
      putBackPending = false;
    }
    if (placed === 0) return;
    if (options.profile) markPlaced(placed);
    if (toPlace > 0) waitForFrame();
  }

  /**
   * Our own insertions are not observed: a record for each of 1,000 hosts, only to be filtered
   * out, cost ~6 ms at the end of the slice that placed them. What the page changed before is
   * taken first, and handled after.
   */
  function withoutObserving(write: () => void): void {
    if (!observer) {
      write();
      return;
    }
    const pageRecords = observer.takeRecords();
    observer.disconnect();
    try {
      write();
    } finally {
      observer.observe(doc.documentElement, OBSERVED);
    }
    if (pageRecords.length > 0) collectDirty(pageRecords);
  }

  /**
   * Holds back the next chunk until the browser has rendered this one: slices of ours can
   * follow each other with no frame between, and two chunks in one frame make it twice as long.
   * A hidden page renders nothing, so it does not wait (nor for more than a moment, ever).
   */
  function waitForFrame(): void {
    const view = doc.defaultView;
    if (!view || doc.visibilityState === 'hidden') return;
    awaitingFrame = true;
    const release = () => {
      if (!awaitingFrame) return;
      awaitingFrame = false;
      clearTimeout(fallback);
      scheduler.request();
    };
    const fallback = setTimeout(release, FRAME_WAIT_MAX_MS);
    view.requestAnimationFrame(release);
  }

  /** For benchmarks: how many hosts have gone in so far, when, and when the frame showing them was done. */
  function markPlaced(placed: number): void {
    placedTotal += placed;
    const detail = placedTotal;
    performance.mark('moderera:placed', { detail });
    doc.defaultView?.requestAnimationFrame(() =>
      setTimeout(() => performance.mark('moderera:painted', { detail })),
    );
  }

  function labelElement(active: PlatformAdapter, element: Element, ctx: PageContext): void {
    const existing = mounted.get(element);
    if (!element.isConnected) return;
    const comment = active.identify ? active.identify(element, ctx) : active.snapshot(element, ctx);
    if (!comment) {
      awaiting.delete(element);
      if (existing) removeLabel(element, existing);
      return;
    }
    const unchanged = existing?.commentId === comment.commentId && existing.text === comment.text;
    const classification = unchanged ? null : known.get(comment.text);
    if (unchanged || classification) {
      awaiting.delete(element);
      showLabel(active, element, comment, classification ?? null);
      return;
    }
    // A recycled element must not keep the label of the comment it showed before.
    if (existing && existing.commentId !== comment.commentId) removeLabel(element, existing);
    awaiting.set(element, { comment });
    if (!asked.has(comment.text)) toAsk.add(comment.text);
  }

  /** Puts the label on the comment; `classification` is null when the label's comment and text are unchanged. */
  function showLabel(
    active: PlatformAdapter,
    element: Element,
    comment: CommentIdentity,
    classification: LabelClassification | null,
  ): void {
    const existing = mounted.get(element);
    const owner = ownerById.get(comment.commentId);
    if (
      owner &&
      owner !== element &&
      owner.isConnected &&
      // An owner about to be read again may show another comment by now (elements swapped).
      !dirty.has(owner) &&
      mounted.get(owner)?.commentId === comment.commentId
    ) {
      if (existing) removeLabel(element, existing);
      return; // the same comment rendered twice: one label is enough
    }
    const slot = active.labelSlot(element);
    if (!slot) return;
    // A comment that had a label (on this element or on one the site replaced) never waits.
    const putBack = existing?.commentId === comment.commentId || (owner !== undefined && owner !== element);
    const state = existing ?? { host: createHost(doc, LABEL_TAG), commentId: '', text: '', category: '' };
    if (classification && state.commentId && ownerById.get(state.commentId) === element)
      ownerById.delete(state.commentId);
    // Before the renderer runs: an open panel reads the comment's details through it.
    ownerById.set(comment.commentId, element);
    if (classification) {
      writeHostData(state.host, {
        commentId: comment.commentId,
        platform: comment.platform,
        category: classification.category,
        flags: classification.flags,
      });
      const { commentId } = comment;
      options.renderer.render(state.host, {
        comment,
        classification,
        details: () => locate(commentId)?.snapshot ?? null,
      });
      state.commentId = comment.commentId;
      state.text = comment.text;
      state.category = classification.category;
    }
    mounted.set(element, state);
    if (isPlaced(state.host, slot)) {
      unplaced.delete(element);
      // It may have left the page with its comment and come back: its badge may wait to be drawn.
      options.renderer.placed?.(state.host);
    } else {
      if (putBack) putBackPending = true;
      if (unplaced.size === 0) unplacedSince = performance.now();
      unplaced.set(element, slot);
    }
  }

  /** The element that shows this comment now; sites recycle elements, so the id is checked again. */
  function locate(commentId: string) {
    const element = ownerById.get(commentId);
    const active = adapter;
    if (!element?.isConnected || !active) return null;
    const snapshot = active.snapshot(element, page());
    return snapshot?.commentId === commentId ? { element, adapter: active, snapshot } : null;
  }

  /** After the settings changed: what was classified or asked for under the old ones is not used. */
  function forgetClassifications(): void {
    generation++;
    known.clear();
    asked.clear();
    toAsk.clear();
    awaiting.clear();
    answered.clear();
  }

  function removeLabel(element: Element, state: Mounted): void {
    unplaced.delete(element);
    options.renderer.unmount(state.host);
    state.host.remove();
    mounted.delete(element);
    if (ownerById.get(state.commentId) === element) ownerById.delete(state.commentId);
  }

  function afterBatch(active: PlatformAdapter, ctx: PageContext): void {
    let labelled = 0;
    let toRemove = 0;
    for (const [id, element] of ownerById) {
      const state = mounted.get(element);
      if (!element.isConnected || !state || state.commentId !== id) {
        ownerById.delete(id);
        continue;
      }
      labelled++;
      if (state.category === 'offensive_confidential') toRemove++;
    }
    checkLayout(active, ctx, labelled);
    const status: PageStatus = { platform: active.id, labelled, toRemove, layoutProblem: layoutProblemShown };
    const key = JSON.stringify(status);
    if (key !== lastStatusKey) {
      lastStatusKey = key;
      options.onStatus?.(status);
    }
  }

  function checkLayout(active: PlatformAdapter, ctx: PageContext, labelled: number): void {
    if (labelled > 0) {
      clearTimeout(layoutTimer);
      layoutTimer = undefined;
      if (layoutProblemShown) {
        layoutProblemShown = false;
        options.onLayoutProblem?.(null);
      }
      return;
    }
    if (layoutProblemShown || layoutTimer !== undefined) return;
    layoutTimer = setTimeout(() => {
      layoutTimer = undefined;
      if (ownerById.size === 0 && active.hasCommentSection(ctx)) {
        layoutProblemShown = true;
        options.onLayoutProblem?.({ adapter: active.id, url: ctx.url.href });
        scheduler.request(); // report the changed status
      }
    }, options.layoutGraceMs ?? 3000);
  }

  function onMutations(records: MutationRecord[]): void {
    const start = performance.now();
    collectDirty(records);
    profileMutations?.(start);
  }

  function collectDirty(records: MutationRecord[]): void {
    const active = adapter ?? resolveAdapter();
    if (!active) {
      scheduler.request();
      return;
    }
    const selector = active.commentSelector;
    let pageChanged = false;
    // New comments may wait for quiet only after the first labelling.
    const whenQuiet = firstPlacementDone ? options.whenQuiet : undefined;
    let labelledChanged = false;
    const markDirty = (comment: Element) => {
      dirty.add(comment);
      if (mounted.has(comment)) labelledChanged = true;
    };
    for (const record of records) {
      if (isOwnInsertion(record)) continue;
      pageChanged = true;
      const target = record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
      const comment = target?.closest(selector);
      if (comment) markDirty(comment);
      if (whenQuiet && !labelledChanged) labelledChanged = hasLabelled(record.removedNodes);
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || isOurHost(node)) continue;
        const element = node as Element;
        if (element.matches(selector)) markDirty(element);
        for (const inner of element.querySelectorAll(selector)) markDirty(inner);
      }
    }
    if (pageChanged) rideAlong();
    if (dirty.size === 0) return;
    lastDirtyAt = performance.now();
    if (whenQuiet && !labelledChanged) requestWhenQuiet(whenQuiet);
    else scheduler.request();
  }

  /**
   * Whether removed nodes took a label of ours with them: the site re-renders a comment in a
   * new element, and its label must come back at once, not once the page is quiet.
   */
  function hasLabelled(removed: NodeList): boolean {
    for (const node of removed) {
      if (node.nodeType !== 1) continue;
      const element = node as Element;
      if (isOurHost(element) || mounted.has(element) || element.querySelector(LABEL_TAG)) return true;
    }
    return false;
  }

  /** Asks for a slice once the page is quiet (see `whenQuiet`); one wait at a time. */
  function requestWhenQuiet(whenQuiet: (read: () => void) => void): void {
    if (quietWaitPending) return;
    quietWaitPending = true;
    const run = runs;
    whenQuiet(() => {
      if (run !== runs) return; // stopped (and perhaps started again) meanwhile
      quietWaitPending = false;
      scheduler.request();
    });
  }

  /**
   * The page has just changed itself (this runs at the end of its task), so its next frame
   * pays for a style and layout pass anyway: labels held back for company go in now and share
   * that frame instead of costing one of their own.
   */
  function rideAlong(): void {
    if (!firstPlacementDone || unplaced.size === 0 || toPlace > 0 || awaitingFrame) return;
    const placedBefore = placedTotal;
    toPlace = unplaced.size;
    placeReady(placeChunk);
    if (options.profile && placedTotal > placedBefore)
      performance.mark('moderera:ride-along', { detail: placedTotal - placedBefore });
  }

  return {
    start() {
      stopped = false;
      if (options.profile) performance.mark('moderera:start');
      fullScanPending = true;
      scheduler.request();
      observer = new MutationObserver(onMutations);
      observer.observe(doc.documentElement, OBSERVED);
    },
    stop() {
      stopped = true;
      runs++;
      quietWaitPending = false;
      firstPlacementDone = false;
      observer?.disconnect();
      observer = null;
      clearTimeout(layoutTimer);
      clearTimeout(holdTimer);
      dirty.clear();
      forgetClassifications();
      for (const element of [...ownerById.values(), ...unplaced.keys()]) {
        const state = mounted.get(element);
        if (state) removeLabel(element, state);
      }
      unplaced.clear();
      toPlace = 0;
    },
    async insertReply(commentId, text) {
      const found = locate(commentId);
      if (!found) return { ok: false, reason: 'the comment is no longer on the page' };
      if (!found.adapter.insertReply) return { ok: false, reason: 'this page has no reply box' };
      try {
        return await found.adapter.insertReply(found.element, text, page());
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    currentSnapshot(commentId) {
      return locate(commentId)?.snapshot ?? null;
    },
    commentElement(commentId) {
      return locate(commentId)?.element ?? null;
    },
    removalModes() {
      return adapter?.remove ? (adapter.removalModes ?? []) : [];
    },
    async remove(commentId, mode) {
      const found = locate(commentId);
      if (!found) return { ok: false, reason: 'the comment is no longer on the page' };
      if (!found.adapter.remove)
        return { ok: false, reason: 'this platform cannot remove comments from here' };
      try {
        return await found.adapter.remove(found.element, mode, page());
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    refreshAll() {
      for (const element of awaiting.keys()) dirty.add(element);
      forgetClassifications();
      for (const element of ownerById.values()) {
        const state = mounted.get(element);
        if (state) state.text = '\u0000'; // forces re-classification of an otherwise unchanged comment
        dirty.add(element);
      }
      scheduler.request();
    },
  };
}

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['href'],
};

function isOwnInsertion(record: MutationRecord): boolean {
  if (record.type !== 'childList' || record.removedNodes.length > 0 || record.addedNodes.length === 0)
    return false;
  for (const node of record.addedNodes) if (!isOurHost(node)) return false;
  return true;
}
