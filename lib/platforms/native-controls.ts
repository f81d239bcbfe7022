/**
 * Small helpers for working a platform's own menus and dialogs: finding controls by their
 * visible or accessible text (sv/en), and telling what is shown on the page.
 */
import type { RemovalResult } from './types';

export function fail(reason: string): RemovalResult {
  return { ok: false, reason };
}

export function normalised(text: string): string {
  return text
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether the control's aria-label, whole text or one of its text lines (leaf elements) is one of `texts`. */
export function matchesText(control: Element, texts: readonly string[]): boolean {
  const wanted = texts.map(normalised);
  const label = control.getAttribute('aria-label');
  if (label && wanted.includes(normalised(label))) return true;
  if (wanted.includes(normalised(control.textContent ?? ''))) return true;
  return Array.from(control.querySelectorAll('*')).some(
    (node) => node.children.length === 0 && wanted.includes(normalised(node.textContent ?? '')),
  );
}

export function isDisabled(control: Element): boolean {
  return control.getAttribute('aria-disabled') === 'true' || control.hasAttribute('disabled');
}

/** Whether the element is rendered: connected, and neither it nor an ancestor hidden or `display: none`. */
export function isShown(element: Element): boolean {
  if (!element.isConnected) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = view?.getComputedStyle ? view.getComputedStyle(node) : (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

export function shownSet(document: Document, selector: string): Set<Element> {
  return new Set(Array.from(document.querySelectorAll(selector)).filter(isShown));
}

/** Closes an open menu or dialog the way a person would without clicking: Escape. */
export function pressEscape(document: Document, within: Element | null): void {
  const target = (within?.isConnected ? within : null) ?? document.activeElement ?? document.body;
  if (!target) return;
  const view = document.defaultView as (Window & typeof globalThis) | null;
  const Ctor = view?.KeyboardEvent ?? KeyboardEvent;
  for (const type of ['keydown', 'keyup']) {
    target.dispatchEvent(
      new Ctor(type, {
        key: 'Escape',
        code: 'Escape',
        keyCode: 27,
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
  }
}
