/**
 * Swedish wording shared by the exports: how a record is described in the register, and
 * which of its parts are public. One place, so the CSV, the ERMS file and the report agree.
 */
import type { PlatformId } from '../platforms/types';
import { FLAG_TEXT, type FlagId } from '../policy/labels';
import type { RecordEvent, RegisterRecord, RemovalAction } from '../store/record';
import { deriveStatus, type RecordStatus } from '../store/status';
import { toStockholmIso } from '../time/stockholm';

/** A record with its events, as the exports take it. */
export interface ExportItem {
  record: RegisterRecord;
  events: readonly RecordEvent[];
}

export const PLATFORM_NAMES: Record<PlatformId, string> = {
  facebook: 'Facebook',
  youtube: 'YouTube',
  youtube_studio: 'YouTube Studio',
  wordpress: 'WordPress (blogg)',
  blogger: 'Blogger (blogg)',
};

export const ACTION_NAMES: Record<RemovalAction, string> = {
  delete: 'Raderad',
  hide: 'Dold',
  register_only: 'Endast registrering',
};

export const OUTCOME_NAMES: Record<RecordStatus['removal'], string> = {
  pending: 'Ej rapporterat',
  removed: 'Borttagen',
  hidden: 'Dold',
  failed: 'Misslyckades',
  unknown: 'Okänt',
};

/** Placeholder for a register field kept apart because of secrecy (OSL 5 kap. 2 § andra stycket). */
export const KEPT_APART = 'Sekretess – se akt';

export function isConfidential(record: RegisterRecord): boolean {
  return record.decision.secrecy !== null;
}

export function flagNames(flags: readonly FlagId[]): string {
  return flags.map((flag) => FLAG_TEXT[flag].sv.short).join(', ');
}

function actionNoun(action: RemovalAction): string {
  return action === 'hide' ? 'Dold kommentar' : action === 'delete' ? 'Borttagen kommentar' : 'Kommentar';
}

/** "Borttagen kommentar på Facebook (Personangrepp)": what the register entry concerns. */
export function fullDescription(record: RegisterRecord): string {
  const flags = flagNames(record.decision.flags);
  const base = `${actionNoun(record.decision.action)} på ${PLATFORM_NAMES[record.snapshot.platform]}`;
  return flags ? `${base} (${flags})` : base;
}

/**
 * The description the public part of the register may show. For a confidential record the
 * flags are left out too (e.g. "Kränkande personuppgifter" next to a date can point at a
 * person); the provision itself is public, as a secrecy marking (OSL 5 kap. 5 §) is.
 */
export function publicDescription(record: RegisterRecord): string {
  const secrecy = record.decision.secrecy;
  if (!secrecy) return fullDescription(record);
  return `${actionNoun(record.decision.action)} på ${PLATFORM_NAMES[record.snapshot.platform]} – sekretess enligt ${secrecy.provision}`;
}

export function senderText(record: RegisterRecord): string {
  const { authorName, authorUrl } = record.snapshot;
  return authorUrl ? `${authorName} (${authorUrl})` : authorName;
}

export function publicSender(record: RegisterRecord): string {
  return isConfidential(record) ? KEPT_APART : senderText(record);
}

/**
 * When the document arrived (OSL 5 kap. 2 § p. 1): a comment on the municipality's page
 * arrives when it is posted, so the platform's absolute time when it gave one; otherwise
 * the capture time, the earliest moment the municipality can show it had it.
 */
export function receivedAt(record: RegisterRecord): string {
  const posted = record.snapshot.postedAt;
  if (posted) {
    const parsed = new Date(posted);
    if (!Number.isNaN(parsed.getTime())) return toStockholmIso(parsed);
  }
  return record.capturedAt;
}

export function statusOf(item: ExportItem): RecordStatus {
  return deriveStatus(item.events);
}

export function moderatorText(record: RegisterRecord): string {
  const { name, title, unit } = record.moderator;
  return [name, title, unit].filter(Boolean).join(', ');
}
