/**
 * A printable HTML report of one day's removed comments, for registrars who register from
 * e-mail or paper. A complete document with no script: a Content-Security-Policy that
 * allows none, every piece of record text escaped, links only for http(s) URLs.
 */
import { CATEGORY_TEXT } from '../policy/labels';
import { shortId } from '../store/record';
import { stockholmClock, stockholmDate } from '../time/stockholm';
import {
  ACTION_NAMES,
  type ExportItem,
  flagNames,
  moderatorText,
  OUTCOME_NAMES,
  PLATFORM_NAMES,
  publicDescription,
  publicSender,
  receivedAt,
  statusOf,
} from './describe';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** A link for http(s) URLs only: javascript:, data: and the like stay plain text. */
function link(url: string | null, label?: string): string {
  if (!url) return '';
  const text = escapeHtml(label ?? url);
  if (!/^https?:\/\//i.test(url)) return text;
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>`;
}

export interface DayReportOptions {
  /** The Stockholm date the report covers (YYYY-MM-DD). */
  date: string;
  organisation: string;
  generatedAt: Date;
  /** 'redact' prints only the public register fields of confidential records. */
  confidential?: 'show' | 'redact';
}

const STYLE = `
body{font:11pt/1.4 system-ui,sans-serif;margin:2em;color:#000}
h1{font-size:16pt}h2{font-size:12pt;margin:0 0 .4em}
section{border:1px solid #888;padding:.8em;margin:0 0 1em;page-break-inside:avoid}
.secret{border:3px solid #b00}.mark{color:#b00;font-weight:bold}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}dt{font-weight:bold}dd{margin:0}
blockquote{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #888;margin:.6em 0;padding:.2em .8em}
.hash{font-family:monospace;font-size:8pt;overflow-wrap:anywhere}
`;

function row(term: string, html: string): string {
  return html ? `<dt>${escapeHtml(term)}</dt><dd>${html}</dd>` : '';
}

function recordSection(item: ExportItem, redact: boolean): string {
  const { record } = item;
  const status = statusOf(item);
  const secrecy = record.decision.secrecy;
  const hide = redact && secrecy !== null;
  const received = new Date(receivedAt(record));
  const { snapshot } = record;
  const rows = [
    row('Datum', escapeHtml(`${stockholmDate(received)} ${stockholmClock(received)}`)),
    row('Diarienummer', escapeHtml(status.diarienummer ?? 'Ej registrerad')),
    row(
      'Avsändare',
      hide
        ? escapeHtml(publicSender(record))
        : `${escapeHtml(snapshot.authorName)} ${link(snapshot.authorUrl)}`,
    ),
    row('Beskrivning', escapeHtml(publicDescription(record))),
    row(
      'Sekretess',
      secrecy
        ? `<span class="mark">${escapeHtml(`${secrecy.provision}, markerad ${secrecy.markedAt}`)}</span>`
        : '',
    ),
    row('Kanal', escapeHtml(`${PLATFORM_NAMES[snapshot.platform]} – ${snapshot.channelName ?? ''}`)),
    hide ? '' : row('Inlägg', link(snapshot.postUrl, snapshot.postTitle ?? snapshot.postUrl ?? '')),
    hide ? '' : row('Kommentar', link(snapshot.permalink, snapshot.commentId)),
    row('Kategori', escapeHtml(CATEGORY_TEXT[record.classification.category].sv.long)),
    row('Flaggor', escapeHtml(flagNames(record.decision.flags))),
    row('Åtgärd', escapeHtml(`${ACTION_NAMES[record.decision.action]} – ${OUTCOME_NAMES[status.removal]}`)),
    hide ? '' : row('Anteckning', escapeHtml(record.decision.note)),
    row('Moderator', escapeHtml(moderatorText(record))),
    row('Sparad', escapeHtml(record.capturedAt)),
    row('Kontrollsumma', `<span class="hash">${escapeHtml(record.hash)}</span>`),
  ].join('');
  const text = hide ? '' : `<blockquote>${escapeHtml(snapshot.text)}</blockquote>`;
  const mark = secrecy ? '<p class="mark">SEKRETESS</p>' : '';
  const heading = `Post ${escapeHtml(shortId(record.id))}`;
  return `<section class="${secrecy ? 'secret' : ''}"><h2>${heading}</h2>${mark}<dl>${rows}</dl>${text}</section>`;
}

/** A complete HTML document. The caller chooses which records belong to the day. */
export function buildDayReport(items: readonly ExportItem[], options: DayReportOptions): string {
  const redact = options.confidential === 'redact';
  const title = `Borttagna kommentarer ${options.date} – ${options.organisation}`;
  const body = items.length
    ? items.map((item) => recordSection(item, redact)).join('\n')
    : '<p>Inga borttagna kommentarer denna dag.</p>';
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${items.length} poster. Utskriven ${stockholmDate(options.generatedAt)} ${stockholmClock(options.generatedAt)}.`)}</p>
${body}
</body>
</html>
`;
}
