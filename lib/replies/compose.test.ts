import { describe, expect, it } from 'vitest';
import type { CommentSnapshot } from '../platforms/types';
import { composeReply } from './compose';
import { faultReportText, forwardMail } from './forward';
import { DEFAULT_TEMPLATES, type ReplyTemplate, templatesFor } from './templates';

const signature = { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' };
const context = {
  authorName: '@erik_j',
  signature,
  homepageUrl: 'https://www.tyreso.se',
  now: new Date('2026-11-28T13:05:00Z'),
};
const template = (text: string): ReplyTemplate => ({
  id: 't',
  language: 'sv',
  title: 't',
  categories: ['question'],
  text,
});

const snapshot: CommentSnapshot = {
  platform: 'facebook',
  commentId: '1234',
  permalink: 'https://www.facebook.com/tyresokommun/posts/1?comment_id=1234',
  authorName: 'Karin Berg',
  authorUrl: 'https://www.facebook.com/karin.berg',
  text: 'Gatlampan på Bollmoravägen är trasig.\nMörkt!',
  postedRaw: '3 tim',
  postedAt: null,
  edited: false,
  isReply: false,
  parentId: null,
  postId: '1',
  postUrl: 'https://www.facebook.com/tyresokommun/posts/1',
  postTitle: null,
  channelName: 'Tyresö kommun',
  channelUrl: null,
};

describe('composeReply', () => {
  it('fills the placeholders and appends the signature', () => {
    expect(composeReply(template('Hej {författare}! Se {länk}.'), context)).toEqual({
      ok: true,
      text: 'Hej erik_j! Se https://www.tyreso.se.\n\n/Maria Ek, kommunikatör, Kommunikationsenheten',
    });
  });

  it('places the signature where the template says', () => {
    const reply = composeReply(template('{signatur} svarar {datum}'), context);
    expect(reply).toEqual({
      ok: true,
      text: '/Maria Ek, kommunikatör, Kommunikationsenheten svarar 2026-11-28',
    });
  });

  it('asks for a signature first when none is configured', () => {
    expect(composeReply(template('Tack.'), { ...context, signature: { ...signature, unit: ' ' } })).toEqual({
      ok: false,
      problem: 'signature_missing',
    });
  });

  it('refuses a template with an unknown placeholder', () => {
    expect(composeReply(template('Hej {namm}'), context)).toEqual({
      ok: false,
      problem: 'unknown_placeholders',
      placeholders: ['namm'],
    });
  });

  it('every default template composes without problems', () => {
    for (const t of DEFAULT_TEMPLATES) expect(composeReply(t, context).ok).toBe(true);
  });
});

describe('templatesFor', () => {
  it('offers the political referral first for a political question, then the category, in the UI language', () => {
    const ids = templatesFor(DEFAULT_TEMPLATES, 'question', ['political'], 'sv').map((t) => t.id);
    expect(ids[0]).toBe('sv-question-political');
    expect(ids.slice(1, 4)).toEqual(['en-question-political', 'sv-question-return', 'sv-question-link']);
  });

  it('offers fault-report templates first for a fault report', () => {
    expect(templatesFor(DEFAULT_TEMPLATES, 'fault_report', [], 'sv')[0]?.id).toBe('sv-fault-pass-on');
  });
});

describe('forwarding', () => {
  it('prefills a mail to the department with the comment, its author, link and time', () => {
    const mail = forwardMail(
      snapshot,
      { id: 'g', name: 'Gatuenheten', email: 'gata@tyreso.se' },
      'fault_report',
      context.now,
    );
    expect(mail.to).toBe('gata@tyreso.se');
    expect(mail.subject).toBe('Felanmälan från facebook: Gatlampan på Bollmoravägen är trasig. Mörkt!');
    expect(mail.body).toContain('Kommentar: Gatlampan på Bollmoravägen är trasig.\nMörkt!');
    expect(mail.body).toContain('Av: Karin Berg (https://www.facebook.com/karin.berg)');
    expect(mail.body).toContain('Länk: https://www.facebook.com/tyresokommun/posts/1?comment_id=1234');
    expect(mail.body).toContain('2026-11-28 kl. 14:05');
    const url = new URL(mail.href);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.search)).toContain('body=Hej Gatuenheten!\r\n');
  });

  it('writes a fault report to paste into the fault-reporting system', () => {
    expect(faultReportText(snapshot, context.now)).toMatch(
      /^Felanmälan via sociala medier\nKommentar: Gatlampan/,
    );
  });
});
