// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { type Classification, classify } from '../lib/classifier';
import { withoutEvidence } from '../lib/classifier/schema';
import type { LabelModel } from '../lib/content/labeller';
import type { NearViewport } from '../lib/content/near-viewport';
import { CATEGORY_IDS, type Language } from '../lib/policy/labels';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { sampleSnapshot } from '../lib/store/testing';
import { Label } from './Label';
import { type LabelContext, LabelContextValue } from './label-context';
import { closedBadge, createLabelRenderer } from './label-renderer';
import {
  BADGE_STYLE,
  CATEGORY_STYLE,
  CHIP_STYLE,
  HINT_CHIP_STYLE,
  REGISTERED_CHIP_STYLE,
} from './label-styles';

const snapshot = sampleSnapshot({
  platform: 'youtube',
  commentId: 'UgzTest0000000000000AaABAg',
  authorName: '@anna',
  text: 'Fan vad dåligt, varför är vägen inte lagad?',
});

const comment = { platform: snapshot.platform, commentId: snapshot.commentId, text: snapshot.text };
const details = () => snapshot;

function classification(overrides: Partial<Classification>): Classification {
  return { category: 'praise', flags: [], hints: [], evidence: [], confidence: 1, ...overrides };
}

function contextWith(language: Language, registered?: string): LabelContext {
  const registrations = new Map<string, { shortId: string }>();
  if (registered) registrations.set(snapshot.commentId, { shortId: registered });
  return {
    settings: { ...DEFAULT_SETTINGS, language },
    insertReply: async () => ({ ok: false, reason: 'test' }),
    openOptions: () => {},
    now: () => new Date(0),
    removalModes: () => [],
    explain: async (text) => classify(text),
    registerComment: async () => ({ stage: 'not_registered', message: 'test' }),
    registrations,
  };
}

/**
 * Elements with their attributes in name order and their text, so attribute order does not
 * matter. Inline styles are left out: the closed badge carries the sheet's declarations inline.
 */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.nodeValue;
  const element = node as Element;
  return {
    tag: element.localName,
    attributes: [...element.attributes]
      .filter((a) => a.name !== 'style')
      .map((a) => `${a.name}=${a.value}`)
      .sort(),
    children: [...element.childNodes].map(shape),
  };
}

/** The inline style of every element of a badge, by its class. */
function inlineStyles(badge: Element): Record<string, string> {
  return Object.fromEntries(
    [badge, ...badge.querySelectorAll('*')].map((element) => [
      element.getAttribute('class') ?? element.localName,
      element.getAttribute('style') ?? '',
    ]),
  );
}

const LOOKS: [string, Partial<Classification>, string | undefined][] = [
  ...CATEGORY_IDS.map((category): [string, Partial<Classification>, undefined] => [
    category,
    { category },
    undefined,
  ]),
  ['one flag', { category: 'offensive_confidential', flags: ['profanity'] }, undefined],
  ['two flags', { category: 'offensive_confidential', flags: ['personal_attack', 'profanity'] }, undefined],
  ['hints', { category: 'question', hints: ['political', 'needs_review'] }, undefined],
  ['registered', { category: 'offensive_confidential', flags: ['profanity'] }, 'K7Q2'],
];

describe('the closed badge in plain DOM', () => {
  it.each(
    LOOKS.flatMap(([name, look, registered]) =>
      (['sv', 'en'] as const).map(
        (language) => [`${name} (${language})`, look, registered, language] as const,
      ),
    ),
  )('%s: the same elements, attributes and text as <Label> closed', (_name, look, registered, language) => {
    const context = contextWith(language, registered);
    const viaPreact = document.createElement('div');
    render(
      <LabelContextValue.Provider value={context}>
        <Label
          comment={comment}
          details={details}
          classification={classification(look)}
          language={language}
        />
      </LabelContextValue.Provider>,
      viaPreact,
    );
    const plain = closedBadge(document, classification(look), language, registered ?? null);
    expect(viaPreact.childNodes).toHaveLength(1);
    expect(shape(plain)).toEqual(shape(viaPreact.firstChild as Node));
    render(null, viaPreact);
  });

  it('carries the sheet’s declarations for its category and chips as inline styles', () => {
    const badge = closedBadge(
      document,
      classification({ category: 'question', flags: ['profanity'], hints: ['political'] }),
      'sv',
      'K7Q2',
    );
    const declared = (style: string) => {
      const element = document.createElement('span');
      element.style.cssText = style;
      return element.getAttribute('style') ?? '';
    };
    expect(inlineStyles(badge)).toEqual({
      'badge cat-question': declared(`${BADGE_STYLE}; ${CATEGORY_STYLE.question}`),
      chip: declared(CHIP_STYLE),
      'chip hint': declared(`${CHIP_STYLE}; ${HINT_CHIP_STYLE}`),
      'chip registered': declared(`${CHIP_STYLE}; ${REGISTERED_CHIP_STYLE}`),
    });
    expect(declared(CATEGORY_STYLE.question)).not.toBe(declared(CATEGORY_STYLE.praise));
  });
});

describe('the label renderer', () => {
  const model: LabelModel = { comment, details, classification: classification({ category: 'question' }) };

  function mounted() {
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const renderer = createLabelRenderer(() => contextWith('sv'));
    renderer.render(host, model);
    const badge = () => root.querySelector('[data-action="open-panel"]') as HTMLButtonElement;
    return { host, root, renderer, badge };
  }

  const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('shows the badge at once, and opens the panel on the first click, on the same button', async () => {
    const { root, badge, host } = mounted();
    const first = badge();
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    first.click();
    await tick();
    expect(badge()).toBe(first);
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
    host.remove();
  });

  it('keeps focus on the badge when focusing it hands the label to Preact', async () => {
    const { root, badge, host } = mounted();
    const first = badge();
    first.focus();
    await tick();
    expect(badge()).toBe(first);
    expect(root.activeElement).toBe(first);
    first.click();
    await tick();
    expect(root.querySelector('[role="dialog"]')).not.toBeNull();
    host.remove();
  });

  it('a closed label adopts no stylesheet; taken over, it adopts the sheet and Preact drops the inline styles', async () => {
    const { root, badge, host } = mounted();
    const sheets = () => root.adoptedStyleSheets.length + root.querySelectorAll('style').length;
    expect(host.getAttribute('style')).toContain('display: contents !important');
    expect(sheets()).toBe(0);
    expect(badge().getAttribute('style')).toContain('height: 18px');
    badge().dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await tick();
    expect(sheets()).toBe(1);
    expect(badge().getAttribute('style') ?? '').toBe('');
    expect(host.getAttribute('style')).toContain('display: contents !important');
    host.remove();
  });

  it('re-renders a closed label in place and an opened one through Preact', async () => {
    const { root, renderer, badge, host } = mounted();
    renderer.render(host, { comment, details, classification: classification({ category: 'praise' }) });
    expect(badge().className).toBe('badge cat-praise');
    expect(root.querySelectorAll('button.badge')).toHaveLength(1);
    badge().click();
    await tick();
    renderer.render(host, {
      comment: { ...comment, commentId: 'UgzOther000000000000AaABAg' },
      details,
      classification: classification({ category: 'fault_report' }),
    });
    await tick();
    expect(badge().className).toBe('badge cat-fault_report');
    expect(root.querySelectorAll('button.badge')).toHaveLength(1);
    renderer.unmount(host);
    expect(root.querySelector('button')).toBeNull();
    host.remove();
  });

  it('reads the details again when the comment is edited while its panel is open', async () => {
    let reads = 0;
    let author = '@anna';
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const renderer = createLabelRenderer(() => contextWith('sv'));
    const details = () => {
      reads++;
      return { ...snapshot, authorName: author };
    };
    const question = classification({ category: 'question' });
    renderer.render(host, { comment, classification: question, details });
    (root.querySelector('[data-action="open-panel"]') as HTMLButtonElement).click();
    await tick();
    const panel = () => root.querySelector('[role="dialog"]');
    expect(panel()?.textContent).toContain('@anna');
    renderer.render(host, { comment, classification: question, details });
    await tick();
    expect(reads).toBe(1);
    author = '@anna.edited';
    const edited = { ...comment, text: 'Varför är vägen inte lagad än?' };
    renderer.render(host, { comment: edited, classification: question, details });
    await tick();
    expect(reads).toBe(2);
    expect(panel()?.textContent).toContain('@anna.edited');
    expect(panel()?.textContent).toContain('Varför är vägen inte lagad än?');
    renderer.unmount(host);
    host.remove();
  });

  it('asks for the evidence as the panel opens, highlights it, and still offers removal when it cannot be had', async () => {
    const asked: string[] = [];
    let answer: (classification: Classification) => void = () => {};
    let fail: (error: Error) => void = () => {};
    const context: LabelContext = {
      ...contextWith('sv'),
      explain: (text) => {
        asked.push(text);
        return new Promise((resolve, reject) => {
          answer = resolve;
          fail = reject;
        });
      },
    };
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const renderer = createLabelRenderer(() => context);
    const text = 'Vad fan håller ni på med?';
    const full = classify(text);
    expect(full.evidence.some((item) => item.text === 'fan')).toBe(true);
    renderer.render(host, { comment: { ...comment, text }, classification: withoutEvidence(full), details });
    const badge = () => root.querySelector('[data-action="open-panel"]') as HTMLButtonElement;
    const panel = () => root.querySelector('[role="dialog"]');
    badge().click();
    await tick();
    expect(asked).toEqual([text]);
    expect(panel()?.querySelector('[role="status"]')?.textContent).toContain('Läser in orden');
    expect(panel()?.querySelectorAll('mark')).toHaveLength(0);
    expect(panel()?.querySelector('[data-action="register-only"]')).toBeNull();
    answer(full);
    await tick();
    expect([...(panel()?.querySelectorAll('mark') ?? [])].map((mark) => mark.textContent)).toContain('fan');
    expect(panel()?.textContent).toContain(full.evidence.find((item) => item.text === 'fan')?.rule);
    expect(panel()?.querySelector('[role="status"]')).toBeNull();
    expect(panel()?.querySelector('[data-action="register-only"]')).not.toBeNull();
    badge().click(); // closed
    await tick();
    badge().click();
    await tick();
    expect(asked).toEqual([text, text]);
    fail(new Error('ingen bakgrund'));
    await tick();
    expect(panel()?.querySelector('[role="status"]')?.textContent).toContain(
      'kunde inte läsas in (ingen bakgrund)',
    );
    expect(panel()?.querySelectorAll('mark')).toHaveLength(0);
    expect(panel()?.querySelector('[data-action="register-only"]')).not.toBeNull();
    renderer.unmount(host);
    host.remove();
  });

  it('asks for the evidence again when the label is classified anew while its panel is open', async () => {
    const asked: string[] = [];
    const extraWords = { profanity: ['håller'] };
    let settings = {};
    const context: LabelContext = {
      ...contextWith('sv'),
      explain: async (text) => {
        asked.push(text);
        return classify(text, settings);
      },
    };
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const renderer = createLabelRenderer(() => context);
    const text = 'Vad fan håller ni på med?';
    const model = (label: Classification) => ({
      comment: { ...comment, text },
      classification: withoutEvidence(label),
      details,
    });
    renderer.render(host, model(classify(text)));
    (root.querySelector('[data-action="open-panel"]') as HTMLButtonElement).click();
    await tick();
    const marked = () =>
      [...(root.querySelectorAll('[role="dialog"] mark') ?? [])].map((mark) => mark.textContent);
    expect(marked()).not.toContain('håller');
    settings = { extraWords }; // the user's words changed: the labeller classifies anew
    renderer.render(host, model(classify(text, settings)));
    await tick();
    expect(asked).toEqual([text, text]);
    expect(marked()).toContain('håller');
    renderer.unmount(host);
    host.remove();
  });

  it('reads the comment’s details when the panel opens, and says so when it is gone', async () => {
    let reads = 0;
    let onPage = true;
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const renderer = createLabelRenderer(() => contextWith('sv'));
    const badge = () => root.querySelector('[data-action="open-panel"]') as HTMLButtonElement;
    renderer.render(host, {
      comment,
      classification: classification({ category: 'question' }),
      details: () => {
        reads++;
        return onPage ? { ...snapshot, authorName: '@anna.now' } : null;
      },
    });
    expect(reads).toBe(0);
    badge().click();
    await tick();
    expect(reads).toBe(1);
    const panel = root.querySelector('[role="dialog"]');
    expect(panel?.textContent).toContain('@anna.now');
    expect(panel?.querySelector('[data-action="register-only"]')).not.toBeNull();
    badge().click(); // closed
    await tick();
    onPage = false;
    badge().click();
    await tick();
    const gone = root.querySelector('[role="dialog"]');
    expect(gone?.querySelector('[role="status"]')?.textContent).toContain('visas inte längre på sidan');
    expect(gone?.querySelector('[data-action="register-only"]')).toBeNull();
    expect(gone?.textContent).toContain(snapshot.text);
    renderer.unmount(host);
    host.remove();
  });
});

describe('the label renderer, drawing badges near the viewport', () => {
  /** Records what is watched; the test says when a host has come near. */
  function watcher() {
    const draws = new Map<Element, () => void>();
    const unwatched: Element[] = [];
    const nearViewport: NearViewport = {
      watch: (host, draw) => void draws.set(host, draw),
      unwatch: (host) => {
        draws.delete(host);
        unwatched.push(host);
      },
      dispose: () => draws.clear(),
    };
    const comeNear = (host: Element) => draws.get(host)?.();
    return { nearViewport, draws, unwatched, comeNear };
  }

  function newHost() {
    const host = document.createElement('moderera-label');
    const root = host.attachShadow({ mode: 'open' });
    const badge = () => root.querySelector('[data-action="open-panel"]');
    return { host, root, badge };
  }

  const withCategory = (category: Classification['category']): LabelModel => ({
    comment,
    details,
    classification: classification({ category }),
  });

  it('keeps a host empty until it is placed and near, then draws the latest label', () => {
    const { nearViewport, draws, comeNear } = watcher();
    const renderer = createLabelRenderer(() => contextWith('sv'), { nearViewport });
    const { host, root, badge } = newHost();
    renderer.render(host, withCategory('question'));
    renderer.render(host, withCategory('fault_report'));
    expect(draws.has(host)).toBe(false); // not in the page yet
    document.body.append(host);
    renderer.placed?.(host);
    expect(host.getAttribute('style')).toContain('display: contents !important');
    expect(root.childNodes).toHaveLength(0);
    comeNear(host);
    expect(badge()?.className).toBe('badge cat-fault_report');
    host.remove();
  });

  /** A renderer that draws near the viewport, and a host in the page rendered as a question. */
  function renderedInPage() {
    const watching = watcher();
    const renderer = createLabelRenderer(() => contextWith('sv'), { nearViewport: watching.nearViewport });
    const made = newHost();
    document.body.append(made.host);
    renderer.render(made.host, withCategory('question'));
    return { ...watching, ...made, renderer };
  }

  it('watches a host that is in the page already, and redraws a drawn badge in place without watching again', () => {
    const { renderer, draws, comeNear, host, badge } = renderedInPage();
    comeNear(host);
    draws.clear();
    renderer.render(host, withCategory('praise'));
    renderer.placed?.(host);
    expect(badge()?.className).toBe('badge cat-praise');
    expect(draws.size).toBe(0);
    host.remove();
  });

  it('stops watching a label taken off before it was drawn', () => {
    const { renderer, unwatched, draws, host, root } = renderedInPage();
    const drawLater = draws.get(host);
    renderer.unmount(host);
    expect(unwatched).toEqual([host]);
    drawLater?.(); // a draw already on its way draws nothing
    expect(root.childNodes).toHaveLength(0);
    host.remove();
  });
});
