// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FACEBOOK_SELECTORS, facebookAdapter, facebookPostInfo, facebookProfileUrl } from './facebook';
import type { CommentSnapshot, PageContext } from './types';

const FB = 'https://www.facebook.com';
const SV_PFBID = 'pfbid02kQzR7wYbLmT4sVx9NcHdJpE3fUaG6hW1oKiM8nBqXyZ5tCrD2eLvl';
const EN_PFBID = 'pfbid0EnGLhT6uV2wX9yZ3aB4cD5eF6gH7iJ8kL9mN1oP2qR3sT4uV5wX6yZl';
const LAZY_PFBID = 'pfbid0LazyQ8wE7rT6yU5iO4pA3sD2fG1hJ9kL8zX7cV6bN5mQ4wE3rT2yU1iOl';

/** Loads a fixture into the happy-dom document at the URL it is served at in the browser tests. */
function loadFixture(name: string, url: string): PageContext {
  const html = readFileSync(resolve(__dirname, `../../test/fixtures/facebook/${name}.html`), 'utf8');
  (globalThis as { happyDOM?: { setURL(url: string): void } }).happyDOM?.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(imported);
  return { url: new URL(url), document };
}

const postUrl = (pfbid: string) => `${FB}/tyresokommun/posts/${pfbid}`;

function snapshots(page: PageContext): (CommentSnapshot | null)[] {
  return facebookAdapter.findComments(page.document).map((el) => facebookAdapter.snapshot(el, page));
}

interface Expected {
  id: string;
  parent?: string;
  author: string;
  authorUrl: string;
  text: string;
  time: string;
  edited?: boolean;
}

function expected(pfbid: string, title: string, e: Expected): CommentSnapshot {
  const ids = e.parent ? `comment_id=${e.parent}&reply_comment_id=${e.id}` : `comment_id=${e.id}`;
  return {
    platform: 'facebook',
    commentId: e.id,
    permalink: `${postUrl(pfbid)}?${ids}`,
    authorName: e.author,
    authorUrl: e.authorUrl,
    text: e.text,
    postedRaw: e.time,
    postedAt: null,
    edited: e.edited ?? false,
    isReply: e.parent !== undefined,
    parentId: e.parent ?? null,
    postId: pfbid,
    postUrl: postUrl(pfbid),
    postTitle: title,
    channelName: 'Tyresö kommun',
    channelUrl: `${FB}/tyresokommun`,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('facebookAdapter.matchesUrl', () => {
  it.each([
    ['https://www.facebook.com/tyresokommun/posts/pfbid02abc', true],
    ['https://web.facebook.com/tyresokommun', true],
    ['https://business.facebook.com/latest/inbox/facebook?asset_id=1', true],
    ['https://m.facebook.com/tyresokommun', false],
    ['https://www.facebook.com.evil.example/x', false],
    ['http://www.facebook.com/tyresokommun', false],
    ['https://www.youtube.com/watch?v=x', false],
  ])('%s → %s', (url, result) => {
    expect(facebookAdapter.matchesUrl(new URL(url))).toBe(result);
  });
});

describe('Facebook sv.html (Swedish UI, replies nested inside the parent article)', () => {
  const url = `${postUrl(SV_PFBID)}`;
  const title = 'Nu lyser julbelysningen i Tyresö centrum! 🎄';
  const sv = (e: Expected) => expected(SV_PFBID, title, e);

  it('snapshots every comment exactly, once each, in page order', () => {
    const page = loadFixture('sv', url);
    expect(snapshots(page)).toEqual([
      sv({
        id: '1187654321098765',
        author: 'Anna Lindqvist',
        authorUrl: `${FB}/anna.lindqvist.77`,
        text: 'Vilken fin julbelysning i centrum i år! 😍😍\nTack till alla som har jobbat med den 🙏',
        time: '2 d',
      }),
      sv({
        id: '1187654321099001',
        parent: '1187654321098765',
        author: 'Tyresö kommun',
        authorUrl: `${FB}/tyresokommun`,
        text: 'Tack för berömmet, Anna! Vi skickar det vidare till gatu- och parkenheten.\n/Maria Ek, kommunikatör, Kommunikationsenheten',
        time: '1 d',
      }),
      sv({
        id: '1187654321098766',
        author: 'Erik Svensson',
        authorUrl: `${FB}/profile.php?id=100012345678901`,
        text: 'Hej! När öppnar simhallen igen efter renoveringen?\nJag hittar inget på https://www.tyreso.se/bad',
        time: '2 d',
      }),
      sv({
        id: '1187654321099002',
        parent: '1187654321098766',
        author: 'Lena Holm',
        authorUrl: `${FB}/lena.holm.5`,
        text: 'Undrar samma sak 🤔',
        time: '1 d',
      }),
      sv({
        id: '1187654321099003',
        parent: '1187654321098766',
        author: 'Lars Ek',
        authorUrl: `${FB}/profile.php?id=100023456789012`,
        text: 'Lena Holm den ska öppna i januari enligt lokaltidningen',
        time: '20 tim',
      }),
      sv({
        id: '1187654321098767',
        author: 'Mohammed Al-Hassan',
        authorUrl: `${FB}/mohammed.alhassan`,
        text: 'Varför röstade kommunfullmäktige för att sälja marken vid Alby? Vilka partier stod bakom beslutet?',
        time: '5 tim',
      }),
      sv({
        id: '1187654321098768',
        author: 'Karin Berg',
        authorUrl: `${FB}/karin.berg.tyreso`,
        text: 'Gatlampan på Bollmoravägen vid busshållplatsen har varit trasig i två veckor.\nDet är kolsvart när barnen går till skolan på morgonen!',
        time: '3 tim',
        edited: true,
      }),
      sv({
        id: '1187654321098769',
        author: 'Johan Nyberg',
        authorUrl: `${FB}/johan.nyberg.9`,
        text: 'Fan vad dåligt skött allt är i den här jävla kommunen',
        time: '2 tim',
      }),
      sv({
        id: '1187654321098770',
        author: 'Sara Persson',
        authorUrl: `${FB}/profile.php?id=100034567890123`,
        text: 'Min granne Per Olsson 19780523-2464 på Granängsvägen får försörjningsstöd fast han jobbar svart. Kolla upp honom!',
        time: '45 min',
      }),
      sv({
        id: '1187654321098771',
        author: 'Maja Öberg',
        authorUrl: `${FB}/maja.oberg`,
        text: '👏👏🎄',
        time: '1 v',
      }),
    ]);
  });

  it('de-duplicates a comment rendered twice', () => {
    const page = loadFixture('sv', url);
    const links = page.document.querySelectorAll(
      '[role="article"] a[href*="comment_id=1187654321098766&__cft__"]',
    );
    expect(links.length).toBe(2);
    const ids = facebookAdapter
      .findComments(page.document)
      .map((el) => facebookAdapter.snapshot(el, page)?.commentId);
    expect(ids.filter((id) => id === '1187654321098766')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('skips composers, and keeps a nested composer draft out of the parent comment text', () => {
    const page = loadFixture('sv', url);
    const composers = Array.from(page.document.querySelectorAll(FACEBOOK_SELECTORS.composer));
    expect(composers.length).toBeGreaterThanOrEqual(2);
    const found = facebookAdapter.findComments(page.document);
    for (const composer of composers) {
      expect(found).not.toContain(composer);
      expect(facebookAdapter.snapshot(composer, page)).toBeNull();
      const form = composer.closest('form');
      if (form) expect(facebookAdapter.snapshot(form, page)).toBeNull();
    }
    const texts = found.map((el) => facebookAdapter.snapshot(el, page)?.text ?? '');
    expect(texts.some((text) => text.includes('simhallen öppnar'))).toBe(false);
  });

  it('finds comments under any root, including a comment element itself', () => {
    const page = loadFixture('sv', url);
    const [first] = facebookAdapter.findComments(page.document);
    expect(first).toBeDefined();
    if (!first) return;
    // The first thread: the comment and its nested reply.
    expect(facebookAdapter.findComments(first).length).toBe(2);
    expect(facebookAdapter.findComments(first)[0]).toBe(first);
  });

  it('puts the label slot at the end of the comment’s own action row', () => {
    const page = loadFixture('sv', url);
    for (const el of facebookAdapter.findComments(page.document)) {
      const slot = facebookAdapter.labelSlot(el);
      expect(slot?.position).toBe('append');
      expect(slot?.anchor.tagName).toBe('UL');
      expect(slot?.anchor.closest('[role="article"]')).toBe(el);
      expect(slot?.anchor.querySelector('a[href*="comment_id="]')).not.toBeNull();
    }
  });

  it('keeps the menu button and Reply button in the fixture for later native actions', () => {
    const page = loadFixture('sv', url);
    for (const el of facebookAdapter.findComments(page.document)) {
      const menu = Array.from(el.querySelectorAll(FACEBOOK_SELECTORS.menuButton)).filter(
        (button) => button.closest('[role="article"]') === el,
      );
      expect(menu).toHaveLength(1);
      expect(menu[0]?.getAttribute('aria-label')).toMatch(
        /^(Dölj eller rapportera det här|Redigera eller ta bort det här)$/,
      );
    }
  });

  it('returns null for elements that are not (yet) complete comments', () => {
    const page = loadFixture('sv', url);
    const [first] = facebookAdapter.findComments(page.document);
    if (!first) throw new Error('no comment');
    const clone = first.cloneNode(true) as Element;
    for (const link of Array.from(clone.querySelectorAll('a[href*="comment_id="]'))) {
      if (/comment_id=\d+/.test(link.getAttribute('href') ?? '')) link.remove();
    }
    expect(facebookAdapter.snapshot(clone, page)).toBeNull();
    expect(facebookAdapter.snapshot(page.document.body, page)).toBeNull();
    expect(facebookAdapter.labelSlot(page.document.body)).toBeNull();
  });

  it('recognises the comment section', () => {
    expect(facebookAdapter.hasCommentSection(loadFixture('sv', url))).toBe(true);
  });
});

describe('Facebook en.html (English UI, replies as siblings of the parent article)', () => {
  const url = postUrl(EN_PFBID);
  const en = (e: Expected) =>
    expected(EN_PFBID, 'Longer opening hours at Tyresö library from 1 December.', e);

  it('snapshots every comment exactly', () => {
    const page = loadFixture('en', url);
    expect(snapshots(page)).toEqual([
      en({
        id: '2298765432101234',
        author: 'Olivia Brown',
        authorUrl: `${FB}/olivia.brown.3`,
        text: 'Great news about the longer library hours! 😀',
        time: '3d',
      }),
      en({
        id: '2298765432109001',
        parent: '2298765432101234',
        author: 'Tyresö kommun',
        authorUrl: `${FB}/tyresokommun`,
        text: 'Thank you, Olivia!\n/Maria Ek, Communications officer, Communications unit',
        time: '2d',
      }),
      en({
        id: '2298765432101235',
        author: 'Ahmed Karimi',
        authorUrl: `${FB}/profile.php?id=100045678901234`,
        text: 'Is the library in Tyresö centrum open on Sundays too?',
        time: '1d',
        edited: true,
      }),
      en({
        id: '2298765432101236',
        author: 'Tom Wilson',
        authorUrl: `${FB}/tom.wilson.55`,
        text: 'The street light outside Strand school is broken again.\nIt has been dark for a week.',
        time: '5h',
      }),
      en({
        id: '2298765432101237',
        author: 'Jack Smith',
        authorUrl: `${FB}/profile.php?id=100056789012345`,
        text: 'This council is a damn joke',
        time: '2h',
      }),
    ]);
  });

  it('takes post and page from the comment link even when the page URL is not the post', () => {
    const page = loadFixture('en', `${FB}/tyresokommun`);
    const first = snapshots(page)[0];
    expect(first?.postId).toBe(EN_PFBID);
    expect(first?.channelUrl).toBe(`${FB}/tyresokommun`);
  });
});

describe('Facebook layout-changed.html', () => {
  it('has a comment section whose comments the adapter does not recognise', () => {
    const page = loadFixture('layout-changed', postUrl(SV_PFBID));
    expect(facebookAdapter.hasCommentSection(page)).toBe(true);
    expect(facebookAdapter.findComments(page.document)).toEqual([]);
  });

  it('reports no comment section on a post without comments', () => {
    const html = `<div role="main"><div data-ad-preview="message"><div dir="auto">Inlägg</div></div>
      <form><div role="textbox" contenteditable="true" aria-label="Skriv en kommentar …"></div></form></div>`;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(facebookAdapter.hasCommentSection({ url: new URL(postUrl(SV_PFBID)), document: parsed })).toBe(
      false,
    );
  });
});

describe('Facebook lazy.html (lazy loading, recycling, React dropping foreign nodes)', () => {
  const url = postUrl(LAZY_PFBID);
  const idsOf = (page: PageContext) =>
    facebookAdapter.findComments(page.document).map((el) => facebookAdapter.snapshot(el, page)?.commentId);

  function start(): PageContext {
    vi.useFakeTimers();
    const page = loadFixture('lazy', url);
    const script = page.document.querySelector('script')?.textContent ?? '';
    new Function(script)();
    return page;
  }

  it('finds comments added later, follows a recycled element, and survives a dropped label', () => {
    const page = start();
    expect(idsOf(page)).toEqual(['3300000000000001', '3300000000000002']);

    const l1 = facebookAdapter.findComments(page.document)[0];
    if (!l1) throw new Error('no l1');
    const slot = facebookAdapter.labelSlot(l1);
    const label = page.document.createElement('moderera-label');
    slot?.anchor.appendChild(label);
    expect(facebookAdapter.snapshot(l1, page)?.text).toBe(
      'Äntligen en ny lekplats i Trollbäcken! Barnen älskar den.',
    );

    vi.advanceTimersByTime(300);
    expect(idsOf(page)).toEqual([
      '3300000000000001',
      '3300000000000101',
      '3300000000000002',
      '3300000000000003',
    ]);
    const reply = facebookAdapter.findComments(page.document)[1];
    expect(reply && facebookAdapter.snapshot(reply, page)).toMatchObject({
      isReply: true,
      parentId: '3300000000000001',
      authorName: 'Lena Holm',
      text: 'Håller med! 😀',
    });

    const recycled = facebookAdapter.findComments(page.document)[2];
    vi.advanceTimersByTime(150);
    expect(recycled && facebookAdapter.snapshot(recycled, page)).toMatchObject({
      commentId: '3300000000000005',
      authorName: 'Johan Nyberg',
      text: 'Helt onödig lekplats, slöseri med skattepengar.',
    });

    expect(label.isConnected).toBe(true);
    vi.advanceTimersByTime(150);
    expect(label.isConnected).toBe(false);
    expect(facebookAdapter.snapshot(l1, page)?.commentId).toBe('3300000000000001');
    expect(facebookAdapter.labelSlot(l1)?.anchor.isConnected).toBe(true);

    page.document.getElementById('load-more')?.dispatchEvent(new Event('click'));
    expect(idsOf(page)).toEqual([
      '3300000000000001',
      '3300000000000101',
      '3300000000000005',
      '3300000000000003',
      '3300000000000301',
      '3300000000000004',
    ]);
    expect(page.document.documentElement.getAttribute('data-fixture-stage')).toBe(
      'ready first-batch recycled dropped-foreign more',
    );
  });
});

describe('FACEBOOK_SELECTORS', () => {
  const selectorFields = [
    FACEBOOK_SELECTORS.comment,
    FACEBOOK_SELECTORS.commentLink,
    FACEBOOK_SELECTORS.text,
    FACEBOOK_SELECTORS.notText,
    FACEBOOK_SELECTORS.textSkip,
    FACEBOOK_SELECTORS.composer,
    FACEBOOK_SELECTORS.postMessage,
    FACEBOOK_SELECTORS.menuButton,
    FACEBOOK_SELECTORS.absoluteTime,
  ];

  it('are valid selectors and never use class names', () => {
    for (const selector of selectorFields) {
      expect(() => document.querySelector(selector)).not.toThrow();
      expect(selector).not.toMatch(/(^|[\s,>+~])?\.[A-Za-z_-]/);
    }
  });

  it('cover the three Facebook hosts', () => {
    expect(FACEBOOK_SELECTORS.hosts).toEqual([
      'www.facebook.com',
      'web.facebook.com',
      'business.facebook.com',
    ]);
  });

  it.each([
    [
      `${FB}/anna.lindqvist.77?comment_id=Y29tbWVudDoxXzI%3D&__cft__[0]=AZ&__tn__=R]-R`,
      `${FB}/anna.lindqvist.77`,
    ],
    [
      `${FB}/profile.php?id=100012345678901&comment_id=Y29tbWVudDoxXzI%3D&__tn__=R]-R`,
      `${FB}/profile.php?id=100012345678901`,
    ],
    [`${FB}/groups/123/user/456/?__tn__=R`, `${FB}/groups/123/user/456`],
    [`${FB}/people/Anna-Lindqvist/100012345678901/`, `${FB}/people/Anna-Lindqvist/100012345678901`],
    [`${FB}/tyresokommun/posts/pfbid02abc?comment_id=123`, null],
    [`${FB}/photo/?fbid=1`, null],
    [`${FB}/hashtag/tyresö`, null],
    [`${FB}/comment/123`, null],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.tyreso.se', null],
    ['https://www.tyreso.se/anna', null],
  ])('profile URL of %s is %s', (href, result) => {
    expect(facebookProfileUrl(href)).toBe(result);
  });

  it.each([
    [
      `${FB}/tyresokommun/posts/pfbid02abc?comment_id=1`,
      'pfbid02abc',
      `${FB}/tyresokommun/posts/pfbid02abc`,
      '/tyresokommun',
    ],
    [`${FB}/tyresokommun/videos/987/`, '987', `${FB}/tyresokommun/videos/987`, '/tyresokommun'],
    [
      `${FB}/permalink.php?story_fbid=555&id=777&comment_id=1`,
      '555',
      `${FB}/permalink.php?story_fbid=555&id=777`,
      '/profile.php?id=777',
    ],
    [`${FB}/photo/?fbid=42&set=a.1`, '42', `${FB}/photo/?fbid=42`, null],
    [`${FB}/tyresokommun`, null, null, null],
  ])('post info of %s', (href, postId, postUrlValue, channelPath) => {
    expect(facebookPostInfo(new URL(href))).toEqual({ postId, postUrl: postUrlValue, channelPath });
  });
});
