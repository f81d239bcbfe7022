/**
 * The demo and test pages: fixture files served under the platforms' real URLs, so the
 * extension's real match patterns decide where it runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

/** The WordPress host the test and demo builds know (MODERERA_BLOG_HOSTS). */
export const DEMO_BLOG_HOST = 'blogg.tyreso.se';

export interface DemoPage {
  name: string;
  url: string;
  /** Path below test/fixtures. */
  fixture: string;
}

export const DEMO_PAGES: readonly DemoPage[] = [
  {
    name: 'facebook-sv',
    url: 'https://www.facebook.com/tyresokommun/posts/pfbid02Xk7demoSv',
    fixture: 'facebook/sv.html',
  },
  {
    name: 'facebook-en',
    url: 'https://www.facebook.com/tyresokommun/posts/pfbid02Xk7demoEn',
    fixture: 'facebook/en.html',
  },
  {
    name: 'facebook-lazy',
    url: 'https://www.facebook.com/tyresokommun/posts/pfbid02Xk7demoLazy',
    fixture: 'facebook/lazy.html',
  },
  {
    name: 'facebook-layout-changed',
    url: 'https://www.facebook.com/tyresokommun/posts/pfbid02Xk7demoChanged',
    fixture: 'facebook/layout-changed.html',
  },
  { name: 'youtube-sv', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', fixture: 'youtube/sv.html' },
  {
    name: 'youtube-en',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&hl=en',
    fixture: 'youtube/en.html',
  },
  {
    name: 'youtube-lazy',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=lazy',
    fixture: 'youtube/lazy.html',
  },
  {
    name: 'studio-sv',
    url: 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/comments/inbox',
    fixture: 'youtube-studio/sv.html',
  },
  {
    name: 'studio-en',
    url: 'https://studio.youtube.com/video/dQw4w9WgXcQ/comments',
    fixture: 'youtube-studio/en.html',
  },
  {
    name: 'studio-lazy',
    url: 'https://studio.youtube.com/channel/UCxxxxxxxxxxxxxxxxxxxxxx/comments/inbox?filter=lazy',
    fixture: 'youtube-studio/lazy.html',
  },
  {
    name: 'wordpress-sv',
    url: `https://${DEMO_BLOG_HOST}/wp-admin/edit-comments.php`,
    fixture: 'wordpress/sv.html',
  },
  {
    name: 'wordpress-en',
    url: `https://${DEMO_BLOG_HOST}/wp-admin/edit-comments.php?comment_status=all&lang=en`,
    fixture: 'wordpress/en.html',
  },
  {
    name: 'wordpress-layout-changed',
    url: `https://${DEMO_BLOG_HOST}/wp-admin/edit-comments.php?comment_status=moderated`,
    fixture: 'wordpress/layout-changed.html',
  },
  {
    name: 'blogger-sv',
    url: 'https://www.blogger.com/blog/comments/published/1234567890',
    fixture: 'blogger/sv.html',
  },
  {
    name: 'blogger-en',
    url: 'https://www.blogger.com/blog/comments/published/1234567890?hl=en',
    fixture: 'blogger/en.html',
  },
];

/** Serves any fixture by path on a host no content script matches: the page as it is without Moderera. */
export const PLAIN_FIXTURE_ORIGIN = 'https://fixtures.moderera.test';

export const DEMO_HOSTS = [
  'www.facebook.com',
  'web.facebook.com',
  'business.facebook.com',
  'www.youtube.com',
  'studio.youtube.com',
  'www.blogger.com',
  DEMO_BLOG_HOST,
  new URL(PLAIN_FIXTURE_ORIGIN).host,
];

export function demoPage(name: string): DemoPage {
  const page = DEMO_PAGES.find((candidate) => candidate.name === name);
  if (!page) throw new Error(`No demo page named ${name}`);
  return page;
}

export function fixtureHtml(fixture: string): string {
  return readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
}

/** The fixture served at a URL (fragment ignored), or null. */
export function fixtureForUrl(url: string): string | null {
  const withoutHash = url.split('#')[0] ?? url;
  if (withoutHash.startsWith(`${PLAIN_FIXTURE_ORIGIN}/`)) {
    const path = new URL(withoutHash).pathname.slice(1);
    return /^[a-z0-9-]+\/[a-z0-9-]+\.html$/.test(path) ? path : null;
  }
  return DEMO_PAGES.find((page) => page.url === withoutHash)?.fixture ?? null;
}
