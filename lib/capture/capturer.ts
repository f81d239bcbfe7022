/**
 * The background's half of a comment screenshot: capture the visible tab of the window the
 * sending tab is in (only when that tab is the one shown, so the image is of its page), crop
 * it to the comment, and hand back the PNG as base64. The browser calls are injected; the
 * background wires them.
 */
import { cropRegion, type Rect, type Size } from './crop';
import type { CaptureCommentRequest, CaptureOutcome } from './messages';
import { base64ToBytes, bytesToBase64 } from './png';

export interface CapturerDeps {
  /** The sending tab: whether it is its window's active tab, and the window. */
  tab(tabId: number): Promise<{ active: boolean; windowId: number }>;
  /** tabs.captureVisibleTab(windowId, { format: 'png' }): a data: URL. */
  captureVisibleTab(windowId: number): Promise<string>;
  /** Whether the optional screenshot permission is granted. */
  allowed(): Promise<boolean>;
  /** Crops a PNG to the region chosen from the image's size; null when the region is empty. */
  cropPng(png: Uint8Array<ArrayBuffer>, region: (image: Size) => Rect | null): Promise<Uint8Array | null>;
  /** Waits before the one retry Chromium's two-captures-a-second quota may need. */
  pause?: (ms: number) => Promise<void>;
}

const QUOTA = 'MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND';

export function createCapturer(deps: CapturerDeps) {
  const pause = deps.pause ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));

  async function capture(windowId: number): Promise<string> {
    try {
      return await deps.captureVisibleTab(windowId);
    } catch (error) {
      if (!messageOf(error).includes(QUOTA)) throw error;
      await pause(600);
      return deps.captureVisibleTab(windowId);
    }
  }

  return async function captureComment(
    request: CaptureCommentRequest,
    tabId: number,
  ): Promise<CaptureOutcome> {
    let tab: { active: boolean; windowId: number };
    try {
      tab = await deps.tab(tabId);
    } catch (error) {
      return { ok: false, failure: 'failed', detail: messageOf(error) };
    }
    if (!tab.active) return { ok: false, failure: 'tab_hidden', detail: null };
    let dataUrl: string;
    try {
      dataUrl = await capture(tab.windowId);
    } catch (error) {
      // activeTab (an action click on this tab) also allows a capture, so the permission is
      // only blamed when the capture failed and it is missing.
      if (!(await deps.allowed().catch(() => false))) {
        return { ok: false, failure: 'no_permission', detail: null };
      }
      return { ok: false, failure: 'failed', detail: messageOf(error) };
    }
    const png = pngDataUrlBytes(dataUrl);
    if (!png) return { ok: false, failure: 'failed', detail: 'the browser returned no PNG' };
    let cropped: Uint8Array | null;
    try {
      cropped = await deps.cropPng(png, (image) => cropRegion(request.rect, request.viewport, image));
    } catch (error) {
      return { ok: false, failure: 'failed', detail: messageOf(error) };
    }
    if (!cropped) return { ok: false, failure: 'not_visible', detail: null };
    return { ok: true, base64: bytesToBase64(cropped) };
  };
}

/** The bytes of a `data:image/png;base64,…` URL, or null for anything else. */
export function pngDataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> | null {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) return null;
  try {
    return base64ToBytes(dataUrl.slice(prefix.length));
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
