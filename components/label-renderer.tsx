/**
 * Renders labels into their hosts' shadow roots, all sharing one stylesheet.
 *
 * A page may carry thousands of labels and nearly all stay closed, so a label starts as its
 * closed badge in plain DOM, drawn only once its host is near the viewport (`nearViewport`),
 * cloned from one prepared badge per look (text set with textContent-style DOM calls only,
 * never markup). Preact takes the label over the first time
 * someone focuses, presses or clicks it: it renders <Label> into the same mount point and
 * reuses the badge's very elements, so focus stays where it is and the click in flight reaches
 * Preact's handler. `closedBadge` must build exactly what <Label> renders closed;
 * label-renderer.test.tsx compares the two for every category, flags, hints and registration.
 */
import { render } from 'preact';
import type { LabelModel, LabelRenderer } from '../lib/content/labeller';
import type { NearViewport } from '../lib/content/near-viewport';
import { t } from '../lib/i18n/strings';
import { CATEGORY_TEXT, FLAG_TEXT, HINT_TEXT, type Language } from '../lib/policy/labels';
import { badgeText, Label } from './Label';
import { type LabelContext, LabelContextValue } from './label-context';
import {
  BADGE_STYLE,
  CATEGORY_STYLE,
  CHIP_STYLE,
  HINT_CHIP_STYLE,
  HOST_STYLE,
  LABEL_CSS,
  MOUNT_STYLE,
  REGISTERED_CHIP_STYLE,
} from './label-styles';

/**
 * What makes Preact take a label over: focus (keyboard, and the mouse where buttons take focus)
 * and the click itself. No touch or wheel listeners: thousands of those would make the browser
 * track blocking input regions on every frame.
 */
const TAKE_OVER_ON = ['focusin', 'click'] as const;

/** Prepared badges are kept for this many looks at most (a registered badge is never kept). */
const MAX_PREPARED = 200;

interface Rendered {
  model: LabelModel;
  /** Its closed badge is in the shadow root (see `LabelRendererOptions.nearViewport`). */
  drawn: boolean;
  /** Preact renders this label (it has been interacted with). */
  live: boolean;
}

export interface LabelRendererOptions {
  /**
   * Draws a closed label's badge only once its host is near the viewport; until then the host
   * stays empty. Without it, every badge is drawn at once.
   */
  nearViewport?: NearViewport;
}

export function createLabelRenderer(
  context: () => LabelContext,
  options: LabelRendererOptions = {},
): LabelRenderer {
  const adopt = createStyleAdopter(LABEL_CSS);
  const rendered = new WeakMap<ShadowRoot, Rendered>();
  const prepared = new Map<string, HTMLElement>();
  const near = options.nearViewport;

  function renderLive(root: ShadowRoot, model: LabelModel): void {
    const value = context();
    adopt(root);
    render(
      <LabelContextValue.Provider value={value}>
        <Label key={model.comment.commentId} {...model} language={value.settings.language} />
      </LabelContextValue.Provider>,
      mountPoint(root),
    );
  }

  function takeOver(event: Event): void {
    const root = event.currentTarget as ShadowRoot;
    for (const type of TAKE_OVER_ON) root.removeEventListener(type, takeOver, true);
    const state = rendered.get(root);
    if (!state || state.live) return;
    state.live = true;
    renderLive(root, state.model);
  }

  function badgeFor(doc: Document, model: LabelModel, value: LabelContext): HTMLElement {
    const language = value.settings.language;
    const registered = value.registrations.get(model.comment.commentId)?.shortId ?? null;
    if (registered) return closedBadge(doc, model.classification, language, registered);
    const { category, flags, hints } = model.classification;
    const look = `${language} ${category} ${flags.join(',')} ${hints.join(',')}`;
    let badge = prepared.get(look);
    if (!badge || badge.ownerDocument !== doc) {
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      badge = closedBadge(doc, model.classification, language, null);
      prepared.set(look, badge);
    }
    return badge.cloneNode(true) as HTMLElement;
  }

  /** Puts the closed badge of the label's current model into its shadow root. */
  function draw(root: ShadowRoot): void {
    const state = rendered.get(root);
    if (!state || state.live) return;
    mountPoint(root).replaceChildren(badgeFor(root.ownerDocument, state.model, context()));
    if (state.drawn) return;
    state.drawn = true;
    for (const type of TAKE_OVER_ON) root.addEventListener(type, takeOver, true);
  }

  return {
    render(host: HTMLElement, model: LabelModel) {
      const root = host.shadowRoot;
      if (!root) return;
      const state = rendered.get(root);
      if (state?.live) {
        state.model = model;
        renderLive(root, model);
        return;
      }
      if (!host.hasAttribute('style')) host.style.cssText = HOST_STYLE;
      if (state) state.model = model;
      else rendered.set(root, { model, drawn: false, live: false });
      if (state?.drawn || !near) draw(root);
      else if (host.isConnected) near.watch(host, () => draw(root));
    },
    placed(host: HTMLElement) {
      const root = host.shadowRoot;
      const state = root ? rendered.get(root) : undefined;
      // Without `near`, a label is drawn as it is rendered: there is nothing to wait for.
      if (near && root && state && !state.drawn && !state.live) near.watch(host, () => draw(root));
    },
    unmount(host: HTMLElement) {
      near?.unwatch(host);
      const root = host.shadowRoot;
      if (!root) return;
      const state = rendered.get(root);
      rendered.delete(root);
      for (const type of TAKE_OVER_ON) root.removeEventListener(type, takeOver, true);
      const container = root.querySelector('[data-mount]');
      if (!container) return;
      if (state?.live) render(null, container);
      else container.replaceChildren();
    },
  };
}

/**
 * The badge of a closed <Label>, as plain DOM: the same elements, attributes and text, plus the
 * sheet's declarations for them as inline styles (a closed label adopts no sheet; Preact drops
 * the inline styles when it takes the badge over, as <Label> renders none).
 */
export function closedBadge(
  doc: Document,
  classification: LabelModel['classification'],
  language: Language,
  registered: string | null,
): HTMLElement {
  const { category, flags, hints } = classification;
  const flagNames = flags.map((flag) => FLAG_TEXT[flag][language].short);
  const button = doc.createElement('button');
  button.setAttribute('type', 'button');
  button.setAttribute('class', `badge cat-${category}`);
  button.style.cssText = `${BADGE_STYLE}; ${CATEGORY_STYLE[category]}`;
  button.setAttribute('data-action', 'open-panel');
  button.setAttribute(
    'aria-label',
    t(language, 'labelAria', {
      category: CATEGORY_TEXT[category][language].long,
      flags:
        (flagNames.length > 0 ? t(language, 'flagsAria', { flags: flagNames.join(', ') }) : '') +
        (registered ? `${t(language, 'registered')} ${registered}. ` : ''),
    }),
  );
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('title', CATEGORY_TEXT[category][language].long);
  const chip = (className: string, style: string, ...texts: string[]) => {
    const element = doc.createElement('span');
    element.setAttribute('class', className);
    element.style.cssText = style;
    for (const text of texts) element.append(doc.createTextNode(text));
    return element;
  };
  const hidden = (className: string, style: string, text: string) => {
    const element = chip(className, style, text);
    element.setAttribute('aria-hidden', 'true');
    return element;
  };
  button.append(
    doc.createTextNode(badgeText(category, language)),
    ...flags.map((flag) => hidden('chip', CHIP_STYLE, FLAG_TEXT[flag][language].short)),
    ...hints.map((hint) =>
      hidden('chip hint', `${CHIP_STYLE}; ${HINT_CHIP_STYLE}`, HINT_TEXT[hint][language].short),
    ),
  );
  if (registered) {
    const mark = chip(
      'chip registered',
      `${CHIP_STYLE}; ${REGISTERED_CHIP_STYLE}`,
      t(language, 'registered'),
      ' ',
      registered,
    );
    mark.setAttribute('data-registered', registered);
    button.append(mark);
  }
  return button;
}

/** The element inside a shadow root that Preact renders into, made on first use. */
export function mountPoint(root: ShadowRoot): Element {
  const existing = root.querySelector('[data-mount]');
  if (existing) return existing;
  const container = root.ownerDocument.createElement('span');
  container.setAttribute('data-mount', '');
  container.style.cssText = MOUNT_STYLE; // before any sheet is adopted: no box of its own
  root.append(container);
  return container;
}

/**
 * One constructed stylesheet for every shadow root; where a browser refuses to adopt it
 * (Firefox content scripts have been known to), each root gets its own <style>.
 */
export function createStyleAdopter(css: string): (root: ShadowRoot) => void {
  let shared: CSSStyleSheet | null = null;
  try {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  } catch {
    shared = null;
  }
  return (root) => {
    if (shared) {
      try {
        if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [shared];
        return;
      } catch {
        shared = null;
      }
    }
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  };
}
