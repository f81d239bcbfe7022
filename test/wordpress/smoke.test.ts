/**
 * The extension on a real WordPress (scripts/wordpress/setup.sh): logged in as the moderator, the
 * comment admin gets exactly one label per comment row, in that row, saying what the classifier
 * says about the comment's raw text in the database.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../lib/classifier';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';
import {
  buildWordPressExtension,
  loginAs,
  startWordPress,
  type WordPressComment,
  type WordPressSite,
  wordpressComments,
} from '../support/wordpress';

interface RowLabels {
  rowId: string;
  labels: { commentId: string; platform: string; category: string; flags: string }[];
}

let wp: WordPressSite;
let browser: ExtensionBrowser;

beforeAll(async () => {
  wp = await startWordPress();
  browser = await launchWithExtension({ extensionDir: buildWordPressExtension() });
});

afterAll(async () => {
  await browser?.close();
  await wp?.stop();
});

/** The labels of every comment row, read once they have stopped changing for a moment. */
async function settledRowLabels(page: Page, quietMs = 700): Promise<RowLabels[]> {
  const read = (): RowLabels[] =>
    [...document.querySelectorAll('#the-comment-list > tr[id^="comment-"]')].map((row) => ({
      rowId: row.id.replace(/^comment-/, ''),
      labels: [...row.querySelectorAll('moderera-label')].map((host) => ({
        commentId: host.getAttribute('data-comment-id') ?? '',
        platform: host.getAttribute('data-platform') ?? '',
        category: host.getAttribute('data-category') ?? '',
        flags: host.getAttribute('data-flags') ?? '',
      })),
    }));
  let last = '';
  let stableSince = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const now = JSON.stringify(await page.evaluate(read));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && now.includes('"commentId"')) {
      break;
    }
    await page.waitForTimeout(100);
  }
  return JSON.parse(last) as RowLabels[];
}

describe('real WordPress comment admin', () => {
  it('labels every comment row once, in its row, as the classifier says for the database text', async () => {
    const page = await browser.context.newPage();
    await loginAs(page, wp);
    await page.goto(`${wp.url}/wp-admin/edit-comments.php`);

    // "All" lists approved and pending comments, not spam or trash.
    const listed: WordPressComment[] = (await wordpressComments()).filter(
      (comment) => comment.status === '1' || comment.status === '0',
    );
    expect(listed.length).toBeGreaterThanOrEqual(6);

    const rows = await settledRowLabels(page);
    expect(rows.map((row) => row.rowId).sort()).toEqual(listed.map((comment) => comment.id).sort());

    for (const comment of listed) {
      const row = rows.find((candidate) => candidate.rowId === comment.id);
      const result = classify(comment.text);
      expect(row?.labels, `labels in row comment-${comment.id}`).toEqual([
        {
          commentId: comment.id,
          platform: 'wordpress',
          category: result.category,
          flags: result.flags.join(' '),
        },
      ]);
    }
    // No label outside the comment rows.
    const total = await page.evaluate(() => document.querySelectorAll('moderera-label').length);
    expect(total).toBe(listed.length);
    // The seeded comments are not all alike: praise, a question, a fault report, a swear word, a personnummer.
    const outcomes = new Set(listed.map((comment) => JSON.stringify(classify(comment.text))));
    expect(outcomes.size).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
