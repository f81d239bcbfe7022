// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
/**
 * remove() on the Facebook fixtures, whose inline script (removal.js) stands in for the admin's
 * comment menu: it opens only on a real pointer press, offers hide/delete/report/block (others'
 * comments) or edit/delete (the page's own), asks for confirmation in a `div[role="dialog"]`,
 * then removes the comment or greys it as hidden. Removing Maja Öberg's comment fails.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FACEBOOK_SELECTORS, facebookAdapter } from './facebook';
import { loadFixture, waitFor } from './fixture.testutil';
import type { PageContext, RemovalMode } from './types';

const SV =
  'https://www.facebook.com/tyresokommun/posts/pfbid02kQzR7wYbLmT4sVx9NcHdJpE3fUaG6hW1oKiM8nBqXyZ5tCrD2eLvl';
const EN =
  'https://www.facebook.com/tyresokommun/posts/pfbid0EnGLhT6uV2wX9yZ3aB4cD5eF6gH7iJ8kL9mN1oP2qR3sT4uV5wX6yZl';

function remove(element: Element, mode: RemovalMode, page: PageContext) {
  if (!facebookAdapter.remove) throw new Error('no remove');
  return facebookAdapter.remove(element, mode, page);
}

function byId(page: PageContext, id: string): Element[] {
  return Array.from(page.document.querySelectorAll('[role="article"]')).filter(
    (element) => facebookAdapter.snapshot(element, page)?.commentId === id,
  );
}

function comment(page: PageContext, id: string): Element {
  const found = facebookAdapter
    .findComments(page.document)
    .find((element) => facebookAdapter.snapshot(element, page)?.commentId === id);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

function removed(): string | undefined {
  return document.documentElement.dataset.fixtureRemoved;
}

function otherAction(): string | undefined {
  return document.documentElement.dataset.fixtureOtherAction;
}

/** The comment's own hidden note (not one of a nested reply's). */
function hiddenNote(article: Element): string | null {
  const note = Array.from(article.querySelectorAll('.fx-hidden-note')).find(
    (found) => found.closest('[role="article"]') === article,
  );
  return note?.textContent ?? null;
}

function openLayers(): number {
  return document.querySelectorAll('[role="menu"], [role="dialog"]').length;
}

describe('facebook remove', () => {
  // The fixture's timers must not fire into the next test's document.
  afterEach(() => waitFor(150));

  it('offers hide and delete', () => {
    expect(facebookAdapter.removalModes).toEqual(['hide', 'delete']);
  });

  it('deletes a top-level comment with its nested replies (sv)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const anna = comment(page, '1187654321098765');
    expect(await remove(anna, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(anna.isConnected).toBe(false);
    expect(byId(page, '1187654321098765')).toHaveLength(0);
    expect(byId(page, '1187654321099001')).toHaveLength(0);
    expect(byId(page, '1187654321098766').length).toBeGreaterThan(0);
    expect(removed()).toBe('1187654321098765:delete');
    expect(otherAction()).toBeUndefined();
    expect(openLayers()).toBe(0);
  });

  it('deletes a reply and leaves its thread (sv)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const lena = comment(page, '1187654321099002');
    expect(await remove(lena, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(byId(page, '1187654321099002')).toHaveLength(0);
    expect(byId(page, '1187654321099003')).toHaveLength(1);
    expect(byId(page, '1187654321098766').length).toBeGreaterThan(0);
    expect(removed()).toBe('1187654321099002:delete');
  });

  it('deletes a comment rendered twice: both renderings go (sv)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    expect(byId(page, '1187654321098766')).toHaveLength(2);
    const erik = comment(page, '1187654321098766');
    expect(await remove(erik, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(byId(page, '1187654321098766')).toHaveLength(0);
  });

  it('hides a top-level comment: it stays, greyed, marked hidden, its text unchanged (sv)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const johan = comment(page, '1187654321098769');
    const before = facebookAdapter.snapshot(johan, page);
    expect(await remove(johan, 'hide', page)).toEqual({ ok: true, outcome: 'hidden' });
    expect(johan.isConnected).toBe(true);
    expect(hiddenNote(johan)).toBe('Dold');
    expect(facebookAdapter.snapshot(johan, page)).toEqual(before);
    expect(removed()).toBe('1187654321098769:hide');
    expect(otherAction()).toBeUndefined();
  });

  it('hides a reply, and a second hide of it succeeds without touching the menu (sv)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const lars = comment(page, '1187654321099003');
    expect(await remove(lars, 'hide', page)).toEqual({ ok: true, outcome: 'hidden' });
    expect(hiddenNote(lars)).toBe('Dold');
    expect(hiddenNote(comment(page, '1187654321098766'))).toBeNull();
    expect(await remove(lars, 'hide', page)).toEqual({ ok: true, outcome: 'hidden' });
    expect(removed()).toBe('1187654321099003:hide');
    expect(openLayers()).toBe(0);
  });

  it('deletes a top-level comment and its sibling replies (en), then hides another', async () => {
    const page = loadFixture('facebook/en.html', EN);
    const olivia = comment(page, '2298765432101234');
    expect(await remove(olivia, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(byId(page, '2298765432109001')).toHaveLength(0);
    const jack = comment(page, '2298765432101237');
    expect(await remove(jack, 'hide', page)).toEqual({ ok: true, outcome: 'hidden' });
    expect(hiddenNote(jack)).toBe('Hidden');
    expect(removed()).toBe('2298765432101234:delete 2298765432101237:hide');
  });

  it('deletes the page’s own reply through "Edit or delete this" (en)', async () => {
    const page = loadFixture('facebook/en.html', EN);
    const own = comment(page, '2298765432109001');
    expect(await remove(own, 'delete', page)).toEqual({ ok: true, outcome: 'removed' });
    expect(byId(page, '2298765432101234')).toHaveLength(1);
    expect(removed()).toBe('2298765432109001:delete');
  });

  it('fails when the menu has no such item (hide on the page’s own reply) and closes the menu', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const own = comment(page, '1187654321099001');
    expect(await remove(own, 'hide', page)).toEqual({ ok: false, reason: expect.stringMatching(/no "Dölj/) });
    expect(openLayers()).toBe(0);
    expect(own.isConnected).toBe(true);
    expect(removed()).toBeUndefined();
    expect(otherAction()).toBeUndefined();
  });

  it('fails when the platform refuses: error toast, the comment stays (fixture failure: Maja Öberg)', {
    timeout: 10_000,
  }, async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const maja = comment(page, '1187654321098771');
    expect(await remove(maja, 'delete', page)).toEqual({
      ok: false,
      reason: 'The comment is still there after 5 s',
    });
    expect(document.querySelector('[role="alert"]')?.textContent).toBe('Något gick fel');
    expect(maja.isConnected).toBe(true);
    expect(removed()).toBeUndefined();
  });

  it('fails when the menu button is missing', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const anna = comment(page, '1187654321098765');
    for (const button of Array.from(anna.querySelectorAll(FACEBOOK_SELECTORS.menuButton))) {
      if (button.closest('[role="article"]') === anna) button.remove();
    }
    expect(await remove(anna, 'delete', page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/menu button/),
    });
    expect(removed()).toBeUndefined();
  });

  it('fails when the menu does not open (clicks swallowed)', { timeout: 10_000 }, async () => {
    const page = loadFixture('facebook/en.html', EN);
    const tom = comment(page, '2298765432101236');
    const swallow = (event: Event) => event.stopPropagation();
    window.addEventListener('click', swallow, true);
    try {
      expect(await remove(tom, 'delete', page)).toEqual({
        ok: false,
        reason: 'The comment menu did not open within 3 s',
      });
    } finally {
      window.removeEventListener('click', swallow, true);
    }
    expect(removed()).toBeUndefined();
  });

  it('fails, confirming nothing, when the element shows another comment by the time the dialog is up', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const karin = comment(page, '1187654321098768');
    const link = Array.from(karin.querySelectorAll('a[href*="comment_id="]')).find((a) =>
      a.getAttribute('href')?.startsWith('https://www.facebook.com/tyresokommun/posts/'),
    );
    if (!link) throw new Error('no timestamp link');
    // Recycle the element while the confirmation opens, as a re-render might.
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[role="dialog"]')) return;
      observer.disconnect();
      link.setAttribute(
        'href',
        (link.getAttribute('href') ?? '').replace('1187654321098768', '1187654321098799'),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true });
    expect(await remove(karin, 'delete', page)).toEqual({
      ok: false,
      reason: expect.stringMatching(/changed/),
    });
    observer.disconnect();
    await waitFor(150);
    expect(removed()).toBeUndefined();
    expect(karin.isConnected).toBe(true);
    expect(openLayers()).toBe(0);
  });

  it('does not open the menu on a bare .click() (fixture check)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const anna = comment(page, '1187654321098765');
    const button = anna.querySelector<HTMLElement>(FACEBOOK_SELECTORS.menuButton);
    button?.click();
    await waitFor(150);
    expect(document.querySelector('[role="menu"]')).toBeNull();
  });
});
