/**
 * The content script's half of a comment screenshot: bring the comment into view, hide
 * Moderera's own labels and panel so they do not cover it, let the page paint, ask the
 * background to capture, and show our UI again straight away. It never throws: a failure
 * is an outcome, and registering goes on without a screenshot.
 */
import { LABEL_TAG, NOTICE_TAG } from '../content/label-host';
import type { Reply } from '../messaging/messages';
import { cropRegion, fullyVisible, type Rect, type Size } from './crop';
import type { CaptureCommentRequest, CaptureOutcome } from './messages';

export interface ContentCaptureDeps {
  send(message: unknown): Promise<Reply<unknown>>;
  /** Resolves after the next frame is painted (or shortly, where frames do not come). */
  nextFrame?: (view: Window) => Promise<void>;
}

export async function captureCommentElement(
  element: Element | null,
  deps: ContentCaptureDeps,
): Promise<CaptureOutcome> {
  if (!element?.isConnected) return { ok: false, failure: 'unavailable', detail: null };
  const doc = element.ownerDocument;
  const view = doc.defaultView;
  if (!view || doc.visibilityState !== 'visible') return { ok: false, failure: 'tab_hidden', detail: null };
  const viewport = (): Size => ({ width: view.innerWidth, height: view.innerHeight });
  const before = rectOf(element);
  if (!fullyVisible(before, viewport())) {
    element.scrollIntoView({
      block: before.height > viewport().height ? 'start' : 'center',
      inline: 'nearest',
      behavior: 'instant',
    });
  }
  const nextFrame = deps.nextFrame ?? paintedFrame;
  const restore = hideOwnUi(doc);
  try {
    await nextFrame(view);
    await nextFrame(view);
    const request: CaptureCommentRequest = { rect: rectOf(element), viewport: viewport() };
    if (!cropRegion(request.rect, request.viewport, request.viewport)) {
      return { ok: false, failure: 'not_visible', detail: null };
    }
    const reply = await deps.send({ type: 'content.captureComment', ...request });
    if (!reply?.ok) return { ok: false, failure: 'failed', detail: reply?.error.message ?? 'no reply' };
    return reply.data as CaptureOutcome;
  } catch (error) {
    return { ok: false, failure: 'failed', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    restore();
  }
}

function rectOf(element: Element): Rect {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
}

/**
 * Hides what Moderera draws on the page (labels, their panels, the layout notice) without
 * moving anything: `visibility` keeps their boxes. The hosts' own style cannot be overridden
 * from outside their shadow roots (`all: initial !important`), so the children inside are
 * hidden. Returns the function that shows them again.
 */
export function hideOwnUi(doc: Document): () => void {
  const hidden: Array<{ style: CSSStyleDeclaration; value: string; priority: string }> = [];
  for (const host of doc.querySelectorAll(`${LABEL_TAG}, ${NOTICE_TAG}`)) {
    for (const child of host.shadowRoot?.children ?? []) {
      const style = (child as Partial<HTMLElement>).style;
      if (!style) continue;
      hidden.push({
        style,
        value: style.getPropertyValue('visibility'),
        priority: style.getPropertyPriority('visibility'),
      });
      style.setProperty('visibility', 'hidden', 'important');
    }
  }
  return () => {
    for (const { style, value, priority } of hidden) {
      if (value) style.setProperty('visibility', value, priority);
      else style.removeProperty('visibility');
    }
  };
}

/** The next animation frame, or 100 ms where the page gets none (a hidden or throttled tab). */
function paintedFrame(view: Window): Promise<void> {
  return new Promise((resolve) => {
    const timer = view.setTimeout(resolve, 100);
    view.requestAnimationFrame(() => {
      view.clearTimeout(timer);
      resolve();
    });
  });
}
