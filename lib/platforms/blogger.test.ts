// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOGGER_SELECTORS, bloggerAdapter } from './blogger';
import type { CommentSnapshot, PageContext } from './types';

const PAGE_URL = 'https://www.blogger.com/blog/comments/published/1234567890';
const BLOG = 'https://tyresobloggen.blogspot.com';
const PROFILE = 'https://www.blogger.com/profile/';

/** Loads a fixture into the happy-dom document at the URL it is served at in the browser tests. */
function loadFixture(name: string, url = PAGE_URL): PageContext {
  const html = readFileSync(resolve(__dirname, `../../test/fixtures/blogger/${name}.html`), 'utf8');
  (globalThis as { happyDOM?: { setURL(url: string): void } }).happyDOM?.setURL(url);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const imported = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(imported);
  return { url: new URL(url), document };
}

function snapshots(page: PageContext): (CommentSnapshot | null)[] {
  return bloggerAdapter.findComments(page.document).map((el) => bloggerAdapter.snapshot(el, page));
}

interface Expected {
  id: string;
  parent?: string;
  post: { path: string; title: string };
  author: string;
  authorUrl: string | null;
  text: string;
  at: string;
  time: string;
}

function expected(e: Expected): CommentSnapshot {
  return {
    platform: 'blogger',
    commentId: e.id,
    permalink: `${BLOG}${e.post.path}?showComment=${Date.parse(e.at)}#c${e.id}`,
    authorName: e.author,
    authorUrl: e.authorUrl,
    text: e.text,
    postedRaw: e.time,
    postedAt: e.at,
    edited: false,
    isReply: e.parent !== undefined,
    parentId: e.parent ?? null,
    postId: e.post.path,
    postUrl: `${BLOG}${e.post.path}`,
    postTitle: e.post.title,
    channelName: 'Tyresöbloggen',
    channelUrl: `${BLOG}/`,
  };
}

const JUL = { path: '/2025/11/julmarknad-i-tyreso-centrum.html', title: 'Julmarknad i Tyresö centrum' };
const BAD = { path: '/2025/10/nya-oppettider-for-simhallen.html', title: 'Nya öppettider för simhallen' };
const LIB = { path: '/2025/11/longer-library-hours.html', title: 'Longer library hours' };

describe('bloggerAdapter.matchesUrl', () => {
  it.each([
    ['https://www.blogger.com/blog/comments/published/1234567890', true],
    ['https://www.blogger.com/blog/comments/pending/1234567890', true],
    ['https://www.blogger.com/blog/comments/spam/1234567890', true],
    ['https://www.blogger.com/blog/comments/1234567890', true],
    ['https://draft.blogger.com/blog/comments/published/1234567890', true],
    ['https://www.blogger.com/blog/posts/1234567890', false],
    ['https://tyresobloggen.blogspot.com/2025/11/julmarknad-i-tyreso-centrum.html', false],
    ['http://www.blogger.com/blog/comments/published/1234567890', false],
  ])('%s → %s', (url, result) => {
    expect(bloggerAdapter.matchesUrl(new URL(url))).toBe(result);
  });
});

describe('Blogger sv.html (Swedish admin, inferred markup)', () => {
  it('snapshots every comment exactly', () => {
    expect(snapshots(loadFixture('sv'))).toEqual([
      expected({
        id: '6931245678123456789',
        post: JUL,
        author: 'Anna Lindqvist',
        authorUrl: `${PROFILE}01234567890123456789`,
        text: 'Så mysigt det blev i år! 😍 Tack till alla som ordnade marknaden.',
        at: '2025-11-20T15:42:00.000Z',
        time: '20 nov. 2025',
      }),
      expected({
        id: '6931245678123456790',
        parent: '6931245678123456789',
        post: JUL,
        author: 'Tyresö kommun',
        authorUrl: `${PROFILE}09876543210987654321`,
        text: 'Tack för berömmet, Anna!\n/Maria Ek, kommunikatör, Kommunikationsenheten',
        at: '2025-11-21T08:05:00.000Z',
        time: '21 nov. 2025',
      }),
      expected({
        id: '6931245678123456791',
        post: BAD,
        author: 'Erik Svensson',
        authorUrl: `${PROFILE}01122334455667788990`,
        text: 'Gäller de nya öppettiderna även under jullovet?\nJag hittar inget på https://www.tyreso.se/bad',
        at: '2025-11-18T19:30:00.000Z',
        time: '18 nov. 2025',
      }),
      expected({
        id: '6931245678123456792',
        post: BAD,
        author: 'Mohammed Al-Hassan',
        authorUrl: 'https://alhassan.example.se/',
        text: 'Varför har kommunfullmäktige beslutat att korta öppettiderna? Vilka partier röstade för?',
        at: '2025-11-19T10:12:00.000Z',
        time: '19 nov. 2025',
      }),
      expected({
        id: '6931245678123456793',
        post: JUL,
        author: 'Karin Berg',
        authorUrl: `${PROFILE}02233445566778899001`,
        text: 'Gatlampan vid infarten till parkeringen på Bollmoravägen är trasig, det är helt mörkt på kvällarna.',
        at: '2025-11-22T06:48:00.000Z',
        time: '22 nov. 2025',
      }),
      expected({
        id: '6931245678123456794',
        post: JUL,
        author: 'Anonym',
        authorUrl: null,
        text: 'Fan vad kasst det var med parkeringen, helt jävla omöjligt.',
        at: '2025-11-22T21:15:00.000Z',
        time: '22 nov. 2025',
      }),
      expected({
        id: '6931245678123456795',
        post: BAD,
        author: 'Sara Persson',
        authorUrl: `${PROFILE}03344556677889900112`,
        text: 'Min granne Per Olsson 19780523-2464 har LSS-insatser och borde inte få bada där.',
        at: '2025-11-23T12:01:00.000Z',
        time: '23 nov. 2025',
      }),
      expected({
        id: '6931245678123456796',
        parent: '6931245678123456793',
        post: JUL,
        author: 'Lena Holm',
        authorUrl: `${PROFILE}04455667788990011223`,
        text: 'Samma sak vid busshållplatsen! 👍',
        at: '2025-11-23T14:30:00.000Z',
        time: '23 nov. 2025',
      }),
    ]);
  });

  it('puts the label slot right after the time link in the author line', () => {
    const page = loadFixture('sv');
    for (const el of bloggerAdapter.findComments(page.document)) {
      const slot = bloggerAdapter.labelSlot(el);
      expect(slot?.position).toBe('after');
      expect(slot?.anchor.getAttribute('href')).toContain('showComment=');
      expect(el.contains(slot?.anchor ?? null)).toBe(true);
    }
  });

  it('finds rows without list roles through their selection checkbox, and de-duplicates', () => {
    const page = loadFixture('sv');
    const list = page.document.querySelector('[role="list"]');
    const first = page.document.querySelector('[role="listitem"]');
    if (!list || !first) throw new Error('fixture');
    list.appendChild(first.cloneNode(true));
    for (const row of Array.from(page.document.querySelectorAll('[role="listitem"]')))
      row.removeAttribute('role');
    const found = bloggerAdapter.findComments(page.document);
    expect(found).toHaveLength(8);
    expect(found.map((el) => bloggerAdapter.snapshot(el, page)?.authorName)[0]).toBe('Anna Lindqvist');
  });

  it('returns null for elements that are not a comment row', () => {
    const page = loadFixture('sv');
    const row = bloggerAdapter.findComments(page.document)[0];
    const link = row?.querySelector('a[href*="showComment="]');
    if (!row || !link) throw new Error('fixture');
    expect(bloggerAdapter.snapshot(page.document.body, page)).toBeNull();
    expect(bloggerAdapter.snapshot(link, page)).toBeNull();
    link.remove();
    expect(bloggerAdapter.snapshot(row, page)).toBeNull();
    expect(bloggerAdapter.labelSlot(row)).toBeNull();
  });

  it('keeps the native moderation controls in the fixture for later actions', () => {
    const page = loadFixture('sv');
    for (const el of bloggerAdapter.findComments(page.document)) {
      const labels = Array.from(el.querySelectorAll('[role="button"][aria-label]')).map((b) =>
        b.getAttribute('aria-label'),
      );
      expect(labels).toEqual(['Ta bort innehåll', 'Markera som spam', 'Ta bort']);
      expect(el.querySelector(BLOGGER_SELECTORS.rowCheckbox)).not.toBeNull();
    }
  });

  it('recognises the comment section only on comment admin pages with comments', () => {
    const page = loadFixture('sv');
    expect(bloggerAdapter.hasCommentSection(page)).toBe(true);
    expect(
      bloggerAdapter.hasCommentSection({ ...page, url: new URL('https://www.blogger.com/blog/posts/1') }),
    ).toBe(false);
    for (const row of Array.from(page.document.querySelectorAll('[role="listitem"]'))) row.remove();
    expect(bloggerAdapter.hasCommentSection(page)).toBe(false);
  });
});

describe('Blogger en.html (English admin, inferred markup)', () => {
  it('snapshots every comment exactly', () => {
    expect(snapshots(loadFixture('en'))).toEqual([
      expected({
        id: '7042356789234567890',
        post: LIB,
        author: 'Olivia Brown',
        authorUrl: `${PROFILE}05566778899001122334`,
        text: 'Great news, thank you! 😀',
        at: '2025-11-24T09:00:00.000Z',
        time: 'Nov 24, 2025',
      }),
      expected({
        id: '7042356789234567891',
        post: LIB,
        author: 'Ahmed Karimi',
        authorUrl: `${PROFILE}06677889900112233445`,
        text: 'Is the library open on Sundays too?',
        at: '2025-11-24T11:30:00.000Z',
        time: 'Nov 24, 2025',
      }),
      expected({
        id: '7042356789234567892',
        parent: '7042356789234567891',
        post: LIB,
        author: 'Tyresö kommun',
        authorUrl: `${PROFILE}09876543210987654321`,
        text: 'Yes, 12–16.\n\n/Maria Ek, Communications officer',
        at: '2025-11-24T13:45:00.000Z',
        time: 'Nov 24, 2025',
      }),
      expected({
        id: '7042356789234567893',
        post: LIB,
        author: 'Anonymous',
        authorUrl: null,
        text: 'Buy cheap followers at spam.example.com',
        at: '2025-11-25T07:10:00.000Z',
        time: 'Nov 25, 2025',
      }),
    ]);
  });
});

describe('Blogger replies', () => {
  it('has no insertReply: the comment admin has no reply box', () => {
    expect(bloggerAdapter.insertReply).toBeUndefined();
  });
});

describe('BLOGGER_SELECTORS', () => {
  it('are valid selectors and never use class names', () => {
    for (const selector of [
      BLOGGER_SELECTORS.row,
      BLOGGER_SELECTORS.rowCheckbox,
      BLOGGER_SELECTORS.permalink,
    ]) {
      expect(() => document.querySelector(selector)).not.toThrow();
      expect(selector).not.toMatch(/\.[A-Za-z_-]/);
    }
  });

  it('parse the seen URL formats', () => {
    expect(BLOGGER_SELECTORS.commentHash.exec('#c6931245678123456789')?.[1]).toBe('6931245678123456789');
    expect(BLOGGER_SELECTORS.commentHash.test('#comments')).toBe(false);
    expect(BLOGGER_SELECTORS.profilePath.test('/profile/01234567890123456789')).toBe(true);
    expect(BLOGGER_SELECTORS.postEditPath.exec('/blog/post/edit/1234567890/9045206553579211038')?.[1]).toBe(
      '9045206553579211038',
    );
  });

  it('take the post id from an editor link when a row has one', () => {
    const page = loadFixture('sv');
    const row = bloggerAdapter.findComments(page.document)[0];
    const edit = page.document.createElement('a');
    edit.setAttribute('href', 'https://www.blogger.com/blog/post/edit/1234567890/9045206553579211038');
    row?.querySelector('[role="toolbar"]')?.appendChild(edit);
    expect(row && bloggerAdapter.snapshot(row, page)?.postId).toBe('9045206553579211038');
  });
});
