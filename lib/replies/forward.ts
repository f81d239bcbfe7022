/**
 * Passing a question or fault report on (Bilaga 1): a prefilled e-mail to the department's
 * mailbox, and a text to paste into the municipality's fault-reporting system.
 */
import type { CommentSnapshot } from '../platforms/types';
import { stockholmClock, stockholmDate } from '../time/stockholm';
import { describeComment } from './compose';

export interface Mailbox {
  id: string;
  name: string;
  email: string;
}

export interface ForwardMail {
  to: string;
  subject: string;
  body: string;
  href: string;
}

const KIND = { fault_report: 'Felanmälan', question: 'Fråga/synpunkt' } as const;

export function forwardMail(
  snapshot: CommentSnapshot,
  mailbox: Mailbox,
  kind: keyof typeof KIND,
  now: Date,
): ForwardMail {
  const subject = `${KIND[kind]} från ${snapshot.platform}: ${firstWords(snapshot.text, 8)}`;
  const body = [
    `Hej ${mailbox.name}!`,
    '',
    `Vi har fått följande ${KIND[kind].toLowerCase()} i kommunens sociala medier och skickar den vidare till er.`,
    '',
    describeComment(snapshot),
    '',
    `Vidarebefordrad ${stockholmDate(now)} kl. ${stockholmClock(now)}.`,
  ].join('\n');
  const href = `mailto:${encodeURIComponent(mailbox.email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
  return { to: mailbox.email, subject, body, href };
}

/** The text to paste into the fault-reporting system. */
export function faultReportText(snapshot: CommentSnapshot, now: Date): string {
  return [
    'Felanmälan via sociala medier',
    describeComment(snapshot),
    `Registrerad av moderator ${stockholmDate(now)} kl. ${stockholmClock(now)}.`,
  ].join('\n');
}

function firstWords(text: string, count: number): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > count ? `${words.slice(0, count).join(' ')} …` : words.join(' ');
}
