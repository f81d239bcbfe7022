/**
 * The <moderera-label> host element: the only node Moderera adds to a comment. Everything it
 * shows lives in an open shadow root, so the page's CSS cannot restyle it and ours cannot leak.
 */

import type { LabelSlot, PlatformId } from '../platforms/types';
import type { CategoryId, FlagId } from '../policy/labels';

export const LABEL_TAG = 'moderera-label';
export const NOTICE_TAG = 'moderera-notice';

export interface HostData {
  commentId: string;
  platform: PlatformId;
  category: CategoryId;
  flags: readonly FlagId[];
}

export function createHost(doc: Document, tag: string): HTMLElement {
  const host = doc.createElement(tag);
  host.attachShadow({ mode: 'open' });
  return host;
}

export function writeHostData(host: HTMLElement, data: HostData): void {
  setAttributeIfChanged(host, 'data-comment-id', data.commentId);
  setAttributeIfChanged(host, 'data-platform', data.platform);
  setAttributeIfChanged(host, 'data-category', data.category);
  setAttributeIfChanged(host, 'data-flags', data.flags.join(' '));
}

function setAttributeIfChanged(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function isOurHost(node: Node): boolean {
  return (
    node.nodeType === 1 &&
    ((node as Element).localName === LABEL_TAG || (node as Element).localName === NOTICE_TAG)
  );
}

/** Whether the host already stands where the slot says. */
export function isPlaced(host: Element, slot: LabelSlot): boolean {
  const { anchor, position } = slot;
  switch (position) {
    case 'append':
    case 'prepend':
      return host.parentNode === anchor;
    case 'after':
      return anchor.nextSibling === host;
    case 'before':
      return anchor.previousSibling === host;
  }
}

export function place(host: Element, slot: LabelSlot): void {
  const { anchor, position } = slot;
  switch (position) {
    case 'append':
      anchor.append(host);
      break;
    case 'prepend':
      anchor.prepend(host);
      break;
    case 'after':
      anchor.after(host);
      break;
    case 'before':
      anchor.before(host);
      break;
  }
}
