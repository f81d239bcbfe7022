/**
 * Input that looks like a person's: pointer clicks with the full event sequence, typing into
 * rich contenteditable editors and setting framework-controlled textareas. Framework-free; works
 * in Chromium, Firefox and happy-dom. Used by the adapters' `insertReply`. Nothing here submits.
 */

export type NewlineMode = 'lineBreak' | 'paragraph';

export interface TypeOptions {
  /**
   * How a newline in the text is typed: `lineBreak` (Shift+Enter, a `<br>`; the default, and
   * the safe choice in editors where Enter sends) or `paragraph` (Enter, a new block).
   */
  newline?: NewlineMode;
}

/** A selector, or a function that returns the wanted element (or null while it is absent). */
export type ElementQuery<T extends Element = Element> = string | ((root: ParentNode) => T | null | undefined);

type Constructor<T> = new (type: string, init?: Record<string, unknown>) => T;

function eventConstructor<T extends Event>(element: Node, name: string, fallback: string): Constructor<T> {
  const scopes: unknown[] = [globalThis, element.ownerDocument?.defaultView];
  for (const key of [name, fallback, 'Event']) {
    for (const scope of scopes) {
      const ctor = (scope as Record<string, unknown> | null | undefined)?.[key];
      if (typeof ctor === 'function') return ctor as Constructor<T>;
    }
  }
  throw new Error('No Event constructor');
}

const FOCUSABLE =
  'button, a[href], input, select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/** The element a real mousedown would focus: the nearest focusable, enabled ancestor-or-self. */
function focusTarget(element: Element): HTMLElement | null {
  const target = element.closest(FOCUSABLE);
  if (!target || (target as HTMLButtonElement).disabled) return null;
  return typeof (target as HTMLElement).focus === 'function' ? (target as HTMLElement) : null;
}

/**
 * Clicks like a mouse does: pointerover, pointerenter, mouseover, mouseenter, pointerdown,
 * mousedown, focus (unless mousedown was cancelled), pointerup, mouseup, click, at the element's
 * centre. Sites such as Facebook ignore a bare `.click()`. Returns false when the click was
 * cancelled by a listener.
 */
export function dispatchPointerClick(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  const clientX = Math.round(rect.left + rect.width / 2);
  const clientY = Math.round(rect.top + rect.height / 2);
  const view = element.ownerDocument.defaultView;
  const base = {
    bubbles: true,
    composed: true,
    cancelable: true,
    view,
    clientX,
    clientY,
    screenX: clientX,
    screenY: clientY,
    button: 0,
    detail: 1,
  };
  const pointer = { pointerId: 1, pointerType: 'mouse', isPrimary: true, width: 1, height: 1 };
  const PointerCtor = eventConstructor<MouseEvent>(element, 'PointerEvent', 'MouseEvent');
  const MouseCtor = eventConstructor<MouseEvent>(element, 'MouseEvent', 'Event');
  const fire = (ctor: Constructor<MouseEvent>, type: string, init: Record<string, unknown>): boolean =>
    element.dispatchEvent(new ctor(type, init));

  fire(PointerCtor, 'pointerover', { ...base, ...pointer, buttons: 0 });
  fire(PointerCtor, 'pointerenter', { ...base, ...pointer, buttons: 0, bubbles: false, cancelable: false });
  fire(MouseCtor, 'mouseover', { ...base, buttons: 0 });
  fire(MouseCtor, 'mouseenter', { ...base, buttons: 0, bubbles: false, cancelable: false });
  const pointerDown = fire(PointerCtor, 'pointerdown', { ...base, ...pointer, buttons: 1, pressure: 0.5 });
  // A cancelled pointerdown suppresses the compatibility mouse events (as in browsers).
  const mouseDown = pointerDown ? fire(MouseCtor, 'mousedown', { ...base, buttons: 1 }) : true;
  if (mouseDown && element.isConnected) {
    const target = focusTarget(element);
    const doc = element.ownerDocument;
    if (target && doc.activeElement !== target) target.focus({ preventScroll: true });
  }
  fire(PointerCtor, 'pointerup', { ...base, ...pointer, buttons: 0, pressure: 0 });
  if (pointerDown) fire(MouseCtor, 'mouseup', { ...base, buttons: 0 });
  return fire(MouseCtor, 'click', { ...base, buttons: 0 });
}

const VOID_OR_ATOMIC = new Set(['BR', 'IMG', 'HR', 'INPUT', 'A', 'BUTTON', 'IFRAME', 'VIDEO', 'AUDIO']);

/**
 * A collapsed caret at the end of the editable's content, as a click at its end would put it:
 * inside the last text node, or before a trailing `<br>` placeholder, never inside a link or a
 * non-editable chip.
 */
function caretAtEnd(editable: HTMLElement): Range {
  const doc = editable.ownerDocument;
  const range = doc.createRange();
  let container: Node = editable;
  for (;;) {
    let last = container.lastChild;
    while (last && last.nodeType === 3 && (last as Text).data.length === 0) last = last.previousSibling;
    if (!last) {
      range.setStart(container, container.childNodes.length);
      break;
    }
    if (last.nodeType === 3) {
      range.setStart(last, (last as Text).data.length);
      break;
    }
    if (last.nodeType !== 1) {
      range.setStartAfter(last);
      break;
    }
    const element = last as Element;
    if (element.tagName === 'BR') {
      range.setStartBefore(element);
      break;
    }
    if (VOID_OR_ATOMIC.has(element.tagName) || element.getAttribute('contenteditable') === 'false') {
      range.setStartAfter(element);
      break;
    }
    container = element;
  }
  range.collapse(true);
  return range;
}

function placeCaretAtEnd(editable: HTMLElement): void {
  const selection = editable.ownerDocument.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(caretAtEnd(editable));
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
]);

/**
 * The text an editable shows, much like `innerText`: `<br>` and block boundaries as newlines
 * (a trailing placeholder `<br>` of a block adds none), images by their alt.
 */
export function editableText(root: Node): string {
  let out = '';
  let pendingBreak = false;
  const emit = (text: string): void => {
    if (text.length === 0) return;
    if (pendingBreak && out.length > 0 && !out.endsWith('\n')) out += '\n';
    pendingBreak = false;
    out += text;
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        emit((child as Text).data);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.tagName === 'BR') {
        if (!isPlaceholderBreak(element)) emit('\n');
        continue;
      }
      if (element.tagName === 'IMG') {
        emit(element.getAttribute('alt') ?? '');
        continue;
      }
      const block = BLOCKS.has(element.tagName);
      if (block) pendingBreak = true;
      walk(element);
      if (block) pendingBreak = true;
    }
  };
  walk(root);
  return out;
}

/** A `<br>` that only keeps its line open: the last node of its block, after nothing or a line's end. */
function isPlaceholderBreak(br: Element): boolean {
  let next = br.nextSibling;
  while (next && next.nodeType === 3 && (next as Text).data.length === 0) next = next.nextSibling;
  if (next) return false;
  const parent = br.parentElement;
  return (
    parent !== null &&
    (BLOCKS.has(parent.tagName) || parent.isContentEditable || parent.hasAttribute('contenteditable'))
  );
}

/** Whitespace (newlines, no-break spaces) folded, so editors' own line markup does not matter. */
function folded(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Whether the editable's text contains `text`, ignoring how whitespace and lines are marked up. */
export function editableContains(editable: Node, text: string): boolean {
  return folded(editableText(editable)).includes(folded(text));
}

function settle(): Promise<void> {
  // A macrotask: editors that commit their model in a microtask (Lexical) have rendered by then.
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

type ExecCommand = (command: string, showUi?: boolean, value?: string) => boolean;

function execCommandOf(doc: Document): ExecCommand | null {
  const exec = (doc as { execCommand?: unknown }).execCommand;
  return typeof exec === 'function' ? (exec as ExecCommand).bind(doc) : null;
}

/**
 * Types line by line, letting the page run between steps: editors such as Lexical apply an
 * input to their model and render it a microtask later, and the next step must see that.
 */
async function typeWithExecCommand(exec: ExecCommand, text: string, newline: NewlineMode): Promise<void> {
  const parts = lines(text);
  for (const [index, line] of parts.entries()) {
    if (index > 0) {
      exec(newline === 'paragraph' ? 'insertParagraph' : 'insertLineBreak', false);
      await settle();
    }
    if (line.length > 0) {
      exec('insertText', false, line);
      await settle();
    }
  }
}

function fireInput(
  editable: HTMLElement,
  type: 'beforeinput' | 'input',
  inputType: string,
  data: string | null,
) {
  const Ctor = eventConstructor<InputEvent>(editable, 'InputEvent', 'Event');
  return editable.dispatchEvent(
    new Ctor(type, { bubbles: true, composed: true, cancelable: type === 'beforeinput', inputType, data }),
  );
}

/**
 * Inserts a node at the selection (inside the editable) and puts the caret after it, as the
 * browser's own editing does: typed text extends the text node at the caret and replaces a
 * placeholder `<br>`; a line break at the end of a block gets a placeholder after it.
 */
function insertAtSelection(editable: HTMLElement, node: Node): void {
  const doc = editable.ownerDocument;
  const selection = doc.getSelection();
  let range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || !editable.contains(range.startContainer)) range = caretAtEnd(editable);
  range.deleteContents();
  const start = range.startContainer;
  let after: Node;
  if (node.nodeType === 3 && start.nodeType === 3) {
    const textNode = start as Text;
    const offset = range.startOffset;
    textNode.insertData(offset, (node as Text).data);
    range.setStart(textNode, offset + (node as Text).data.length);
    after = textNode;
  } else {
    range.insertNode(node);
    range.setStartAfter(node);
    after = node;
  }
  const next = after.nextSibling;
  if (node.nodeType === 3 && next?.nodeName === 'BR' && isPlaceholderBreak(next as Element)) {
    next.remove();
  } else if (node.nodeName === 'BR' && !after.nextSibling) {
    after.parentNode?.appendChild(doc.createElement('br'));
  }
  range.collapse(true);
  if (selection) {
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

async function typeWithEvents(editable: HTMLElement, text: string, newline: NewlineMode): Promise<void> {
  const doc = editable.ownerDocument;
  const parts = lines(text);
  for (const [index, line] of parts.entries()) {
    if (index > 0) {
      const inputType = newline === 'paragraph' ? 'insertParagraph' : 'insertLineBreak';
      if (fireInput(editable, 'beforeinput', inputType, null)) {
        insertAtSelection(editable, doc.createElement('br'));
      }
      fireInput(editable, 'input', inputType, null);
      await settle();
    }
    if (line.length === 0) continue;
    if (fireInput(editable, 'beforeinput', 'insertText', line)) {
      insertAtSelection(editable, doc.createTextNode(line));
    }
    fireInput(editable, 'input', 'insertText', line);
    await settle();
  }
}

/**
 * Types `text` at the end of a contenteditable, as the user would: focuses it, puts the caret
 * at the end (keeping what is there, e.g. a pre-filled "@handle "), then inserts with
 * `execCommand('insertText')` line by line. Where execCommand is missing or changed nothing, it
 * falls back to `beforeinput` + a DOM insertion + `input`. Resolves with whether the editable
 * then contains the text; the editable is left focused with the caret after the text.
 */
export async function typeIntoContentEditable(
  editable: HTMLElement,
  text: string,
  options: TypeOptions = {},
): Promise<boolean> {
  const newline = options.newline ?? 'lineBreak';
  const doc = editable.ownerDocument;
  editable.focus({ preventScroll: true });
  placeCaretAtEnd(editable);
  const before = editableText(editable);
  const exec = execCommandOf(doc);
  let changed = false;
  if (exec) {
    try {
      await typeWithExecCommand(exec, text, newline);
    } catch {
      // Treated as unavailable below.
    }
    changed = editableText(editable) !== before;
  }
  if (!changed) {
    if (!editable.isConnected) return false;
    if (doc.activeElement !== editable && !editable.contains(doc.activeElement)) {
      editable.focus({ preventScroll: true });
    }
    placeCaretAtEnd(editable);
    await typeWithEvents(editable, text, newline);
  }
  if (editable.isConnected && doc.activeElement !== editable && !editable.contains(doc.activeElement)) {
    editable.focus({ preventScroll: true });
  }
  return editableContains(editable, text);
}

/**
 * Sets a textarea's (or input's) value through the native prototype setter, so that framework
 * controlled fields (React, Polymer, Lit) notice, dispatches bubbling `input` and `change`, then
 * focuses it with the caret at the end. Returns whether the value is now `text`.
 */
export function setTextareaValue(textarea: HTMLTextAreaElement | HTMLInputElement, text: string): boolean {
  let setter: ((this: unknown, value: string) => void) | undefined;
  for (let proto = Object.getPrototypeOf(textarea); proto && !setter; proto = Object.getPrototypeOf(proto)) {
    // The most-derived own 'value' accessor that is the platform's (skips a framework's instance override).
    if (proto === Object.prototype) break;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
    if (descriptor?.set) setter = descriptor.set;
  }
  if (setter) setter.call(textarea, text);
  else textarea.value = text;
  const EventCtor = eventConstructor<Event>(textarea, 'Event', 'Event');
  textarea.dispatchEvent(new EventCtor('input', { bubbles: true, composed: true }));
  textarea.dispatchEvent(new EventCtor('change', { bubbles: true }));
  textarea.focus({ preventScroll: true });
  try {
    const end = textarea.value.length;
    textarea.setSelectionRange(end, end);
  } catch {
    // Some input types have no selection.
  }
  return textarea.value === text;
}

function resolveQuery<T extends Element>(root: ParentNode, query: ElementQuery<T>): T | null {
  if (typeof query === 'string') return root.querySelector<T>(query) as T | null;
  return query(root) ?? null;
}

/**
 * Resolves with the element once `query` finds it under `root` (checked at once, on every DOM
 * change below root and every 100 ms), or null after `timeoutMs`.
 */
export function waitForElement<T extends Element = Element>(
  root: ParentNode,
  query: ElementQuery<T>,
  timeoutMs = 3000,
): Promise<T | null> {
  const found = resolveQuery(root, query);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: T | null): void => {
      if (done) return;
      done = true;
      observer?.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(value);
    };
    const check = (): void => {
      const element = resolveQuery(root, query);
      if (element) finish(element);
    };
    const view = (root as Node).ownerDocument?.defaultView ?? (root as Document).defaultView ?? globalThis;
    const Observer = (view as { MutationObserver?: typeof MutationObserver }).MutationObserver;
    const observer = Observer ? new Observer(check) : null;
    observer?.observe(root as Node, { childList: true, subtree: true, attributes: true });
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => finish(null), Math.max(0, timeoutMs));
  });
}
