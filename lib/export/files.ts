/**
 * The files the popup hands to the registrar: one builder per format over the records of
 * a date range, each with a name that says what and when.
 */
import { toCsvBytes } from './csv';
import type { ExportItem } from './describe';
import { toErmsXml } from './erms';
import { backupJson } from './json';
import { buildDayReport } from './report';
import { type BundleFile, buildBundle } from './zip';

export const FILE_FORMATS = ['csv', 'json', 'erms', 'report', 'zip'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface ExportContext {
  /** Stockholm dates, inclusive. */
  from: string;
  to: string;
  organisation: string;
  unit: string;
  now: Date;
  screenshot: (recordId: string) => Promise<Blob | null>;
}

export interface ExportFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<FileFormat, { suffix: string; mediaType: string }> = {
  csv: { suffix: '.csv', mediaType: 'text/csv;charset=utf-8' },
  json: { suffix: '.json', mediaType: 'application/json' },
  erms: { suffix: '-erms.xml', mediaType: 'application/xml' },
  report: { suffix: '-rapport.html', mediaType: 'text/html;charset=utf-8' },
  zip: { suffix: '.zip', mediaType: 'application/zip' },
};

export class EmptyExportError extends Error {
  override name = 'EmptyExportError';
  constructor() {
    super('Det finns inga poster att exportera för de valda datumen.');
  }
}

export function rangeLabel(from: string, to: string): string {
  return from === to ? from : `${from}--${to}`;
}

export function exportFileName(format: FileFormat, from: string, to: string): string {
  return `moderera-${rangeLabel(from, to)}${EXTENSIONS[format].suffix}`;
}

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A backup of just these records: their entries, events and screenshots with every hash.
 * Only chain heads whose record is included travel along, so a restore never points a
 * chain at a record the file does not hold.
 */
async function rangeBackup(items: readonly ExportItem[], context: ExportContext): Promise<string> {
  const screenshots = new Map<string, Blob>();
  for (const { record } of items) {
    const blob = await context.screenshot(record.id);
    if (blob) screenshots.set(record.id, blob);
  }
  const latest = new Map<string, ExportItem['record']>();
  for (const { record } of items) {
    const current = latest.get(record.chainId);
    if (!current || current.seq < record.seq) latest.set(record.chainId, record);
  }
  const heads = [...latest.values()].map(({ chainId, seq, hash, id }) => ({
    chainId,
    seq,
    hash,
    recordId: id,
  }));
  return backupJson(
    {
      entries: items.map(({ record }) => record),
      events: items.flatMap(({ events }) => events),
      screenshots,
      heads,
      activeChainId: null,
      channelShots: [],
    },
    context.now,
  );
}

async function screenshotFiles(items: readonly ExportItem[], context: ExportContext): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const { record } of items) {
    const blob = await context.screenshot(record.id);
    if (blob)
      files.push({ name: `skarmbilder/${record.id}.png`, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }
  return files;
}

async function contents(
  format: Exclude<FileFormat, 'zip'>,
  items: readonly ExportItem[],
  context: ExportContext,
) {
  switch (format) {
    case 'csv':
      return toCsvBytes(items);
    case 'json':
      return encode(await rangeBackup(items, context));
    case 'erms':
      return encode(
        toErmsXml(items, {
          organisation: context.organisation,
          agency: context.unit,
          createdAt: context.now,
        }),
      );
    case 'report':
      return encode(
        buildDayReport(items, {
          date: context.from === context.to ? context.from : `${context.from} – ${context.to}`,
          organisation: context.organisation,
          generatedAt: context.now,
        }),
      );
  }
}

/** Builds one export file. Refuses an empty selection rather than hand over an empty file. */
export async function buildExportFile(
  format: FileFormat,
  items: readonly ExportItem[],
  context: ExportContext,
): Promise<ExportFile> {
  if (items.length === 0) throw new EmptyExportError();
  const name = exportFileName(format, context.from, context.to);
  const { mediaType } = EXTENSIONS[format];
  if (format !== 'zip') return { name, mediaType, bytes: await contents(format, items, context) };
  const parts: BundleFile[] = [];
  for (const part of ['csv', 'json', 'erms'] as const) {
    parts.push({
      name: exportFileName(part, context.from, context.to),
      bytes: await contents(part, items, context),
    });
  }
  parts.push(...(await screenshotFiles(items, context)));
  return { name, mediaType, bytes: await buildBundle(parts, context.now) };
}
