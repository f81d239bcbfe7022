/**
 * Small DOM helpers shared by the YouTube, YouTube Studio and WordPress adapters. They read
 * nodes and attributes only, never markup strings.
 */

/**
 * The first element under `scope` that matches `selector` and belongs to `scope` itself, not to
 * a nested comment (an element whose closest `ownerSelector` match is `scope`).
 */
export function ownQuery(scope: Element, selector: string, ownerSelector: string): Element | null {
  const scoped = scopedSelector(selector);
  // Usually the first match is the comment's own; only nested comments need the full list.
  const first = scope.querySelector(scoped);
  if (!first || first.closest(ownerSelector) === scope) return first;
  for (const candidate of Array.from(scope.querySelectorAll(scoped))) {
    if (candidate.closest(ownerSelector) === scope) return candidate;
  }
  return null;
}

const scopedSelectors = new Map<string, string>();

/**
 * The selector with every `#id` written as `:is([id="id"])`. YouTube repeats ids such as
 * `content-text` in every comment, and Chromium answers a scoped query whose subject is
 * `#id` or even `[id="id"]` from the document's id map, checking each of the page's
 * elements with that id for containment: reading n comments then costs n² (measured on
 * 2,000 comments: ~50 µs a query instead of ~2 µs). Inside `:is()` the id is an ordinary
 * attribute test, so the query only walks the scope's own subtree. Same matches.
 */
export function scopedSelector(selector: string): string {
  let result = scopedSelectors.get(selector);
  if (result === undefined) {
    result = selector.replace(/#(-?[_a-zA-Z][\w-]*)/g, ':is([id="$1"])');
    scopedSelectors.set(selector, result);
  }
  return result;
}

/** The first element matching any of the selectors, tried in order. */
export function firstMatch(
  scope: ParentNode,
  selectors: readonly string[],
  accept?: (element: Element) => boolean,
): Element | null {
  for (const selector of selectors) {
    if (!accept) {
      const found = scope.querySelector(selector);
      if (found) return found;
      continue;
    }
    for (const candidate of Array.from(scope.querySelectorAll(selector))) {
      if (accept(candidate)) return candidate;
    }
  }
  return null;
}

/** An attribute URL made absolute against the page, or null when missing or malformed. */
export function absoluteUrl(element: Element | null, attribute: string, base: URL): URL | null {
  const raw = element?.getAttribute(attribute)?.trim();
  if (!raw) return null;
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/** Candidate elements under root (root included), each once, in document order. */
export function collectCandidates(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [];
  if (isElement(root) && root.matches(selector)) found.push(root);
  found.push(...Array.from(root.querySelectorAll(selector)));
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as { nodeType?: unknown }).nodeType === 1;
}

/** Whitespace collapsed and trimmed; null for an empty result. */
export function cleanText(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}
