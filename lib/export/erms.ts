/**
 * ERMS XML (E-ARK CITS ERMS v3, the base of Riksarkivet's FGS Ärendehantering 2.0): one
 * `record` per removed comment, valid against ERMS_v3.xsd.
 *
 * Secrecy: a confidential record carries `restriction restrictionType="confidential"` with
 * the OSL provision and the date of the marking (OSL 5 kap. 5 §), and an `otherTitle
 * titleType="public"` with a title that names neither the writer nor the content. The full
 * title, sender and text stay in the record, for the registry system to protect.
 */
import { CATEGORY_TEXT, FLAG_TEXT } from '../policy/labels';
import { type RecordEvent, type RegisterRecord, shortId } from '../store/record';
import { toStockholmIso } from '../time/stockholm';
import {
  ACTION_NAMES,
  type ExportItem,
  fullDescription,
  OUTCOME_NAMES,
  PLATFORM_NAMES,
  publicDescription,
  receivedAt,
  statusOf,
} from './describe';
import { el, renderXml, type XmlChild, type XmlNode } from './xml';

export const ERMS_NAMESPACE = 'https://DILCIS.eu/XML/ERMS';

export interface ErmsOptions {
  /** The archival creator (arkivbildare), e.g. 'Tyresö kommun'. */
  organisation: string;
  /** The unit that maintains the export, e.g. 'Kommunstyrelsen, Kommunikationsenheten'. */
  agency: string;
  /** Name and version of the producing system. */
  system?: string;
  createdAt: Date;
}

function note(noteType: string, text: string | null): XmlChild {
  return text ? el('note', { noteType }, text) : null;
}

function sender(record: RegisterRecord): XmlNode {
  const { authorName, authorUrl } = record.snapshot;
  return el(
    'agent',
    { agentType: 'sender' },
    el('name', undefined, authorName || '(namn saknas)'),
    authorUrl
      ? el('addressContactInformation', undefined, el('contactLine', { contactType: 'homepage' }, authorUrl))
      : null,
  );
}

function moderator(record: RegisterRecord, options: ErmsOptions): XmlNode {
  const { name, title, unit } = record.moderator;
  return el(
    'agent',
    { agentType: 'responsible_person' },
    el('name', undefined, name),
    el('organisation', undefined, options.organisation),
    unit ? el('unitName', undefined, unit) : null,
    title ? el('role', undefined, title) : null,
  );
}

function restriction(record: RegisterRecord, options: ErmsOptions): XmlChild {
  const secrecy = record.decision.secrecy;
  if (!secrecy) return null;
  return el(
    'restriction',
    { restrictionType: 'confidential' },
    el('explanatoryText', undefined, 'Kommentaren innehåller sekretessbelagda uppgifter.'),
    el('regulation', undefined, secrecy.provision),
    el(
      'agent',
      { agentType: 'authorising_person' },
      el('name', undefined, record.moderator.name),
      el('organisation', undefined, options.organisation),
    ),
    el('dates', undefined, el('date', { dateType: 'confidentiality_assessed' }, secrecy.markedAt)),
  );
}

function removalActions(record: RegisterRecord, events: readonly RecordEvent[]): XmlNode[] {
  return events.flatMap((event) => {
    if (event.type !== 'removal_outcome') return [];
    const text = `${ACTION_NAMES[record.decision.action]}: ${OUTCOME_NAMES[event.outcome]}`;
    return [
      el(
        'action',
        undefined,
        el('actionText', undefined, event.reason ? `${text} (${event.reason})` : text),
        el('actionType', undefined, 'removal_outcome'),
        el('dates', undefined, el('actionDate', { dateType: 'other', otherDateType: 'reported' }, event.at)),
      ),
    ];
  });
}

function detailNotes(record: RegisterRecord): XmlNode {
  const { snapshot, classification, decision } = record;
  const flags = classification.flags.map((flag) => FLAG_TEXT[flag].sv.short).join(', ');
  return el(
    'notes',
    undefined,
    note('platform', PLATFORM_NAMES[snapshot.platform]),
    note('channel', [snapshot.channelName, snapshot.channelUrl].filter(Boolean).join(' ')),
    note('post', [snapshot.postTitle, snapshot.postUrl].filter(Boolean).join(' ')),
    note('permalink', snapshot.permalink),
    note('comment_id', snapshot.commentId),
    note('posted_as_shown', snapshot.postedRaw),
    note('edited', snapshot.edited ? 'Ja' : null),
    note('reply_to', snapshot.isReply ? (snapshot.parentId ?? 'okänd') : null),
    note(
      'classification',
      `${CATEGORY_TEXT[classification.category].sv.long}${flags ? ` (${flags})` : ''}; ${classification.classifierVersion}`,
    ),
    note('moderator_note', decision.note),
    note('screenshot_sha256', record.screenshotSha256),
    note('chain', `${record.chainId} #${record.seq}; prevHash ${record.prevHash}`),
  );
}

function recordElement(item: ExportItem, options: ErmsOptions): XmlNode {
  const { record, events } = item;
  const status = statusOf(item);
  const secret = record.decision.secrecy !== null;
  const author = record.snapshot.authorName;
  return el(
    'record',
    { systemIdentifier: record.id, recordType: 'removed_comment', recordPhysicalOrDigital: 'digital' },
    el('objectId', undefined, status.diarienummer ?? `MOD-${shortId(record.id)}`),
    el('extraId', { extraIdType: 'moderera_id' }, record.id),
    el('extraId', { extraIdType: 'sha256' }, record.hash),
    record.decision.flags.length > 0
      ? el(
          'keywords',
          undefined,
          ...record.decision.flags.map((flag) => el('keyword', undefined, FLAG_TEXT[flag].sv.long)),
        )
      : null,
    el('title', undefined, author ? `${fullDescription(record)}, från ${author}` : fullDescription(record)),
    secret ? el('otherTitle', { titleType: 'public' }, publicDescription(record)) : null,
    el('status', { value: status.registration === 'registered' ? 'closed' : 'received' }),
    el('runningNumber', undefined, String(record.seq)),
    restriction(record, options),
    el('direction', { directionDefinition: 'incoming' }),
    el('agents', undefined, sender(record), moderator(record, options)),
    el('description', undefined, record.snapshot.text),
    el(
      'dates',
      undefined,
      el('date', { dateType: 'received' }, receivedAt(record)),
      el('date', { dateType: 'captured' }, record.capturedAt),
    ),
    ...removalActions(record, events),
    detailNotes(record),
  );
}

function control(options: ErmsOptions): XmlNode {
  const system = options.system ?? 'Moderera';
  return el(
    'control',
    undefined,
    el('identification', { identificationType: 'archivalCreator' }, options.organisation),
    el(
      'maintenanceInformation',
      undefined,
      el('maintenanceStatus', { value: 'new' }),
      el('maintenanceAgency', undefined, el('agencyName', undefined, options.agency)),
      el(
        'maintenanceHistory',
        undefined,
        el(
          'maintenanceEvent',
          undefined,
          el('eventType', { value: 'created' }),
          el('eventDateTime', undefined, toStockholmIso(options.createdAt)),
          el('agent', { agentType: 'creator' }, el('name', undefined, system)),
        ),
      ),
    ),
  );
}

/** The ERMS document for these records (at least one: the schema requires it). */
export function toErmsXml(items: readonly ExportItem[], options: ErmsOptions): string {
  if (items.length === 0) throw new RangeError('An ERMS export needs at least one record');
  const root = el(
    'erms',
    { xmlns: ERMS_NAMESPACE },
    control(options),
    el('records', undefined, ...items.map((item) => recordElement(item, options))),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root)}\n`;
}
