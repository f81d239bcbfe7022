// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture, settlePageScripts } from './fixture.testutil';
import type { PageContext } from './types';
import {
  REMOVE_START_TIMEOUT_MS,
  removeWordPressComment,
  WORDPRESS_SELECTORS,
  wordpressAdapter,
} from './wordpress';

const ADMIN = 'https://blogg.tyreso.se/wp-admin/edit-comments.php';

describe("wordpress remove (the fixture runs a stand-in for WordPress' trash link)", () => {
  let page: PageContext;
  const removed = () => document.documentElement.dataset.fixtureRemoved;
  const row = (id: string): HTMLElement => {
    const found = document.getElementById(`comment-${id}`);
    if (!found) throw new Error(`no comment ${id}`);
    return found;
  };
  const text = (selector: string) => document.querySelector(selector)?.textContent;

  beforeEach(() => {
    page = loadFixture('wordpress/sv.html', ADMIN);
  });
  afterEach(async () => {
    await settlePageScripts();
  });

  it('offers trash only', () => {
    expect(wordpressAdapter.removalModes).toEqual(['delete']);
  });

  it('trashes a top-level comment: row hidden, undo row, counts updated', async () => {
    await expect(wordpressAdapter.remove?.(row('14'), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe('14:delete ');
    expect(row('14').style.display).toBe('none');
    const undo = document.getElementById('undo-14');
    expect(undo?.nextElementSibling).toBe(row('14'));
    expect(undo?.classList.contains('untrash')).toBe(true);
    expect(undo?.querySelector('strong')?.textContent).toBe('Arg Medborgare');
    expect(text('span.trash-count')).toBe('1');
    expect(wordpressAdapter.findComments(document).map((r) => r.id)).not.toContain('undo-14');
  });

  it('trashes a reply, and only that comment', async () => {
    await expect(wordpressAdapter.remove?.(row('17'), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe('17:delete ');
    expect(row('16').style.display).not.toBe('none');
    expect(row('11').style.display).not.toBe('none');
  });

  it('closes the reply row that was open under the comment', async () => {
    await wordpressAdapter.insertReply?.(row('12'), 'svar', page);
    await expect(wordpressAdapter.remove?.(row('12'), 'delete', page)).resolves.toMatchObject({ ok: true });
    expect(document.getElementById('replyrow')?.parentElement?.id).toBe('com-reply');
  });

  it('fails when WordPress answers with an error and puts the row back (comment 13)', async () => {
    const result = await wordpressAdapter.remove?.(row('13'), 'delete', page);
    expect(result).toEqual({ ok: false, reason: 'WordPress: Du saknar behörighet för att gör det.' });
    expect(removed()).toBeUndefined();
    expect(row('13').style.display).not.toBe('none');
    expect(text('span.trash-count')).toBe('0');
  });

  it('fails when the row comes back without a message', async () => {
    // A stand-in WordPress whose request fails late: row hidden, undo row shown, then the row is back.
    const target = row('10');
    target.addEventListener('click', (event) => {
      event.stopPropagation();
      event.preventDefault();
      const undo = document.createElement('tr');
      undo.id = 'undo-10';
      undo.className = 'undo untrash';
      target.before(undo);
      setTimeout(() => {
        target.style.display = 'none';
      }, 100);
      setTimeout(() => {
        target.style.display = '';
      }, 400);
    });
    const result = await removeWordPressComment(target, 'delete', { doneMs: 1500 });
    expect(result).toEqual({ ok: false, reason: 'WordPress put the comment back' });
  });

  it('fails when the comment has no trash link (nothing clicked)', async () => {
    row('11').querySelector('span.trash')?.remove();
    const result = await wordpressAdapter.remove?.(row('11'), 'delete', page);
    expect(result).toEqual({ ok: false, reason: 'the comment has no trash link' });
    expect(removed()).toBeUndefined();
  });

  it("never uses another comment's link, spam or delete permanently", async () => {
    const own = row('11').querySelector<HTMLElement>(WORDPRESS_SELECTORS.trashLink);
    own?.setAttribute('data-wp-lists', 'delete:the-comment-list:comment-10::trash=1');
    await expect(removeWordPressComment(row('11'))).resolves.toEqual({
      ok: false,
      reason: 'the comment has no trash link',
    });
    own?.setAttribute('data-wp-lists', 'delete:the-comment-list:comment-11::spam=1');
    await expect(removeWordPressComment(row('11'))).resolves.toMatchObject({ ok: false });
    expect(removed()).toBeUndefined();
  });

  it('fails when WordPress does not react to the click, within the timeout', async () => {
    row('11').addEventListener('click', (event) => event.stopPropagation());
    const started = Date.now();
    const result = await removeWordPressComment(row('11'), 'delete', { startMs: 500 });
    expect(result).toEqual({ ok: false, reason: 'WordPress did not react to the trash link' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(REMOVE_START_TIMEOUT_MS).toBe(3000);
  });

  it('refuses hide and rows that are not comments', async () => {
    await expect(wordpressAdapter.remove?.(row('11'), 'hide', page)).resolves.toMatchObject({ ok: false });
    const undo = document.createElement('tr');
    undo.id = 'comment-99';
    undo.className = 'undo';
    document.querySelector('#the-comment-list')?.append(undo);
    await expect(wordpressAdapter.remove?.(undo, 'delete', page)).resolves.toEqual({
      ok: false,
      reason: 'not a comment row',
    });
    expect(removed()).toBeUndefined();
  });

  it('works on the English admin too', async () => {
    page = loadFixture('wordpress/en.html', ADMIN);
    await expect(wordpressAdapter.remove?.(row('16'), 'delete', page)).resolves.toEqual({
      ok: true,
      outcome: 'removed',
    });
    expect(removed()).toBe('16:delete ');
    const failed = await wordpressAdapter.remove?.(row('13'), 'delete', page);
    expect(failed).toEqual({ ok: false, reason: 'WordPress: Sorry, you are not allowed to do that.' });
  });
});
