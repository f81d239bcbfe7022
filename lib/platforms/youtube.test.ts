// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from './fixture.testutil';
import { scopedSelector } from './query';
import type { PageContext } from './types';
import { YOUTUBE_SELECTORS, youtubeAdapter } from './youtube';

const URL_SV = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const TITLE_SV = 'Så blir Tyresö centrum – nya cykelvägar 2026';
const Q = 'UgwT7hJ2kLp9QxR4sVn1AaABAg';

function snapshots(page: PageContext) {
  return youtubeAdapter.findComments(page.document).map((element) => youtubeAdapter.snapshot(element, page));
}

describe('youtube adapter: URLs', () => {
  it('matches watch pages only', () => {
    expect(youtubeAdapter.matchesUrl(new URL(URL_SV))).toBe(true);
    expect(youtubeAdapter.matchesUrl(new URL('https://youtube.com/watch?v=dQw4w9WgXcQ&t=30s'))).toBe(true);
    expect(youtubeAdapter.matchesUrl(new URL('https://www.youtube.com/'))).toBe(false);
    expect(youtubeAdapter.matchesUrl(new URL('https://www.youtube.com/watch'))).toBe(false);
    expect(youtubeAdapter.matchesUrl(new URL('https://www.youtube.com/shorts/dQw4w9WgXcQ'))).toBe(false);
    expect(youtubeAdapter.matchesUrl(new URL('https://studio.youtube.com/watch?v=dQw4w9WgXcQ'))).toBe(false);
    expect(youtubeAdapter.matchesUrl(new URL('https://evil.example/watch?v=dQw4w9WgXcQ'))).toBe(false);
  });
});

describe('youtube adapter on the Swedish fixture', () => {
  let page: PageContext;
  beforeEach(() => {
    page = loadFixture('youtube/sv.html', URL_SV);
  });

  it('finds every rendered comment once, replies included', () => {
    const ids = snapshots(page).map((s) => s?.commentId);
    expect(ids).toEqual([
      'UgzK3f9QmR2pLx7VbN54AaABAg',
      Q,
      `${Q}.AQ1xYz7pLmNAQ2bCd3eFgH`,
      `${Q}.AQ1xYz7pLmNAQ3kLm8nOpQ`,
      'Ugy8mN3bV5cX1zQ7wE2r4AaABAg',
      'UgxP4qR8sT2uV6wX0yZ3a4AaABAg',
      'Ugz9aB7cD5eF3gH1iJ2k4AaABAg',
      'UgyL5mN7oP9qR1sT3uV5w4AaABAg',
      'UgxQ2wE4rT6yU8iO0pA1s4AaABAg',
      'Ugw3dF5gH7jK9lZ1xC3v4AaABAg',
      'UgwF0rMuLa7HyPeRlInK5AaABAg',
    ]);
    expect(youtubeAdapter.findComments(page.document)).toHaveLength(11);
    expect(youtubeAdapter.hasCommentSection(page)).toBe(true);
  });

  it('gives a full snapshot with emojis as characters and newlines kept', () => {
    const [first] = youtubeAdapter.findComments(page.document);
    expect(first && youtubeAdapter.snapshot(first, page)).toEqual({
      platform: 'youtube',
      commentId: 'UgzK3f9QmR2pLx7VbN54AaABAg',
      permalink: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzK3f9QmR2pLx7VbN54AaABAg',
      authorName: '@AnnaLindqvist',
      authorUrl: 'https://www.youtube.com/@AnnaLindqvist',
      text: 'Vilken fin film! 😍\nÄntligen händer det något i centrum 👏👏',
      postedRaw: 'för 2 dagar sedan',
      postedAt: null,
      edited: false,
      isReply: false,
      parentId: null,
      postId: 'dQw4w9WgXcQ',
      postUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      postTitle: TITLE_SV,
      channelName: 'Tyresö kommun',
      channelUrl: 'https://www.youtube.com/@tyresokommun',
    });
  });

  it('reads an edited question, the channel owner reply (badge name, link, blank line) and a reply to it', () => {
    const byId = new Map(snapshots(page).map((s) => [s?.commentId, s]));
    expect(byId.get(Q)).toMatchObject({
      text: 'När börjar bygget längs Njupkärrsvägen?\nBlir det belysning längs hela sträckan?',
      postedRaw: 'för 2 dagar sedan (redigerad)',
      edited: true,
      isReply: false,
    });
    expect(byId.get(`${Q}.AQ1xYz7pLmNAQ2bCd3eFgH`)).toMatchObject({
      authorName: '@tyresokommun',
      authorUrl: 'https://www.youtube.com/@tyresokommun',
      text:
        'Hej Erik! Bygget börjar i mars och hela sträckan får belysning. Läs mer på https://www.tyreso.se/cykel' +
        '\n\nVänliga hälsningar,\nLisa Ek, kommunikatör, Kommunikationsenheten',
      isReply: true,
      parentId: Q,
      edited: false,
    });
    expect(byId.get(`${Q}.AQ1xYz7pLmNAQ3kLm8nOpQ`)).toMatchObject({
      authorName: '@erik_johansson',
      text: 'Tack för snabbt svar! 👍',
      isReply: true,
      parentId: Q,
    });
  });

  it('keeps the texts of all four categories exactly', () => {
    const texts = snapshots(page).map((s) => s?.text);
    expect(texts).toContain(
      'Varför röstade Moderaterna nej till fler cykelvägar i Trollbäcken i kommunfullmäktige? ' +
        'Vilket parti tänker driva frågan före valet?',
    );
    expect(texts).toContain(
      'Gatlampan vid busshållplatsen på Bollmoravägen har varit släckt i två veckor. Kolsvart när man går hem på kvällen!',
    );
    expect(texts).toContain(
      'Det finns ett jättestort potthål på Granängsvägen vid rondellen 🕳️ min cykel fick punktering igår.',
    );
    expect(texts).toContain('Vilket jävla slöseri med skattepengar. Skäms!');
    expect(texts).toContain(
      'Min granne Karin Persson 19780523-2464 får försörjningsstöd, varför ska hon få en ny cykelbana utanför huset?',
    );
    expect(texts).toContain(
      'Bra jobbat! Vi i Tyresö Cykelklubb har gjort en karta över alla nya sträckor:\nhttps://tyresocykel.example.se/karta 🚲',
    );
  });

  it('puts the label right after the published time in the header', () => {
    const [first] = youtubeAdapter.findComments(page.document);
    const slot = first ? youtubeAdapter.labelSlot(first) : null;
    expect(slot?.position).toBe('after');
    expect(slot?.anchor.id).toBe('published-time-text');
    expect(slot?.anchor.closest('#header-author')).not.toBeNull();
  });

  it('follows a recycled element to its new comment', () => {
    const [element] = youtubeAdapter.findComments(page.document);
    if (!element) throw new Error('no comment');
    const link = element.querySelector('#published-time-text a');
    link?.setAttribute('href', '/watch?v=dQw4w9WgXcQ&lc=UgxRecycledComment00004AaABAg');
    if (link) link.textContent = 'för 3 timmar sedan';
    const name = element.querySelector('#author-text span');
    if (name) name.textContent = '@ny_person';
    const text = element.querySelector('#content-text span');
    if (text) text.textContent = 'En helt annan kommentar';
    expect(youtubeAdapter.snapshot(element, page)).toMatchObject({
      commentId: 'UgxRecycledComment00004AaABAg',
      authorName: '@ny_person',
      text: 'En helt annan kommentar',
      postedRaw: 'för 3 timmar sedan',
    });
  });

  it('returns null for an element that has no id yet, and nothing for a bare page', () => {
    const empty = document.createElement('ytd-comment-view-model');
    expect(youtubeAdapter.snapshot(empty, page)).toBeNull();
    document.body.replaceChildren();
    expect(youtubeAdapter.findComments(document)).toEqual([]);
    expect(youtubeAdapter.hasCommentSection(page)).toBe(false);
  });

  it('finds the root element itself and ignores a duplicate of the same comment', () => {
    const [first] = youtubeAdapter.findComments(page.document);
    if (!first) throw new Error('no comment');
    expect(youtubeAdapter.findComments(first)).toEqual([first]);
    first.parentElement?.append(first.cloneNode(true));
    expect(youtubeAdapter.findComments(page.document)).toHaveLength(11);
  });

  it('falls back to the older ytd-comment-renderer markup', () => {
    document.body.replaceChildren();
    const renderer = document.createElement('ytd-comment-renderer');
    const time = document.createElement('yt-formatted-string');
    time.className = 'published-time-text';
    const link = document.createElement('a');
    link.setAttribute('href', '/watch?v=dQw4w9WgXcQ&lc=UgzOldMarkup0000000004AaABAg');
    link.textContent = '1 year ago';
    time.append(link);
    const author = document.createElement('a');
    author.id = 'author-text';
    author.setAttribute('href', '/@old');
    author.textContent = ' @old ';
    const content = document.createElement('yt-formatted-string');
    content.id = 'content-text';
    content.textContent = 'Old\nmarkup';
    renderer.append(author, time, content);
    document.body.append(renderer);
    const [found] = youtubeAdapter.findComments(document);
    expect(found && youtubeAdapter.snapshot(found, page)).toMatchObject({
      commentId: 'UgzOldMarkup0000000004AaABAg',
      authorName: '@old',
      text: 'Old\nmarkup',
      postedRaw: '1 year ago',
    });
  });
});

describe('youtube adapter on the English fixture', () => {
  it('reads the English UI texts', () => {
    const page = loadFixture('youtube/en.html', URL_SV);
    const all = snapshots(page);
    expect(all).toHaveLength(5);
    expect(all[1]).toMatchObject({ postedRaw: '3 days ago (edited)', edited: true });
    expect(all[2]).toMatchObject({ authorName: '@tyresokommun', isReply: true, parentId: all[1]?.commentId });
    expect(all[4]?.text).toBe('What a fucking waste of taxpayers\u2019 money.');
    expect(all[0]?.postTitle).toBe('This is how Tyresö centre will look – new cycle paths 2026');
  });
});

describe('YOUTUBE_SELECTORS', () => {
  it('finds the parts of the fixture they name', () => {
    loadFixture('youtube/sv.html', URL_SV);
    const count = (selector: string) => document.querySelectorAll(selector).length;
    expect(count(YOUTUBE_SELECTORS.comment)).toBe(11);
    expect(count(YOUTUBE_SELECTORS.thread)).toBe(9);
    expect(count(YOUTUBE_SELECTORS.repliesContainer)).toBe(2);
    expect(count(YOUTUBE_SELECTORS.commentsSection)).toBe(1);
    expect(count(YOUTUBE_SELECTORS.publishedLink.join(', '))).toBe(11);
    expect(count(YOUTUBE_SELECTORS.authorLink)).toBe(11);
    expect(count(YOUTUBE_SELECTORS.contentText)).toBe(11);
    expect(count(YOUTUBE_SELECTORS.replyButton)).toBe(11);
    expect(count(YOUTUBE_SELECTORS.actionMenuButton)).toBe(11);
    expect(document.querySelector(YOUTUBE_SELECTORS.actionMenuButton)?.getAttribute('aria-label')).toBe(
      'Åtgärdsmeny',
    );
    expect(count(YOUTUBE_SELECTORS.authorBadgeLink)).toBe(1);
    expect(count(YOUTUBE_SELECTORS.videoTitle[0])).toBe(1);
    expect(count(YOUTUBE_SELECTORS.channelLink[0])).toBe(1);
  });

  it('in their scoped form (ids inside :is()) match exactly what they match as written', () => {
    loadFixture('youtube/sv.html', URL_SV);
    const { removalItemTexts: _texts, ...selectors } = YOUTUBE_SELECTORS;
    const strings: string[] = Object.values(selectors).flat();
    expect(scopedSelector('#published-time-text a[href*="lc="]')).toBe(
      ':is([id="published-time-text"]) a[href*="lc="]',
    );
    for (const selector of strings) {
      const scoped = scopedSelector(selector);
      expect(scoped).not.toContain('#');
      expect([...document.querySelectorAll(scoped)]).toEqual([...document.querySelectorAll(selector)]);
    }
  });

  it('is plain data: every selector parses', () => {
    const all = Object.values(YOUTUBE_SELECTORS).flat();
    for (const selector of all) expect(() => document.querySelector(selector)).not.toThrow();
  });
});
