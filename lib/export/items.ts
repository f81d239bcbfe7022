import type { ListQuery, RecordStore } from '../store/store';
import type { ExportItem } from './describe';

/** The records of a query with their events, as the exports take them. */
export function loadExportItems(store: RecordStore, query: ListQuery): Promise<ExportItem[]> {
  return store.listWithEvents(query);
}
