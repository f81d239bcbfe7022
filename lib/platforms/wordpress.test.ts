// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadFixture, settlePageScripts, waitFor } from './fixture.testutil';
import type { PageContext } from './types';
import {
  insertWordPressReply,
  parseWordPressDate,
  REPLY_TIMEOUT_MS,
  WORDPRESS_SELECTORS,
  wordpressAdapter,
} from './wordpress';

const ADMIN = 'https://blogg.tyreso.se/wp-admin/edit-comments.php';
const POST_40 = 'https://blogg.tyreso.se/2025/11/nya-cykelvagar-i-tyreso-centrum/';

function snapshots(page: PageContext) {
  return wordpressAdapter.findComments(page.document).map((row) => wordpressAdapter.snapshot(row, page));
}

describe('wordpress adapter: URLs', () => {
  it('matches edit-comments.php on any host', () => {
    expect(wordpressAdapter.matchesUrl(new URL(ADMIN))).toBe(true);
    expect(
      wordpressAdapter.matchesUrl(new URL('https://example.org/blog/wp-admin/edit-comments.php?p=4')),
    ).toBe(true);
    expect(wordpressAdapter.matchesUrl(new URL('https://blogg.tyreso.se/wp-admin/edit.php'))).toBe(false);
    expect(wordpressAdapter.matchesUrl(new URL('https://blogg.tyreso.se/edit-comments.php'))).toBe(false);
  });
});

describe('wordpress adapter on the Swedish admin fixture (real WordPress markup)', () => {
  let page: PageContext;
  beforeEach(() => {
    page = loadFixture('wordpress/sv.html', ADMIN);
  });

  it('finds the eight listed comments in list order', () => {
    expect(snapshots(page).map((s) => s?.commentId)).toEqual([
      '15',
      '14',
      '13',
      '17',
      '16',
      '12',
      '11',
      '10',
    ]);
    expect(wordpressAdapter.hasCommentSection(page)).toBe(true);
  });

  it('gives a full snapshot with the exact raw text, newlines kept', () => {
    const byId = new Map(snapshots(page).map((s) => [s?.commentId, s]));
    expect(byId.get('11')).toEqual({
      platform: 'wordpress',
      commentId: '11',
      permalink: `${POST_40}#comment-11`,
      authorName: 'Erik Johansson',
      authorUrl: 'https://erikj.example.se/',
      text: 'Hej!\nNär börjar bygget längs Njupkärrsvägen? Och blir det belysning längs hela sträckan?',
      postedRaw: '2025-11-05 kl. 16:47',
      postedAt: '2025-11-05T16:47:00',
      edited: false,
      isReply: false,
      parentId: null,
      postId: '40',
      postUrl: POST_40,
      postTitle: 'Nya cykelvägar i Tyresö centrum',
      channelName: 'Tyresö kommuns blogg',
      channelUrl: 'https://blogg.tyreso.se/',
    });
    expect(byId.get('16')).toMatchObject({
      authorName: 'Tyresö kommun',
      text:
        'Hej Erik! Bygget börjar i mars och hela sträckan får belysning. Läs mer på ' +
        '<a href="https://www.tyreso.se/cykel">tyreso.se/cykel</a>.\n\nVänliga hälsningar,\n' +
        'Lisa Ek, kommunikatör, Kommunikationsenheten',
      isReply: true,
      parentId: '11',
    });
    expect(byId.get('17')).toMatchObject({ text: 'Tack för snabbt svar! 👍', isReply: true, parentId: '16' });
    expect(byId.get('10')?.text).toBe(
      'Tack för en jättebra satsning! Äntligen kan barnen cykla säkert till skolan 😊🚲',
    );
    expect(byId.get('13')?.text).toBe(
      'Gatlampan utanför Bollmoravägen 12 har varit trasig i två veckor. Det är kolsvart när man går hem från bussen.' +
        '\n\nDessutom finns ett stort potthål vid busshållplatsen.',
    );
    expect(byId.get('14')?.text).toBe('Vilken jävla skitplanering. Ni på kommunen är helt värdelösa.');
    expect(byId.get('12')?.text).toContain('Vilket parti tänker driva frågan');
  });

  it('a pending comment has no permalink but still a date', () => {
    const pending = snapshots(page)[0];
    expect(pending).toMatchObject({
      commentId: '15',
      permalink: null,
      postedRaw: '2025-11-12 kl. 10:20',
      postedAt: '2025-11-12T10:20:00',
      postId: '41',
      postTitle: 'Så blir vinterns snöröjning',
    });
    expect(pending?.text).toContain('19780523-2464');
  });

  it('puts the label after the date, in the date column, the shortest of the row', () => {
    const rows = wordpressAdapter.findComments(document);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const slot = wordpressAdapter.labelSlot(row);
      expect(slot?.position).toBe('append');
      expect(slot?.anchor.matches('td.column-date > .submitted-on')).toBe(true);
      expect(slot?.anchor.closest('tr')).toBe(row);
    }
  });

  it('without a date column, puts the label after the author block in the comment cell', () => {
    const [row] = wordpressAdapter.findComments(document);
    row?.querySelector('td.column-date')?.remove();
    const slot = row ? wordpressAdapter.labelSlot(row) : null;
    expect(slot?.position).toBe('after');
    expect(slot?.anchor.className).toBe('comment-author');
  });

  it('ignores undo rows, the extra list and the reply row', () => {
    const list = document.querySelector('#the-comment-list');
    const undo = document.createElement('tr');
    undo.id = 'undo-14';
    undo.className = 'undo untrash';
    list?.append(undo);
    const fakeUndo = document.createElement('tr');
    fakeUndo.id = 'comment-99';
    fakeUndo.className = 'undo';
    list?.append(fakeUndo);
    const extra = document.querySelector('#the-extra-comment-list');
    const spare = document.querySelector('#comment-10')?.cloneNode(true) as Element;
    spare.id = 'comment-9';
    extra?.append(spare);
    expect(wordpressAdapter.findComments(document)).toHaveLength(8);
    expect(wordpressAdapter.snapshot(spare, page)).toBeNull();
    expect(wordpressAdapter.snapshot(fakeUndo, page)).toBeNull();
  });

  it('falls back to the rendered paragraphs without the hidden raw data', () => {
    const row = document.querySelector('#comment-13');
    document.querySelector('#inline-13')?.remove();
    expect(row && wordpressAdapter.snapshot(row, page)).toMatchObject({
      authorName: 'Johan Berg',
      text:
        'Gatlampan utanför Bollmoravägen 12 har varit trasig i två veckor. Det är kolsvart när man går hem från bussen.' +
        '\n\nDessutom finns ett stort potthål vid busshållplatsen.',
    });
  });

  it('keeps the native controls the later actions need', () => {
    const row = document.querySelector('#comment-14');
    expect(row?.querySelector(WORDPRESS_SELECTORS.trashLink)?.getAttribute('data-wp-lists')).toBe(
      'delete:the-comment-list:comment-14::trash=1',
    );
    expect(row?.querySelector(WORDPRESS_SELECTORS.replyButton)?.getAttribute('data-comment-id')).toBe('14');
    expect(
      document.querySelector(WORDPRESS_SELECTORS.replyRow)?.querySelector(WORDPRESS_SELECTORS.replyTextarea),
    ).not.toBeNull();
  });

  it('an empty list is no comment section', () => {
    const list = document.querySelector('#the-comment-list');
    const empty = document.createElement('tr');
    empty.className = 'no-items';
    list?.replaceChildren(empty);
    expect(wordpressAdapter.hasCommentSection(page)).toBe(false);
  });
});

describe('wordpress adapter on the English admin fixture', () => {
  it('parses the English dates and reply links', () => {
    const page = loadFixture('wordpress/en.html', ADMIN);
    const all = snapshots(page);
    expect(all.map((s) => s?.commentId)).toEqual(['15', '13', '16', '11', '10']);
    expect(all.map((s) => [s?.postedRaw, s?.postedAt])).toEqual([
      ['2025/11/12 at 10:20 am', '2025-11-12T10:20:00'],
      ['2025/11/11 at 9:30 pm', '2025-11-11T21:30:00'],
      ['2025/11/06 at 9:12 am', '2025-11-06T09:12:00'],
      ['2025/11/05 at 4:47 pm', '2025-11-05T16:47:00'],
      ['2025/11/05 at 2:02 pm', '2025-11-05T14:02:00'],
    ]);
    expect(all[2]).toMatchObject({ isReply: true, parentId: '11' });
  });
});

describe('wordpress adapter on a changed layout', () => {
  it('says there is a comment section but finds no comments', () => {
    const page = loadFixture('wordpress/layout-changed.html', ADMIN);
    expect(wordpressAdapter.hasCommentSection(page)).toBe(true);
    expect(wordpressAdapter.findComments(document)).toEqual([]);
  });

  it('a page that is not the comment screen has no comment section', () => {
    const page = loadFixture('youtube/sv.html', ADMIN);
    expect(wordpressAdapter.hasCommentSection(page)).toBe(false);
  });
});

describe('parseWordPressDate', () => {
  it.each([
    ['2025-11-05 kl. 14:02', '2025-11-05T14:02:00'],
    ['5 november 2025 kl. 14:02', '2025-11-05T14:02:00'],
    ['5 november 2025 kl. 14.02', '2025-11-05T14:02:00'],
    ['2025/11/05 at 2:02 pm', '2025-11-05T14:02:00'],
    ['2025/11/05 at 12:15 am', '2025-11-05T00:15:00'],
    ['2025/11/05 at 12:15 pm', '2025-11-05T12:15:00'],
    ['November 5, 2025 at 2:02 pm', '2025-11-05T14:02:00'],
    ['5 maj 2025 kl. 09:00', '2025-05-05T09:00:00'],
  ])('%s', (text, iso) => {
    expect(parseWordPressDate(text)).toBe(iso);
  });

  it.each([
    'igår',
    '2025-02-30 kl. 10:00',
    '2025-11-05',
    '2025/11/05 at 13:00 pm',
    '5 brumaire 2025 kl. 10:00',
  ])('gives null for %s', (text) => {
    expect(parseWordPressDate(text)).toBeNull();
  });
});

describe('WORDPRESS_SELECTORS', () => {
  it('finds the parts of the fixture they name', () => {
    loadFixture('wordpress/sv.html', ADMIN);
    const count = (selector: string) => document.querySelectorAll(selector).length;
    expect(count(`${WORDPRESS_SELECTORS.list} > ${WORDPRESS_SELECTORS.row}`)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.extraList)).toBe(1);
    expect(count(WORDPRESS_SELECTORS.commentCell)).toBe(8);
    expect(count(`${WORDPRESS_SELECTORS.commentCell} ${WORDPRESS_SELECTORS.inlineText}`)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.submittedOn)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.responseViewLink)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.rowActions)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.trashLink)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.replyButton)).toBe(8);
    expect(count(WORDPRESS_SELECTORS.replyRow)).toBe(1);
    expect(count(WORDPRESS_SELECTORS.replyTextarea)).toBe(1);
    expect(count(WORDPRESS_SELECTORS.siteName)).toBe(1);
    for (const selector of Object.values(WORDPRESS_SELECTORS).flat()) {
      if (selector.endsWith('-')) continue;
      expect(() => document.querySelector(selector)).not.toThrow();
    }
  });
});

describe("wordpress insertReply (the fixture runs a stand-in for WordPress' reply script)", () => {
  const REPLY = 'Hej Erik!\nTack för frågan <b>om</b> bygget & belysningen.';
  let page: PageContext;
  const html = () => document.documentElement;
  const byId = (id: string) => document.getElementById(id);
  const replyBox = () => byId('replycontent') as HTMLTextAreaElement;
  const field = (id: string) => (byId(id) as HTMLInputElement).value;

  beforeEach(() => {
    page = loadFixture('wordpress/sv.html', ADMIN);
  });
  afterEach(async () => {
    Reflect.deleteProperty(window, 'confirm');
    await settlePageScripts();
  });

  /** Answers WordPress' "drop your changes?" question (happy-dom has no window.confirm). */
  function answerConfirm(answer: boolean) {
    const confirm = vi.fn(() => answer);
    Object.assign(window, { confirm });
    return confirm;
  }

  function row(id: string): Element {
    const found = byId(`comment-${id}`);
    if (!found) throw new Error(`no comment ${id}`);
    return found;
  }

  async function expectReplyUnder(id: string, postId: string) {
    const replyRow = byId('replyrow');
    expect(row(id).nextElementSibling).toBe(replyRow);
    expect(replyRow?.style.display).not.toBe('none');
    expect(replyBox().value).toBe(REPLY);
    expect(replyRow?.querySelector('b')).toBeNull();
    expect(document.activeElement).toBe(replyBox());
    expect([field('action'), field('comment_ID'), field('comment_post_ID')]).toEqual([
      'replyto-comment',
      id,
      postId,
    ]);
    // WordPress focuses the box itself after its animation; the text and focus stay.
    await waitFor(700);
    expect(replyBox().value).toBe(REPLY);
    expect(document.activeElement).toBe(replyBox());
    expect(html().dataset.fixtureSubmitted).toBeUndefined();
  }

  it('opens the reply row under a top-level comment and fills it, focused, unsent', async () => {
    await expect(wordpressAdapter.insertReply?.(row('11'), REPLY, page)).resolves.toEqual({ ok: true });
    expect(row('11').querySelector('button[data-action="replyto"]')?.getAttribute('aria-expanded')).toBe(
      'true',
    );
    await expectReplyUnder('11', '40');
  });

  it('answers a reply in its own row, moving the reply row from another comment', async () => {
    await expect(wordpressAdapter.insertReply?.(row('16'), 'första', page)).resolves.toEqual({ ok: true });
    const confirm = answerConfirm(true);
    await expect(wordpressAdapter.insertReply?.(row('17'), REPLY, page)).resolves.toEqual({ ok: true });
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(row('16').nextElementSibling?.id).not.toBe('replyrow');
    await expectReplyUnder('17', '40');
  });

  it("keeps the moderator's unsent text when they refuse to drop it", async () => {
    await expect(wordpressAdapter.insertReply?.(row('11'), 'utkast', page)).resolves.toEqual({ ok: true });
    replyBox().value = 'Mitt eget utkast';
    answerConfirm(false);
    const result = await wordpressAdapter.insertReply?.(row('12'), REPLY, page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(row('11').nextElementSibling?.id).toBe('replyrow');
    expect(replyBox().value).toBe('Mitt eget utkast');
  });

  it('fails without a reply button', async () => {
    row('13').querySelector(WORDPRESS_SELECTORS.replyButton)?.remove();
    const result = await wordpressAdapter.insertReply?.(row('13'), REPLY, page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(byId('replyrow')?.parentElement?.id).toBe('com-reply');
  });

  it('fails when the reply row never opens, within the timeout', async () => {
    row('13').addEventListener('click', (event) => event.stopPropagation());
    const started = Date.now();
    const result = await wordpressAdapter.insertReply?.(row('13'), REPLY, page);
    expect(result).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(REPLY_TIMEOUT_MS + 500);
    expect(replyBox().value).toBe('');
    expect(html().dataset.fixtureSubmitted).toBeUndefined();
  }, 10_000);

  it('does not take a reply row opened for another comment', async () => {
    await expect(wordpressAdapter.insertReply?.(row('12'), 'annan', page)).resolves.toEqual({ ok: true });
    replyBox().value = '';
    // The reply row stays under 12 (its neighbour 11's click never reaches WordPress).
    row('11').addEventListener('click', (event) => event.stopPropagation());
    const result = await insertWordPressReply(row('11'), REPLY, 300);
    expect(result).toEqual({ ok: false, reason: 'the reply box did not open' });
    expect(row('12').nextElementSibling?.id).toBe('replyrow');
    expect(replyBox().value).toBe('');
  });

  it("the fixture's send button only marks the page", () => {
    document.querySelector<HTMLElement>('#replyrow #replysubmit .save')?.click();
    expect(html().dataset.fixtureSubmitted).toBe('true');
  });

  it('works on the English admin too', async () => {
    page = loadFixture('wordpress/en.html', ADMIN);
    await expect(wordpressAdapter.insertReply?.(row('16'), REPLY, page)).resolves.toEqual({ ok: true });
    expect(row('16').nextElementSibling?.id).toBe('replyrow');
    expect(replyBox().value).toBe(REPLY);
    expect(byId('replybtn')?.textContent).toBe('Reply');
  });
});
