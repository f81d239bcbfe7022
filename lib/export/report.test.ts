import { afterEach, describe, expect, it } from 'vitest';
import type { RecordStore } from '../store/store';
import { confidentialInput, exportItems, openTestStore, sampleInput, sampleSnapshot } from '../store/testing';
import { buildDayReport, escapeHtml } from './report';

const OPTIONS = {
  date: '2026-11-28',
  organisation: 'Tyresö kommun',
  generatedAt: new Date('2026-11-28T16:00:00Z'),
};

let store: RecordStore;
afterEach(() => store?.close());

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('leaves other text alone', () => {
    expect(escapeHtml('Åsa 😀\nrad')).toBe('Åsa 😀\nrad');
  });
});

describe('buildDayReport', () => {
  it('is a full document whose record text cannot inject markup or script', async () => {
    store = await openTestStore();
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    await store.appendRecord(
      sampleInput({
        snapshot: sampleSnapshot({
          authorName: hostile,
          authorUrl: 'javascript:alert(3)',
          text: hostile,
          postTitle: hostile,
          channelName: hostile,
          permalink: 'https://www.facebook.com/x?a=1&b="2"',
        }),
        decision: { flags: ['profanity'], action: 'hide', note: hostile, secrecy: null },
      }),
    );
    const html = buildDayReport(await exportItems(store), OPTIONS);

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain("default-src 'none'");
    const tags = html.match(/<[^>]*>/g) ?? [];
    const tagNames = new Set(tags.map((tag) => /^<\/?([!a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase()));
    expect([...tagNames].sort()).toEqual(
      [
        '!doctype',
        'a',
        'blockquote',
        'body',
        'dd',
        'dl',
        'dt',
        'h1',
        'h2',
        'head',
        'html',
        'meta',
        'p',
        'section',
        'span',
        'style',
        'title',
      ].sort(),
    );
    for (const tag of tags) expect(tag).not.toMatch(/\son\w+=|javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="https://www.facebook.com/x?a=1&amp;b=&quot;2&quot;"');
  });

  it('marks confidential records and can redact them to the public fields', async () => {
    store = await openTestStore();
    await store.appendRecord(confidentialInput());
    const items = await exportItems(store);

    const shown = buildDayReport(items, OPTIONS);
    expect(shown).toContain('SEKRETESS');
    expect(shown).toContain('Eva Ek');

    const redacted = buildDayReport(items, { ...OPTIONS, confidential: 'redact' });
    expect(redacted).toContain('Sekretess – se akt');
    expect(redacted).not.toMatch(/Bo Berg|Eva Ek|försörjningsstöd/);
  });

  it('says so when the day is empty', () => {
    expect(buildDayReport([], OPTIONS)).toContain('Inga borttagna kommentarer');
  });
});
