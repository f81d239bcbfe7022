import type { ListQuery, RecordStore } from '../store/store';
import type { ExportItem } from './describe';

/** The records of a query with their events, as the exports take them. */
export async function loadExportItems(store: RecordStore, query: ListQuery): Promise<ExportItem[]> {
  const records = await store.listRecords(query);
  return Promise.all(records.map(async (record) => ({ record, events: await store.eventsFor(record.id) })));
}
