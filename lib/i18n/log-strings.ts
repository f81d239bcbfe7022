/** Text of the popup's log, record view, exports and the options' records sections. */

import { CAPTURE_FAILURES, type CaptureFailure } from '../capture/messages';
import type { Language } from '../policy/labels';
import type { RecordEvent } from '../store/record';
import type { RecordStatus } from '../store/status';

const sv = {
  from: 'Från',
  to: 'Till',
  today: 'Idag',
  tabLog: 'Logg',
  tabQuestions: 'Obesvarade frågor ({count})',
  countsTotal: '{count} registrerade',
  noRecords: 'Inga registrerade kommentarer de valda datumen.',
  search: 'Sök',
  searchPlaceholder: 'Text, författare, id, diarienummer …',
  showMore: 'Visa fler ({count} till)',
  open: 'Visa',
  exportHeading: 'Exportera det valda',
  exportCsv: 'CSV (Excel)',
  exportJson: 'JSON (säkerhetskopia)',
  exportErms: 'ERMS-XML',
  exportReport: 'Utskrift (HTML)',
  exportZip: 'ZIP med allt',
  exported: '{file} sparad ({count} poster, markerade som exporterade).',
  exportFailed: 'Exporten misslyckades: {reason}',
  batchHeading: 'Diarienummer för alla valda som inte är registrerade',
  batchSave: 'Registrera',
  batchSaved: '{count} poster registrerade med {number}.',
  diarienummer: 'Diarienummer',
  saveDiarienummer: 'Spara diarienummer',
  savedDiarienummer: 'Registrerad med {number}.',
  back: 'Tillbaka',
  recordHeading: 'Post {id}',
  screenshot: 'Skärmbild',
  noScreenshot: 'Ingen skärmbild sparades.',
  events: 'Händelser',
  capturedAt: 'Registrerad',
  moderator: 'Moderator',
  platform: 'Plattform',
  channel: 'Kanal',
  post: 'Inlägg',
  permalink: 'Länk',
  author: 'Avsändare',
  postedAt: 'Publicerad',
  text: 'Text',
  flags: 'Flaggor',
  category: 'Kategori',
  action: 'Åtgärd',
  note: 'Anteckning',
  secrecy: 'Sekretess',
  hash: 'Kontrollsumma',
  deleteHeading: 'Radera posten',
  deleteExplain:
    'Posten finns i diariet ({number}). Radera den här bara vid gallring. Skriv postens korta id ({id}) för att bekräfta.',
  deleteConfirm: 'Radera',
  deleted: 'Posten är raderad. Raderingen är loggad.',
  notFound: 'Posten finns inte (eller är raderad).',
  questionsNone: 'Inga obesvarade frågor.',
  questionDue: 'Svar senast {due}',
  questionOverdue: 'Försenad – skulle besvarats {due}',
  questionAnswered: 'Besvarad',
  reminder: 'Dags för halvårets skärmdump (riktlinjerna 1.6): {names}',
  reminderCapture: 'Ta skärmdump av {name}',
  reminderNotHere: 'Öppna kanalens sida och klicka på Moderera där för att ta skärmdumpen.',
  channelShotSaved: 'Skärmdumpen av {name} är sparad.',
  channelShotFailed: 'Skärmdumpen gick inte att ta: {reason}',
  storeFailed: 'Registret gick inte att läsa: {reason}',
  loading: 'Läser …',
  status_not_exported: 'Ej exporterad',
  status_exported: 'Exporterad',
  status_registered: 'Diarieförd {number}',
  outcome_pending: 'Ej rapporterat',
  outcome_removed: 'Borttagen',
  outcome_hidden: 'Dold',
  outcome_failed: 'Borttagning misslyckades',
  outcome_unknown: 'Okänt om borttagen',
  action_delete: 'Raderad',
  action_hide: 'Dold',
  action_register_only: 'Endast registrering',
  event_removal: 'Borttagning: {outcome}',
  event_removalReason: 'Borttagning: {outcome} ({reason})',
  event_exported: 'Exporterad som {format}',
  event_registered: 'Diarieförd {number}',
  event_deleted: 'Raderad av {by}',
  event_screenshotMissing: 'Utan skärmbild ({failure})',
  event_screenshotMissingDetail: 'Utan skärmbild ({failure}: {detail})',
  shot_no_permission: 'ingen behörighet att ta skärmbilder',
  shot_tab_hidden: 'fliken visades inte',
  shot_not_visible: 'kommentaren syntes inte på skärmen',
  shot_failed: 'webbläsaren kunde inte ta bilden',
  shot_rejected: 'bilden godtogs inte',
  shot_unavailable: 'ingen skärmbild kunde tas här',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  from: 'From',
  to: 'To',
  today: 'Today',
  tabLog: 'Log',
  tabQuestions: 'Unanswered questions ({count})',
  countsTotal: '{count} registered',
  noRecords: 'No registered comments on the chosen dates.',
  search: 'Search',
  searchPlaceholder: 'Text, author, id, reference number …',
  showMore: 'Show more ({count} left)',
  open: 'Open',
  exportHeading: 'Export the selection',
  exportCsv: 'CSV (Excel)',
  exportJson: 'JSON (backup)',
  exportErms: 'ERMS XML',
  exportReport: 'Printout (HTML)',
  exportZip: 'ZIP with everything',
  exported: '{file} saved ({count} records, marked as exported).',
  exportFailed: 'The export failed: {reason}',
  batchHeading: 'Reference number for every selected record not yet registered',
  batchSave: 'Register',
  batchSaved: '{count} records registered as {number}.',
  diarienummer: 'Reference number (diarienummer)',
  saveDiarienummer: 'Save reference number',
  savedDiarienummer: 'Registered as {number}.',
  back: 'Back',
  recordHeading: 'Record {id}',
  screenshot: 'Screenshot',
  noScreenshot: 'No screenshot was saved.',
  events: 'Events',
  capturedAt: 'Registered',
  moderator: 'Moderator',
  platform: 'Platform',
  channel: 'Channel',
  post: 'Post',
  permalink: 'Link',
  author: 'Sender',
  postedAt: 'Posted',
  text: 'Text',
  flags: 'Flags',
  category: 'Category',
  action: 'Action',
  note: 'Note',
  secrecy: 'Secrecy',
  hash: 'Checksum',
  deleteHeading: 'Delete the record',
  deleteExplain:
    'The record is in the diarium ({number}). Delete it here only when culling. Type its short id ({id}) to confirm.',
  deleteConfirm: 'Delete',
  deleted: 'The record is deleted. The deletion is logged.',
  notFound: 'The record does not exist (or was deleted).',
  questionsNone: 'No unanswered questions.',
  questionDue: 'Answer by {due}',
  questionOverdue: 'Late – was due {due}',
  questionAnswered: 'Answered',
  reminder: 'Time for the half-yearly screenshot (policy 1.6): {names}',
  reminderCapture: 'Take a screenshot of {name}',
  reminderNotHere: "Open the channel's page and click Moderera there to take the screenshot.",
  channelShotSaved: 'The screenshot of {name} is saved.',
  channelShotFailed: 'The screenshot could not be taken: {reason}',
  storeFailed: 'The register could not be read: {reason}',
  loading: 'Reading …',
  status_not_exported: 'Not exported',
  status_exported: 'Exported',
  status_registered: 'Registered {number}',
  outcome_pending: 'Not reported',
  outcome_removed: 'Removed',
  outcome_hidden: 'Hidden',
  outcome_failed: 'Removal failed',
  outcome_unknown: 'Unknown whether removed',
  action_delete: 'Deleted',
  action_hide: 'Hidden',
  action_register_only: 'Registered only',
  event_removal: 'Removal: {outcome}',
  event_removalReason: 'Removal: {outcome} ({reason})',
  event_exported: 'Exported as {format}',
  event_registered: 'Registered {number}',
  event_deleted: 'Deleted by {by}',
  event_screenshotMissing: 'No screenshot ({failure})',
  event_screenshotMissingDetail: 'No screenshot ({failure}: {detail})',
  shot_no_permission: 'no permission to take screenshots',
  shot_tab_hidden: 'the tab was not shown',
  shot_not_visible: 'the comment was not on screen',
  shot_failed: 'the browser could not take it',
  shot_rejected: 'the image was refused',
  shot_unavailable: 'no screenshot could be taken here',
};

const tables: Record<Language, Record<Key, string>> = { sv, en };

export function lt(language: Language, key: Key, values: Record<string, string | number> = {}): string {
  return tables[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function statusText(language: Language, status: RecordStatus): string {
  return lt(language, `status_${status.registration}`, { number: status.diarienummer ?? '' });
}

export function outcomeText(language: Language, status: RecordStatus): string {
  return lt(language, `outcome_${status.removal}`);
}

/** One line of a record's history, for people. Reasons and details are quoted as they were logged. */
export function eventText(language: Language, event: RecordEvent): string {
  switch (event.type) {
    case 'removal_outcome': {
      const outcome = lt(language, `outcome_${event.outcome}`);
      return event.reason
        ? lt(language, 'event_removalReason', { outcome, reason: event.reason })
        : lt(language, 'event_removal', { outcome });
    }
    case 'exported':
      return lt(language, 'event_exported', { format: event.format.toUpperCase() });
    case 'registered':
      return lt(language, 'event_registered', { number: event.diarienummer });
    case 'deleted':
      return lt(language, 'event_deleted', { by: event.by });
    case 'screenshot_missing': {
      const failure = isCaptureFailure(event.failure) ? lt(language, `shot_${event.failure}`) : event.failure;
      return event.detail
        ? lt(language, 'event_screenshotMissingDetail', { failure, detail: event.detail })
        : lt(language, 'event_screenshotMissing', { failure });
    }
  }
}

/** Stored failures are free text (older versions and imports may hold others); known ones get words. */
function isCaptureFailure(failure: string): failure is CaptureFailure {
  return (CAPTURE_FAILURES as readonly string[]).includes(failure);
}
