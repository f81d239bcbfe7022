import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bloggerAdapter } from '../../lib/platforms/blogger';
import { facebookAdapter } from '../../lib/platforms/facebook';
import { wordpressAdapter } from '../../lib/platforms/wordpress';
import { youtubeAdapter } from '../../lib/platforms/youtube';
import { createStudioAdapter } from '../../lib/platforms/youtube-studio';
import { type ExtensionBrowser, launchWithExtension, TEST_BUILD_DIR } from '../support/browser';
import { demoPage, fixtureHtml, PLAIN_FIXTURE_ORIGIN } from '../support/demo-pages';
import {
  type AdapterSource,
  byId,
  expectedLabels,
  type LabelFacts,
  READ_LABELS,
} from '../support/expected-labels';

let browser: ExtensionBrowser;

/** The Swedish YouTube fixture under a policy that allows no inline style and no other origin's script. */
const STRICT_CSP_URL = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&csp=strict';
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

beforeAll(async () => {
  const fixture = fixtureHtml(demoPage('youtube-sv').fixture);
  const strict = fixture.replace(
    '<head>',
    `<head><meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`,
  );
  if (strict === fixture) throw new Error('The YouTube fixture has no <head> to put a policy in');
  browser = await launchWithExtension({ extraPages: new Map([[STRICT_CSP_URL, strict]]) });
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(demoPage(name).url);
  return page;
}

/** Waits until the labels stop changing for a moment, then reads them. */
async function settledLabels(page: Page, quietMs = 700): Promise<LabelFacts[]> {
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const now = JSON.stringify(await page.evaluate(READ_LABELS));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && now !== '[]') {
      break;
    }
    await page.waitForTimeout(100);
  }
  return JSON.parse(last) as LabelFacts[];
}

/**
 * Scrolls the page down a viewport at a time, pausing at each step long enough for the badges
 * of the comments that came near the viewport to be drawn (lib/content/near-viewport.ts).
 */
async function scrollThrough(page: Page): Promise<void> {
  const { height, step } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    step: window.innerHeight,
  }));
  for (let y = 0; y <= height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(400);
  }
}

/** Studio's ids live in the page's JavaScript: read them there, in document order. */
async function studioAdapterFor(page: Page): Promise<AdapterSource> {
  const ids = await page.evaluate(() =>
    [...document.querySelectorAll('ytcp-comment')].map(
      (element) => (element as unknown as { data?: { commentId?: string } }).data?.commentId ?? null,
    ),
  );
  return (document: Document) => {
    const elements = [...document.querySelectorAll('ytcp-comment')];
    return createStudioAdapter((element) => ids[elements.indexOf(element)] ?? null);
  };
}

async function expectLabelsMatchPage(page: Page, source: AdapterSource | 'studio'): Promise<LabelFacts[]> {
  const actual = await settledLabels(page);
  const adapter = source === 'studio' ? await studioAdapterFor(page) : source;
  const expected = expectedLabels(await page.content(), page.url(), adapter);
  expect(expected.length).toBeGreaterThan(0);
  expect(byId(actual)).toEqual(byId(expected));
  expect(new Set(actual.map((label) => label.commentId)).size).toBe(actual.length);
  return actual;
}

const STATIC_PAGES: [string, AdapterSource | 'studio'][] = [
  ['facebook-sv', facebookAdapter],
  ['facebook-en', facebookAdapter],
  ['youtube-sv', youtubeAdapter],
  ['youtube-en', youtubeAdapter],
  ['studio-sv', 'studio'],
  ['studio-en', 'studio'],
  ['wordpress-sv', wordpressAdapter],
  ['wordpress-en', wordpressAdapter],
  ['blogger-sv', bloggerAdapter],
  ['blogger-en', bloggerAdapter],
];

describe('labels on every comment', () => {
  it.each(STATIC_PAGES)('%s: one label per comment, saying what classify says', async (name, adapter) => {
    const page = await open(name);
    await expectLabelsMatchPage(page, adapter);
    await page.close();
  });

  const LAZY_PAGES: [string, AdapterSource | 'studio', string][] = [
    ['facebook-lazy', facebookAdapter, '[role="article"]'],
    ['youtube-lazy', youtubeAdapter, 'ytd-comment-view-model'],
    ['studio-lazy', 'studio', 'ytcp-comment'],
  ];

  it.each(LAZY_PAGES)(
    '%s: comments appended, expanded, re-rendered and recycled end up with the right labels',
    async (name, adapter, commentSelector) => {
      const page = await open(name);
      const atLoad = await page.evaluate((s) => document.querySelectorAll(s).length, commentSelector);
      await page.waitForTimeout(1600); // the fixture's own schedule ends after about a second
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(400);
      const labels = await expectLabelsMatchPage(page, adapter);
      expect(labels.length).toBeGreaterThan(atLoad);
      await page.close();
    },
  );

  it('YouTube: a recycled element carries the new comment id, never the old one', async () => {
    const page = await open('youtube-lazy');
    await page.waitForTimeout(1600);
    const labels = await settledLabels(page);
    const ids = labels.map((label) => label.commentId);
    expect(ids).toContain('UgzLazyRecycled0000000094AaABAg');
    const hostInRecycled = await page.evaluate(() => {
      const link = document.querySelector('a[href*="lc=UgzLazyRecycled0000000094AaABAg"]');
      const comment = link?.closest('ytd-comment-view-model');
      return [...(comment?.querySelectorAll('moderera-label') ?? [])].map((h) =>
        h.getAttribute('data-comment-id'),
      );
    });
    expect(hostInRecycled).toEqual(['UgzLazyRecycled0000000094AaABAg']);
    await page.close();
  });
});

describe('a page whose layout changed', () => {
  it.each([
    ['facebook-layout-changed', 'facebook'],
    ['wordpress-layout-changed', 'wordpress'],
  ])('%s: one unobtrusive notice, a log line naming adapter and URL, no labels', async (name, adapter) => {
    const page = await browser.context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(demoPage(name).url);
    await page.waitForSelector('moderera-notice', { timeout: 10_000, state: 'attached' });
    expect(await page.locator('moderera-notice').count()).toBe(1);
    expect(await page.locator('moderera-label').count()).toBe(0);
    await expect.poll(() => warnings.join('\n')).toContain(`adapter "${adapter}"`);
    expect(warnings.join('\n')).toContain(demoPage(name).url);
    await expect(page.locator('moderera-notice [role="status"]')).toBeTruthy();
    await page.close();
  });
});

describe('a browser that refuses a script the content script imports, or a background that cannot classify', () => {
  const dirs: string[] = [];
  const browsers: ExtensionBrowser[] = [];

  afterAll(async () => {
    for (const opened of browsers) await opened.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The test build with only `accessible` web-accessible (the others cannot be imported) and,
   * unless `backgroundClassifies`, a background that refuses every request to classify (it
   * knows the message by another name, so the router refuses it as invalid).
   */
  async function launchAltered(
    accessible: string[],
    backgroundClassifies: boolean,
  ): Promise<ExtensionBrowser> {
    const dir = mkdtempSync(join(tmpdir(), 'moderera-refused-'));
    dirs.push(dir);
    cpSync(TEST_BUILD_DIR, dir, { recursive: true });
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      web_accessible_resources?: { resources: string[] }[];
    };
    for (const entry of manifest.web_accessible_resources ?? []) {
      entry.resources = entry.resources.filter((file) => accessible.includes(file));
    }
    writeFileSync(manifestPath, JSON.stringify(manifest));
    if (!backgroundClassifies) {
      const backgroundPath = join(dir, 'background.js');
      const background = readFileSync(backgroundPath, 'utf8');
      expect(background).toContain('content.classify');
      writeFileSync(backgroundPath, background.replaceAll('content.classify', 'content.classifx'));
    }
    const opened = await launchWithExtension({ extensionDir: dir });
    browsers.push(opened);
    return opened;
  }

  it.each([
    [
      'the labelling',
      [],
      true,
      'Moderera kunde inte starta på den här sidan',
      'the labelling script could not be loaded',
    ],
    [
      'the classifier, when the background cannot classify either',
      ['labelling-youtube.js'],
      false,
      'Moderera kunde inte läsa in sin bedömning',
      'the classifier script could not be loaded',
    ],
  ])(
    '%s: one notice says no comment is labelled, and the console says why',
    async (_name, accessible, backgroundClassifies, notice, logged) => {
      const opened = await launchAltered(accessible, backgroundClassifies);
      const page = await opened.context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(demoPage('youtube-sv').url);
      await page.waitForSelector('moderera-notice', { timeout: 10_000, state: 'attached' });
      await expect
        .poll(() => page.locator('moderera-notice [role="status"]').textContent())
        .toContain(notice);
      expect(await page.locator('moderera-notice').count()).toBe(1);
      expect(await page.locator('moderera-label').count()).toBe(0);
      await expect.poll(() => errors.join('\n')).toContain(logged);
      await page.close();
    },
  );

  it('a background that cannot classify: the page classifies, and every label is still right', async () => {
    const opened = await launchAltered(['labelling-youtube.js', 'classifier.js'], false);
    const page = await opened.context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(demoPage('youtube-sv').url);
    await expectLabelsMatchPage(page, youtubeAdapter);
    expect(warnings.join('\n')).toContain('classifying in the page instead');
    expect(await page.locator('moderera-notice').count()).toBe(0);
    await page.close();
  });
});

describe('the page stays the page', () => {
  const SERIALISE_WITHOUT_HOSTS = () => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const host of clone.querySelectorAll('moderera-label, moderera-notice')) host.remove();
    return clone.outerHTML;
  };

  /** The demo page with Moderera, settled, and the same fixture on a host no content script matches. */
  async function openWithAndWithout(name: string): Promise<{ labelled: Page; plain: Page }> {
    const labelled = await open(name);
    await settledLabels(labelled);
    const plain = await browser.context.newPage();
    await plain.goto(`${PLAIN_FIXTURE_ORIGIN}/${demoPage(name).fixture}`);
    await plain.waitForTimeout(300);
    return { labelled, plain };
  }

  it.each(['facebook-sv', 'youtube-sv', 'studio-sv', 'wordpress-sv', 'blogger-sv'])(
    '%s: outside the label hosts the DOM is exactly as without Moderera',
    async (name) => {
      const { labelled, plain } = await openWithAndWithout(name);
      expect(await plain.locator('moderera-label').count()).toBe(0);
      expect(await labelled.evaluate(SERIALISE_WITHOUT_HOSTS)).toBe(
        await plain.evaluate(SERIALISE_WITHOUT_HOSTS),
      );
      await labelled.close();
      await plain.close();
    },
  );

  it.each(STATIC_PAGES.map(([name]) => name))(
    '%s: no element of the page moves up or down because of the labels',
    async (name) => {
      // Every element's top edge, in document order, hosts and their contents left out.
      const TOPS = () =>
        [...document.body.querySelectorAll('*')]
          .filter((element) => !element.closest('moderera-label, moderera-notice'))
          .map((element) => Math.round(element.getBoundingClientRect().top + scrollY));
      const { labelled, plain } = await openWithAndWithout(name);
      const [withLabels, without] = [await labelled.evaluate(TOPS), await plain.evaluate(TOPS)];
      expect(withLabels.length).toBe(without.length);
      const moved = withLabels.filter((top, i) => top !== without[i]).length;
      expect(moved).toBe(0);
      await labelled.close();
      await plain.close();
    },
  );

  it.each(['facebook-sv', 'youtube-sv', 'wordpress-sv'])(
    '%s: the page gets no window message from Moderera (WXT announces its start with one)',
    async (name) => {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __messages: string[] }).__messages = seen;
        addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
      });
      await page.goto(demoPage(name).url);
      expect((await settledLabels(page)).length).toBeGreaterThan(0);
      const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
      expect(
        messages.filter((message) => message.includes('wxt') || message.includes(browser.extensionId)),
      ).toEqual([]);
      await page.close();
    },
  );

  it('page CSS cannot restyle or hide the label', async () => {
    const page = await open('facebook-sv');
    await settledLabels(page);
    await page.addStyleTag({
      content:
        'moderera-label, moderera-label * { display: none !important; color: red !important; font-size: 40px !important; }' +
        ' button, span { background: lime !important; font-family: serif !important; }',
    });
    const style = await page.evaluate(() => {
      const badge = document
        .querySelector('moderera-label')
        ?.shadowRoot?.querySelector('[data-action="open-panel"]');
      if (!badge) return null;
      const computed = getComputedStyle(badge);
      const rect = badge.getBoundingClientRect();
      return {
        color: computed.color,
        fontSize: computed.fontSize,
        background: computed.backgroundColor,
        width: rect.width,
      };
    });
    expect(style).not.toBeNull();
    expect(style?.width).toBeGreaterThan(10);
    expect(style?.fontSize).toBe('11px');
    expect(style?.color).not.toBe('rgb(255, 0, 0)');
    expect(style?.background).not.toBe('rgb(0, 255, 0)');
    await page.close();
  });
});

describe('a closed label and the same label taken over', () => {
  it.each(['facebook-sv', 'youtube-en'])(
    '%s: inline styles before, the shared sheet after, and every computed style the same',
    async (name) => {
      const page = await open(name);
      await settledLabels(page);
      const looks = await page.evaluate(async () => {
        const styleOf = (element: Element) => {
          const computed = getComputedStyle(element);
          return Object.fromEntries(
            [...computed].map((property) => [property, computed.getPropertyValue(property)]),
          );
        };
        const parts = (host: Element) => {
          const badge = host.shadowRoot?.querySelector('[data-action="open-panel"]');
          return badge ? [host, badge, ...badge.querySelectorAll('*')] : [];
        };
        const seen = new Set<string>();
        const results: {
          look: string;
          sheetsBefore: number;
          sheetsAfter: number;
          badgeStyleAfter: string | null;
          differences: string[];
        }[] = [];
        for (const host of document.querySelectorAll('moderera-label')) {
          const look = `${host.getAttribute('data-category')}|${host.getAttribute('data-flags')}|${parts(host).length}`;
          if (seen.has(look)) continue;
          seen.add(look);
          const root = host.shadowRoot as ShadowRoot;
          const before = parts(host).map(styleOf);
          const sheetsBefore = root.adoptedStyleSheets.length;
          parts(host)[1]?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const after = parts(host).map(styleOf);
          const differences = before.flatMap((style, i) =>
            Object.keys(style)
              .filter((property) => style[property] !== after[i]?.[property])
              .map((property) => `${i}:${property} ${style[property]} -> ${after[i]?.[property]}`),
          );
          results.push({
            look,
            sheetsBefore,
            sheetsAfter: root.adoptedStyleSheets.length,
            badgeStyleAfter: parts(host)[1]?.getAttribute('style') ?? null,
            differences,
          });
        }
        return results;
      });
      expect(looks.length).toBeGreaterThanOrEqual(3);
      expect(looks.some((look) => look.look.split('|')[1] !== '')).toBe(true);
      for (const look of looks) {
        expect(look.sheetsBefore, look.look).toBe(0);
        expect(look.sheetsAfter, look.look).toBe(1);
        expect(look.badgeStyleAfter ?? '', look.look).toBe('');
        expect(look.differences, look.look).toEqual([]);
      }
      await page.close();
    },
  );
});

describe('badges drawn near the viewport', () => {
  it('a comment far below carries its labelled host from the start, and its badge once it is scrolled to', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 200 });
    await page.goto(demoPage('youtube-sv').url);
    const facts = await settledLabels(page);
    const drawn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('moderera-label')].map((host) => ({
          id: host.getAttribute('data-comment-id'),
          top: Math.round(host.parentElement?.getBoundingClientRect().top ?? 0),
          badge: host.shadowRoot?.querySelector('[data-action="open-panel"]') !== null,
        })),
      );
    // From the first comment, with time for the badges near it to be drawn.
    await page.evaluate(() => document.querySelector('moderera-label')?.parentElement?.scrollIntoView());
    await page.waitForTimeout(700);
    const before = await drawn();
    expect(before.map((label) => label.id)).toEqual(facts.map((label) => label.commentId));
    // Near is within a viewport's height (200 px) above or below it.
    const near = before.filter((label) => label.top > -150 && label.top < 350);
    const far = before.filter((label) => label.top > 650);
    expect(near.length).toBeGreaterThan(0);
    expect(near.filter((label) => !label.badge)).toEqual([]);
    expect(far.length).toBeGreaterThan(0);
    expect(far.filter((label) => label.badge)).toEqual([]);
    const last = far.at(-1)?.id as string;
    await page.evaluate((id) => {
      document.querySelector(`moderera-label[data-comment-id="${id}"]`)?.parentElement?.scrollIntoView();
    }, last);
    await expect
      .poll(async () => (await drawn()).find((label) => label.id === last)?.badge, { timeout: 3000 })
      .toBe(true);
    await page.close();
  });
});

describe('a page whose Content-Security-Policy forbids inline styles and other origins’ scripts', () => {
  it('still gets a styled label on every comment, each drawn as it comes into view', async () => {
    const page = await browser.context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(STRICT_CSP_URL);
    expect((await expectLabelsMatchPage(page, youtubeAdapter)).length).toBeGreaterThan(10);
    await scrollThrough(page);
    const looks = await page.evaluate(() =>
      [...document.querySelectorAll('moderera-label')].map((host) => {
        const badge = host.shadowRoot?.querySelector('[data-action="open-panel"]');
        return {
          host: getComputedStyle(host).display,
          height: badge ? getComputedStyle(badge).height : null,
          background: badge ? getComputedStyle(badge).backgroundColor : null,
        };
      }),
    );
    for (const look of looks) {
      expect(look.host).toBe('contents');
      expect(look.height).toBe('18px');
      expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    }
    // The page's own <style> is refused (that is how we know the policy is in force); nothing of ours is.
    expect(refused.some((text) => text.includes('style'))).toBe(true);
    expect(refused.filter((text) => text.includes('chrome-extension'))).toEqual([]);
    await page.close();
  });
});

describe('the label panel', () => {
  it('opens from the keyboard, shows the evidence highlighted, and closes with Escape', async () => {
    const page = await open('facebook-sv');
    await settledLabels(page);
    const offensive = page.locator('moderera-label[data-flags~="profanity"]').first();
    const badge = offensive.locator('[data-action="open-panel"]');
    expect(await badge.getAttribute('aria-label')).toMatch(/Kränkande inlägg.*Svordomar/);
    await badge.focus();
    await page.keyboard.press('Enter');
    const panel = offensive.locator('[role="dialog"]');
    await panel.waitFor();
    expect(await badge.getAttribute('aria-expanded')).toBe('true');
    const marked = await panel.locator('mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('Svordomar eller obscena ord');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(
      await page.evaluate(() =>
        document
          .querySelector('moderera-label[data-flags~="profanity"]')
          ?.shadowRoot?.activeElement?.getAttribute('data-action'),
      ),
    ).toBe('open-panel');
    await page.close();
  });

  it('shows page text as text, never as markup', async () => {
    const page = await open('wordpress-sv');
    await settledLabels(page);
    const label = page.locator('moderera-label').first();
    await label.locator('[data-action="open-panel"]').click();
    const panel = label.locator('[role="dialog"]');
    await panel.waitFor();
    expect(await panel.locator('img, script, a').count()).toBe(0);
    await page.close();
  });
});

describe('activating Moderera on a blog page where it already runs', () => {
  it('hands over to the new instance: one label per comment, and later comments are labelled', async () => {
    const page = await open('wordpress-sv');
    const before = await settledLabels(page);
    expect(before.length).toBeGreaterThan(0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const reply = await popup.evaluate(async (url) => {
      type Chrome = {
        tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
        runtime: { sendMessage(message: unknown): Promise<unknown> };
      };
      const { tabs, runtime } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await tabs.query({ url });
      return runtime.sendMessage({ type: 'popup.activateOnTab', tabId: tab?.id });
    }, page.url());
    expect(reply).toMatchObject({ ok: true });
    await popup.close();
    // A comment that arrives afterwards: the first row again, under a new id.
    await page.evaluate(() => {
      const row = document.querySelector('#the-comment-list tr[id^="comment-"]');
      const id = row?.id.slice('comment-'.length);
      if (!row || !id) throw new Error('the fixture has no comment row');
      const copy = row.cloneNode(true) as Element;
      for (const host of copy.querySelectorAll('moderera-label')) host.remove();
      const html = copy.outerHTML
        .replaceAll(`comment-${id}`, 'comment-987654')
        .replaceAll(`inline-${id}`, 'inline-987654');
      row.parentElement?.insertAdjacentHTML('beforeend', html);
    });
    const after = await settledLabels(page);
    expect(after.length).toBe(before.length + 1);
    expect(new Set(after.map((label) => label.commentId)).size).toBe(after.length);
    expect(after.map((label) => label.commentId)).toContain('987654');
    await page.close();
  });
});

describe('messages to the background', () => {
  it('an invalid message gets a clear error reply', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const reply = await page.evaluate(() => {
      type Runtime = { sendMessage(message: unknown): Promise<unknown> };
      const { runtime } = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;
      return runtime.sendMessage({ type: 'popup.activateOnTab', tabId: 'x' });
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect((reply as { error: { message: string } }).error.message).toContain('tabId');
    await page.close();
  });
});
