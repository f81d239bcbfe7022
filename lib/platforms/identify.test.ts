// @vitest-environment happy-dom
/**
 * `identify` is the cheap part of `snapshot`: for every element the adapter considers, on every
 * fixture, it gives the snapshot's platform, id and text, and null exactly where the snapshot is.
 */
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from './facebook';
import { loadFixture } from './fixture.testutil';
import type { PageContext, PlatformAdapter } from './types';
import { youtubeAdapter } from './youtube';

const YOUTUBE_URL = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const FACEBOOK_URL = 'https://www.facebook.com/tyresokommun/posts/pfbid02abc';

const cases: [string, PlatformAdapter, string][] = [
  ['youtube/sv.html', youtubeAdapter, YOUTUBE_URL],
  ['youtube/en.html', youtubeAdapter, YOUTUBE_URL],
  ['youtube/lazy.html', youtubeAdapter, YOUTUBE_URL],
  ['facebook/sv.html', facebookAdapter, FACEBOOK_URL],
  ['facebook/en.html', facebookAdapter, FACEBOOK_URL],
  ['facebook/lazy.html', facebookAdapter, FACEBOOK_URL],
];

function expectIdentifyAgrees(adapter: PlatformAdapter, page: PageContext): number {
  const identify = adapter.identify?.bind(adapter);
  if (!identify) throw new Error(`${adapter.id} has no identify`);
  const elements = [...page.document.querySelectorAll(adapter.commentSelector)];
  let complete = 0;
  for (const element of elements) {
    const snapshot = adapter.snapshot(element, page);
    const identity = identify(element, page);
    if (snapshot) complete++;
    expect(identity).toEqual(
      snapshot && { platform: snapshot.platform, commentId: snapshot.commentId, text: snapshot.text },
    );
  }
  return complete;
}

describe('identify', () => {
  it.each(cases)('%s: the snapshot’s id and text, null where it is null', (fixture, adapter, url) => {
    const page = loadFixture(fixture, url);
    expect(expectIdentifyAgrees(adapter, page)).toBeGreaterThan(1);
  });

  it('YouTube: reads an id from a link out of the ordinary as the snapshot does', () => {
    const page = loadFixture('youtube/sv.html', YOUTUBE_URL);
    const links = [...document.querySelectorAll('#published-time-text a[href*="lc="]')];
    expect(links.length).toBeGreaterThan(5);
    const [absolute, escaped, bad, late, emptyFirst, inFragment] = links;
    const hrefOf = (link: Element | undefined) => link?.getAttribute('href') ?? '';
    absolute?.setAttribute('href', `https://www.youtube.com${hrefOf(absolute)}`);
    escaped?.setAttribute(
      'href',
      hrefOf(escaped).replace(
        /lc=([^&]+)/,
        (_m, id: string) => `lc=${encodeURIComponent(id).replace('g', '%67')}`,
      ),
    );
    bad?.setAttribute('href', hrefOf(bad).replace(/lc=[^&]+/, 'lc=too%20short'));
    late?.setAttribute('href', '/watch?lc=UgzLaterParameter0000AaABAg&v=dQw4w9WgXcQ');
    emptyFirst?.setAttribute('href', '/watch?v=dQw4w9WgXcQ&lc=&lc=UgzSecondParameter000AaABAg');
    inFragment?.setAttribute('href', '/watch?v=dQw4w9WgXcQ#lc=UgzInTheFragment00000AaABAg');
    expectIdentifyAgrees(youtubeAdapter, page);
  });

  it('YouTube: a comment whose author has no name yet is not complete, for identify either', () => {
    const page = loadFixture('youtube/sv.html', YOUTUBE_URL);
    const author = document.querySelector('ytd-comment-view-model a#author-text');
    if (!author) throw new Error('no author link');
    author.textContent = '  ';
    const comment = author.closest('ytd-comment-view-model') as Element;
    expect(youtubeAdapter.snapshot(comment, page)).toBeNull();
    expect(youtubeAdapter.identify?.(comment, page)).toBeNull();
  });
});
