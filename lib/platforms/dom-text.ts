/**
 * Adapter-agnostic text extraction: an element's visible text as a reader sees it, with
 * emoji images as their characters (`<img alt="😍">`), `<br>` and block boundaries as
 * newlines, and source-code whitespace collapsed. Works on any DOM (browser or happy-dom);
 * reads only nodes and attributes, never markup strings.
 */

export interface ElementTextOptions {
  /** Leave out an element and everything inside it (e.g. a "See more" button, our own label). */
  skip?: (element: Element) => boolean;
  /**
   * Keep newline characters inside text nodes as line breaks (for sites that render text
   * with `white-space: pre-wrap`/`pre-line`, such as YouTube's attributed strings).
   * Spaces and tabs are still collapsed. Default false (HTML `white-space: normal`).
   */
  preserveNewlines?: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'svg', 'SVG']);

/** Elements whose start and end are line boundaries. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TR',
  'UL',
]);

/** Elements separated from their neighbours by a blank line. */
const PARAGRAPH_TAGS = new Set(['P']);

const LINE_END = /[\r\n]/;
const COLLAPSIBLE_SPACE = /[ \t\n\r\f]+/;

/** Collects words and line breaks; leading and trailing breaks and spaces are dropped. */
class TextBuilder {
  private out = '';
  private pendingBreaks = 0;
  private pendingSpace = false;

  /** Text whose spaces, tabs (and newlines, unless kept) collapse to one space. */
  text(raw: string, keepNewlines: boolean): void {
    if (!keepNewlines || !LINE_END.test(raw)) {
      this.words(raw);
      return;
    }
    const lines = raw.replace(/\r\n?/g, '\n').split('\n');
    for (let index = 0; index < lines.length; index++) {
      if (index > 0) this.lineBreak();
      this.words(lines[index] as string);
    }
  }

  /** Text emitted as one unit (an image's alt text). */
  atom(value: string): void {
    if (value.length > 0) this.emit(value.replace(/\s+/g, ' '));
  }

  lineBreak(): void {
    this.pendingBreaks += 1;
    this.pendingSpace = false;
  }

  /** A block boundary: at least `count` newlines before the next text. */
  boundary(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
    this.pendingSpace = false;
  }

  result(): string {
    return this.out;
  }

  private words(line: string): void {
    // Only collapsible whitespace splits words; a non-breaking space stays inside a word.
    const parts = line.split(COLLAPSIBLE_SPACE);
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index] as string;
      if (index > 0) this.pendingSpace = true;
      if (part.length > 0) this.emit(part.includes('\u00a0') ? part.replace(/\u00a0/g, ' ') : part);
    }
  }

  private emit(value: string): void {
    if (this.out.length > 0) {
      if (this.pendingBreaks > 0) this.out += '\n'.repeat(this.pendingBreaks);
      else if (this.pendingSpace) this.out += ' ';
    }
    this.pendingBreaks = 0;
    this.pendingSpace = false;
    this.out += value;
  }
}

function isSkipped(element: Element, options: ElementTextOptions): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  return options.skip?.(element) ?? false;
}

function walk(node: Node, builder: TextBuilder, options: ElementTextOptions): void {
  if (node.nodeType === TEXT_NODE) {
    builder.text(node.nodeValue ?? '', options.preserveNewlines === true);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (isSkipped(element, options)) return;
  const tag = element.tagName.toUpperCase();
  if (tag === 'BR') {
    builder.lineBreak();
    return;
  }
  if (tag === 'IMG') {
    builder.atom(element.getAttribute('alt') ?? '');
    return;
  }
  const breaks = PARAGRAPH_TAGS.has(tag) ? 2 : BLOCK_TAGS.has(tag) ? 1 : 0;
  if (breaks > 0) builder.boundary(breaks);
  walkChildren(element, builder, options);
  if (breaks > 0) builder.boundary(breaks);
}

function walkChildren(parent: Node, builder: TextBuilder, options: ElementTextOptions): void {
  for (let child = parent.firstChild; child; child = child.nextSibling) walk(child, builder, options);
}

/**
 * The element's text as shown: emoji `<img>`s as their alt characters, `<br>` as a newline,
 * block elements on their own lines, paragraphs (`<p>`) separated by a blank line, runs of
 * whitespace collapsed, no leading or trailing whitespace. Scripts, styles, `[hidden]`
 * elements and whatever `options.skip` rejects are left out.
 */
export function elementText(element: Element, options: ElementTextOptions = {}): string {
  const builder = new TextBuilder();
  walkChildren(element, builder, options);
  return builder.result();
}
