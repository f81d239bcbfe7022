/**
 * The YouTube Studio id bridge. Studio keeps a comment's id only in the element's JavaScript
 * property `data.commentId`, which a content script's isolated world cannot see. The
 * isolated side dispatches a synchronous request event on the comment element; a listener in
 * the page's main world (installed by a MAIN-world content script) reads the property and
 * answers with a response event on the same element whose detail is a JSON string (strings
 * cross the worlds where objects do not). Both sides validate the id.
 */
import { z } from 'zod/mini';

export const STUDIO_ID_REQUEST = 'moderera:studio-id-request';
export const STUDIO_ID_RESPONSE = 'moderera:studio-id-response';

export const STUDIO_COMMENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

/** Built on first use (see settings.ts: zod schemas made at load lengthen a content script's first task). */
let responseSchema: z.ZodMiniType<{ commentId: string }> | null = null;

function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && (value as { nodeType?: unknown }).nodeType === 1;
}

/** `element.data.commentId` when it is a valid id (main world only: the property is the page's). */
export function commentIdProperty(element: unknown): string | null {
  if (typeof element !== 'object' || element === null) return null;
  const data: unknown = (element as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return null;
  const id: unknown = (data as { commentId?: unknown }).commentId;
  return typeof id === 'string' && STUDIO_COMMENT_ID.test(id) ? id : null;
}

/**
 * Main world: answers id requests for the whole document. Returns a function that removes
 * the listener.
 */
export function installStudioIdResponder(doc: Document): () => void {
  const view = doc.defaultView;
  const listener = (event: Event): void => {
    const target = event.target;
    if (!isElement(target) || !view) return;
    const commentId = commentIdProperty(target);
    if (!commentId) return;
    const detail = JSON.stringify({ commentId });
    target.dispatchEvent(
      new view.CustomEvent(STUDIO_ID_RESPONSE, { detail, bubbles: false, composed: false }),
    );
  };
  doc.addEventListener(STUDIO_ID_REQUEST, listener, true);
  return () => doc.removeEventListener(STUDIO_ID_REQUEST, listener, true);
}

/** The validated id carried by a response event, or null. */
export function parseStudioIdResponse(event: Event): string | null {
  const detail: unknown = (event as { detail?: unknown }).detail;
  if (typeof detail !== 'string' || detail.length > 512) return null;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return null;
  }
  responseSchema ??= z.object({ commentId: z.string().check(z.regex(STUDIO_COMMENT_ID)) });
  const parsed = responseSchema.safeParse(value);
  return parsed.success ? parsed.data.commentId : null;
}

/**
 * Isolated world: asks the main world for the element's comment id. Event dispatch is
 * synchronous, so the answer (or null when nobody answers) is there when this returns.
 */
export function readStudioCommentId(element: Element): string | null {
  const view = element.ownerDocument.defaultView;
  if (!view) return null;
  let result: string | null = null;
  const onResponse = (event: Event): void => {
    if (event.target !== element) return;
    result = parseStudioIdResponse(event);
  };
  element.addEventListener(STUDIO_ID_RESPONSE, onResponse);
  try {
    element.dispatchEvent(new view.CustomEvent(STUDIO_ID_REQUEST, { bubbles: true, composed: true }));
  } finally {
    element.removeEventListener(STUDIO_ID_RESPONSE, onResponse);
  }
  return result;
}
