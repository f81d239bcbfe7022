/**
 * CSV for registrars who open it in Excel with Swedish settings: UTF-8 with BOM (or Excel
 * guesses Windows-1252), `;` between fields (`,` is the decimal sign), CRLF between rows,
 * every field quoted.
 *
 * The first four columns are the register entry of OSL 5 kap. 2 §: date of arrival,
 * diarienummer, sender, what it concerns. Items 3 and 4 "utelämnas eller särskiljas" when
 * needed to keep the rest of the register public, so for a record marked secret Avsändare
 * says "Sekretess – se akt" and Beskrivning is a generic text with the provision only; the
 * person and the content stay in the detail columns, which belong to the akt (the file goes
 * to the registrar, not to the public). `confidentialDetails: 'withhold'` also blanks the
 * detail columns that can carry secret content, for a copy that leaves the registry.
 *
 * Formula injection: a cell that starts with = + - @ tab or CR is prefixed with ' so Excel
 * shows it as text (OWASP CSV injection). To keep that reversible, a cell that already starts
 * with one or more ' before such a character gets one more. unneutralise() undoes it.
 */
import { CATEGORY_TEXT } from '../policy/labels';
import { shortId } from '../store/record';
import { stockholmClock, stockholmDate } from '../time/stockholm';
import {
  ACTION_NAMES,
  type ExportItem,
  flagNames,
  isConfidential,
  KEPT_APART,
  moderatorText,
  OUTCOME_NAMES,
  PLATFORM_NAMES,
  publicDescription,
  publicSender,
  receivedAt,
  statusOf,
} from './describe';

export interface CsvOptions {
  confidentialDetails?: 'include' | 'withhold';
}

const SEPARATOR = ';';
const ROW_END = '\r\n';
const BOM = '\uFEFF';

type Column = {
  header: string;
  value: (item: ExportItem) => string;
  /** Can carry secret content; withheld on request for confidential records. */
  secret?: boolean;
};

const COLUMNS: Column[] = [
  { header: 'Datum', value: ({ record }) => stockholmDate(new Date(receivedAt(record))) },
  { header: 'Diarienummer', value: (item) => statusOf(item).diarienummer ?? '' },
  { header: 'Avsändare', value: ({ record }) => publicSender(record) },
  { header: 'Beskrivning', value: ({ record }) => publicDescription(record) },
  { header: 'Tid', value: ({ record }) => stockholmClock(new Date(receivedAt(record))) },
  { header: 'Sekretess', value: ({ record }) => secrecyText(record.decision.secrecy) },
  { header: 'Plattform', value: ({ record }) => PLATFORM_NAMES[record.snapshot.platform] },
  { header: 'Kanal', value: ({ record }) => record.snapshot.channelName ?? '' },
  { header: 'Inlägg', value: ({ record }) => record.snapshot.postTitle ?? '', secret: true },
  { header: 'Inläggslänk', value: ({ record }) => record.snapshot.postUrl ?? '' },
  { header: 'Inläggs-id', value: ({ record }) => record.snapshot.postId ?? '' },
  { header: 'Kommentar-id', value: ({ record }) => record.snapshot.commentId, secret: true },
  { header: 'Länk', value: ({ record }) => record.snapshot.permalink ?? '', secret: true },
  { header: 'Författare', value: ({ record }) => record.snapshot.authorName, secret: true },
  { header: 'Författarlänk', value: ({ record }) => record.snapshot.authorUrl ?? '', secret: true },
  { header: 'Publicerad (som visat)', value: ({ record }) => record.snapshot.postedRaw ?? '' },
  { header: 'Text', value: ({ record }) => record.snapshot.text, secret: true },
  { header: 'Svar', value: ({ record }) => (record.snapshot.isReply ? 'Ja' : 'Nej') },
  { header: 'Redigerad', value: ({ record }) => (record.snapshot.edited ? 'Ja' : 'Nej') },
  { header: 'Kategori', value: ({ record }) => CATEGORY_TEXT[record.classification.category].sv.long },
  { header: 'Flaggor', value: ({ record }) => flagNames(record.decision.flags) },
  { header: 'Åtgärd', value: ({ record }) => ACTION_NAMES[record.decision.action] },
  { header: 'Utfall', value: (item) => outcomeText(item) },
  { header: 'Anteckning', value: ({ record }) => record.decision.note, secret: true },
  { header: 'Moderator', value: ({ record }) => moderatorText(record) },
  { header: 'Sparad', value: ({ record }) => record.capturedAt },
  /** Post as in registerpost: the record's own id. */
  { header: 'Post-id', value: ({ record }) => record.id },
  { header: 'Kort-id', value: ({ record }) => shortId(record.id) },
  { header: 'Löpnummer', value: ({ record }) => String(record.seq) },
  { header: 'Hash', value: ({ record }) => record.hash },
  { header: 'Föregående hash', value: ({ record }) => record.prevHash },
  { header: 'Skärmbild SHA-256', value: ({ record }) => record.screenshotSha256 ?? '' },
];

export const CSV_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

function secrecyText(secrecy: ExportItem['record']['decision']['secrecy']): string {
  return secrecy ? `${secrecy.provision} (markerad ${secrecy.markedAt})` : '';
}

function outcomeText(item: ExportItem): string {
  const status = statusOf(item);
  const name = OUTCOME_NAMES[status.removal];
  return status.removalReason ? `${name}: ${status.removalReason}` : name;
}

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Prefixes ' to a cell Excel would run as a formula. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula: the text as it was before export. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

function quote(cell: string): string {
  return `"${neutraliseFormula(cell).replace(/"/g, '""')}"`;
}

function cellValue(column: Column, item: ExportItem, options: CsvOptions): string {
  const withhold = options.confidentialDetails === 'withhold' && column.secret && isConfidential(item.record);
  return withhold ? KEPT_APART : column.value(item);
}

export function toCsv(items: readonly ExportItem[], options: CsvOptions = {}): string {
  const rows = [
    CSV_HEADERS.map(quote),
    ...items.map((item) => COLUMNS.map((column) => quote(cellValue(column, item, options)))),
  ];
  return BOM + rows.map((row) => row.join(SEPARATOR)).join(ROW_END) + ROW_END;
}

export function toCsvBytes(items: readonly ExportItem[], options: CsvOptions = {}): Uint8Array {
  return new TextEncoder().encode(toCsv(items, options));
}

/**
 * Reads CSV as toCsv writes it (any quoting, `;`, CRLF or LF rows, optional BOM). Cells come
 * back as written, neutralising prefix included: pass them through unneutralise() for the
 * original text.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (inQuotes) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') inQuotes = false;
      else cell += char;
    } else if (char === '"') inQuotes = true;
    else if (char === SEPARATOR) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || (char === '\r' && input[i + 1] === '\n')) {
      if (char === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (inQuotes) throw new SyntaxError('CSV ends inside a quoted field');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
