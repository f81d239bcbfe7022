import type { ExportFormat, RecordEvent, RemovalOutcome } from './record';

export interface RecordStatus {
  /** Where the record is on its way into the diarium. */
  registration: 'not_exported' | 'exported' | 'registered';
  diarienummer: string | null;
  exportedFormats: ExportFormat[];
  /** The latest reported outcome of the removal on the platform; 'pending' until one is reported. */
  removal: RemovalOutcome | 'pending';
  removalReason: string | null;
  deleted: boolean;
}

/** Oldest first; events with equal instants keep their given order. */
export function sortEvents(events: readonly RecordEvent[]): RecordEvent[] {
  return events
    .map((event, index) => ({ event, index, ms: Date.parse(event.at) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ event }) => event);
}

/** The status of a record, derived from its events alone (a record itself never changes). */
export function deriveStatus(events: readonly RecordEvent[]): RecordStatus {
  const status: RecordStatus = {
    registration: 'not_exported',
    diarienummer: null,
    exportedFormats: [],
    removal: 'pending',
    removalReason: null,
    deleted: false,
  };
  for (const event of sortEvents(events)) {
    switch (event.type) {
      case 'removal_outcome':
        status.removal = event.outcome;
        status.removalReason = event.reason;
        break;
      case 'exported':
        if (!status.exportedFormats.includes(event.format)) status.exportedFormats.push(event.format);
        if (status.registration === 'not_exported') status.registration = 'exported';
        break;
      case 'registered':
        status.registration = 'registered';
        status.diarienummer = event.diarienummer;
        break;
      case 'deleted':
        status.deleted = true;
        break;
    }
  }
  return status;
}
