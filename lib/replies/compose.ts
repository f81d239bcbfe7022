/**
 * Turns a template into the reply a moderator sees in the preview and inserts: placeholders
 * filled, signed with name, title and unit (section 3.2), never with raw braces.
 */
import type { CommentSnapshot } from '../platforms/types';
import { stockholmDate } from '../time/stockholm';
import { fillTemplate } from './placeholders';
import type { ReplyTemplate } from './templates';

export interface Signature {
  name: string;
  title: string;
  unit: string;
}

export interface ReplyContext {
  authorName: string;
  signature: Signature;
  homepageUrl: string;
  now: Date;
}

export type ComposedReply =
  | { ok: true; text: string }
  | { ok: false; problem: 'signature_missing' }
  | { ok: false; problem: 'unknown_placeholders'; placeholders: string[] }
  | { ok: false; problem: 'missing_values'; placeholders: string[] };

export function signatureComplete(signature: Signature): boolean {
  return [signature.name, signature.title, signature.unit].every((part) => part.trim().length > 0);
}

export function signatureLine(signature: Signature): string {
  return `/${signature.name.trim()}, ${signature.title.trim()}, ${signature.unit.trim()}`;
}

/** A comment author's name as a greeting uses it: YouTube's "@handle" loses its "@". */
function greetingName(authorName: string): string {
  return authorName.trim().replace(/^@/, '');
}

export function composeReply(template: ReplyTemplate, context: ReplyContext): ComposedReply {
  if (!signatureComplete(context.signature)) return { ok: false, problem: 'signature_missing' };
  const signed = /\{(signatur|signature)\}/i.test(template.text)
    ? template.text
    : `${template.text}\n\n{signatur}`;
  const result = fillTemplate(signed, {
    author: greetingName(context.authorName),
    name: context.signature.name,
    title: context.signature.title,
    unit: context.signature.unit,
    link: context.homepageUrl,
    date: stockholmDate(context.now),
    signature: signatureLine(context.signature),
  });
  if (result.unknown.length > 0)
    return { ok: false, problem: 'unknown_placeholders', placeholders: result.unknown };
  if (result.missing.length > 0)
    return { ok: false, problem: 'missing_values', placeholders: result.missing };
  return { ok: true, text: result.text };
}

/** A reply to pass on: what was written, by whom, where and when. */
export function describeComment(snapshot: CommentSnapshot): string {
  const lines = [
    `Kommentar: ${snapshot.text}`,
    `Av: ${snapshot.authorName}${snapshot.authorUrl ? ` (${snapshot.authorUrl})` : ''}`,
    `Plattform: ${snapshot.platform}${snapshot.channelName ? `, ${snapshot.channelName}` : ''}`,
  ];
  if (snapshot.permalink) lines.push(`Länk: ${snapshot.permalink}`);
  if (snapshot.postTitle || snapshot.postUrl)
    lines.push(`Inlägg: ${[snapshot.postTitle, snapshot.postUrl].filter(Boolean).join(' – ')}`);
  if (snapshot.postedAt || snapshot.postedRaw)
    lines.push(`Publicerad: ${snapshot.postedAt ?? snapshot.postedRaw}`);
  return lines.join('\n');
}
