// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"enableJavaScriptEvaluation": true, "suppressInsecureJavaScriptEnvironmentWarning": true, "suppressCodeGenerationFromStringsWarning": true}}
/**
 * insertReply on the Facebook fixtures, whose inline script stands in for Facebook's reply
 * composer: it opens only on a real pointer click, renders a moment later under the thread's
 * replies, pre-fills a mention in a reply to a reply and records any submit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from './facebook';
import { loadFixture, waitFor } from './fixture.testutil';
import { editableText } from './native-input';
import type { PageContext } from './types';

const SV =
  'https://www.facebook.com/tyresokommun/posts/pfbid02kQzR7wYbLmT4sVx9NcHdJpE3fUaG6hW1oKiM8nBqXyZ5tCrD2eLvl';
const EN =
  'https://www.facebook.com/tyresokommun/posts/pfbid0EnGLhT6uV2wX9yZ3aB4cD5eF6gH7iJ8kL9mN1oP2qR3sT4uV5wX6yZl';
const TEXT = 'Hej!\nVi svarar <b>snart</b> & tackar. /Maria';
const insertReply = facebookAdapter.insertReply as NonNullable<typeof facebookAdapter.insertReply>;

function comment(page: PageContext, author: string, isReply = false): Element {
  const found = facebookAdapter.findComments(page.document).find((element) => {
    const snap = facebookAdapter.snapshot(element, page);
    return snap?.authorName === author && snap.isReply === isReply;
  });
  if (!found) throw new Error(`no comment by ${author}`);
  return found;
}

function editors(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('div[role="textbox"][contenteditable="true"]'));
}

function focusedEditor(): HTMLElement {
  const active = document.activeElement as HTMLElement | null;
  if (active?.getAttribute('role') !== 'textbox' || !active) throw new Error('no editor focused');
  return active;
}

/** The top-level comment of the thread the node is in (fixture structure: `.fx-thread`). */
function threadTop(node: Element): Element | null {
  return node.closest('.fx-thread')?.querySelector('[role="article"]') ?? null;
}

function submitted(): string | undefined {
  return document.documentElement.dataset.fixtureSubmitted;
}

describe('facebook insertReply', () => {
  // The fixture's timers (60 ms) must not fire into the next test's document.
  afterEach(() => waitFor(100));

  it('puts the text into a top-level comment’s new reply box, focused, unsent (sv, nested replies)', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const anna = comment(page, 'Anna Lindqvist');
    const main = editors().find((editor) => editor.getAttribute('aria-label')?.startsWith('Skriv'));
    const count = editors().length;
    expect(await insertReply(anna, TEXT, page)).toEqual({ ok: true });
    expect(editors()).toHaveLength(count + 1);
    const editor = focusedEditor();
    expect(editor.getAttribute('aria-label')).toBe('Svara Anna Lindqvist');
    expect(anna.contains(editor)).toBe(true);
    expect(editableText(editor)).toBe(TEXT);
    expect(editor.querySelector('b')).toBeNull();
    expect(editor.querySelector('br')).not.toBeNull();
    expect(main && editableText(main)).toBe('');
    expect(
      editor.closest('form')?.querySelector('[aria-label="Kommentera"]')?.getAttribute('aria-disabled'),
    ).toBe('false');
    expect(submitted()).toBeUndefined();
  });

  it('appends after the mention in a reply to a reply, in the parent thread’s box', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const reply = comment(page, 'Tyresö kommun', true);
    expect(await insertReply(reply, TEXT, page)).toEqual({ ok: true });
    const editor = focusedEditor();
    expect(threadTop(editor)).toBe(comment(page, 'Anna Lindqvist'));
    expect(editor.querySelector('.fx-mention')?.textContent).toBe('Tyresö kommun');
    expect(editableText(editor)).toBe(`Tyresö kommun ${TEXT}`);
    expect(submitted()).toBeUndefined();
  });

  it('reuses an open box with a draft and keeps the draft', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const erik = comment(page, 'Erik Svensson');
    const count = editors().length;
    expect(await insertReply(erik, 'Tack!', page)).toEqual({ ok: true });
    expect(editors()).toHaveLength(count);
    const editor = focusedEditor();
    expect(editor.getAttribute('aria-label')).toBe('Svara Erik Svensson');
    expect(editableText(editor)).toBe('Hej Erik, simhallen öppnarTack!');
    expect(submitted()).toBeUndefined();
  });

  it('works with replies as siblings of their comment (en) and never touches the main composer', async () => {
    const page = loadFixture('facebook/en.html', EN);
    const main = editors().find((editor) => editor.getAttribute('aria-label') === 'Write a comment…');
    const jack = comment(page, 'Jack Smith');
    expect(await insertReply(jack, TEXT, page)).toEqual({ ok: true });
    const editor = focusedEditor();
    expect(editor).not.toBe(main);
    expect(editor.getAttribute('aria-label')).toBe('Reply to Jack Smith');
    expect(threadTop(editor)).toBe(jack);
    expect(editableText(editor)).toBe(TEXT);
    expect(main && editableText(main)).toBe('');

    const reply = comment(page, 'Tyresö kommun', true);
    expect(await insertReply(reply, 'Thanks', page)).toEqual({ ok: true });
    const second = focusedEditor();
    expect(threadTop(second)).toBe(comment(page, 'Olivia Brown'));
    expect(editableText(second)).toBe('Tyresö kommun Thanks');
    expect(submitted()).toBeUndefined();
  });

  it('does not open on a bare .click(), as Facebook does not (fixture check)', async () => {
    loadFixture('facebook/sv.html', SV);
    const count = editors().length;
    const reply = Array.from(document.querySelectorAll<HTMLElement>('.fx-actions [role="button"]')).find(
      (button) => button.textContent?.trim() === 'Svara',
    );
    reply?.click();
    await waitFor(150);
    expect(editors()).toHaveLength(count);
  });

  it('fails with a reason when the Reply button is missing', async () => {
    const page = loadFixture('facebook/sv.html', SV);
    const anna = comment(page, 'Anna Lindqvist');
    for (const button of Array.from(anna.querySelectorAll('[role="button"]'))) {
      if (button.textContent?.trim() === 'Svara' && button.closest('[role="article"]') === anna)
        button.remove();
    }
    const result = await insertReply(anna, TEXT, page);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/Reply button/) });
  });

  it('fails with a reason when the reply box never appears', async () => {
    const page = loadFixture('facebook/en.html', EN);
    const tom = comment(page, 'Tom Wilson');
    const swallow = (event: Event) => event.stopPropagation();
    window.addEventListener('click', swallow, true);
    try {
      const result = await insertReply(tom, TEXT, page);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/did not open/) });
    } finally {
      window.removeEventListener('click', swallow, true);
    }
    expect(submitted()).toBeUndefined();
  });
});
