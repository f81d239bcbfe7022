import { useMemo, useState } from 'preact/hooks';
import type { ExportItem } from '../lib/export/describe';
import { PLATFORM_NAMES } from '../lib/export/describe';
import { buildExportFile, type FileFormat } from '../lib/export/files';
import { lt, outcomeText, statusText } from '../lib/i18n/log-strings';
import { CATEGORY_IDS, CATEGORY_TEXT, FLAG_IDS, FLAG_TEXT, type Language } from '../lib/policy/labels';
import { countItems, type LogRow, newestFirst, searchItems, toLogRow } from '../lib/popup/day-log';
import type { Settings } from '../lib/settings/settings';
import { stockholmDate } from '../lib/time/stockholm';
import { downloadFile } from './download';
import { recordStore, useStoreQuery } from './use-record-store';

const PAGE = 100;

const EXPORTS: Array<{ format: FileFormat; action: string; label: Parameters<typeof lt>[1] }> = [
  { format: 'csv', action: 'export-csv', label: 'exportCsv' },
  { format: 'json', action: 'export-json', label: 'exportJson' },
  { format: 'erms', action: 'export-erms', label: 'exportErms' },
  { format: 'report', action: 'export-report', label: 'exportReport' },
  { format: 'zip', action: 'export-zip', label: 'exportZip' },
];

type Message = { ok: boolean; text: string } | null;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PopupLog({ settings }: { settings: Settings }) {
  const language = settings.language;
  const today = stockholmDate(new Date());
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [message, setMessage] = useState<Message>(null);
  const range = from <= to ? { from, to } : { from: to, to: from };
  const {
    value: items,
    error,
    reload,
  } = useStoreQuery((store) => store.listWithEvents(range), [range.from, range.to]);
  const found = useMemo(() => (items ? newestFirst(searchItems(items, search)) : []), [items, search]);

  const exportAs = async (format: FileFormat) => {
    if (!items) return;
    try {
      const store = await recordStore();
      const file = await buildExportFile(format, items, {
        ...range,
        organisation: settings.organisation.name,
        unit: settings.organisation.unit || settings.signature.unit,
        now: new Date(),
        screenshot: (id) => store.getScreenshot(id),
      });
      downloadFile(file.name, file.mediaType, file.bytes);
      await store.addEventToMany(
        items.map(({ record }) => record.id),
        { type: 'exported', format },
      );
      setMessage({ ok: true, text: lt(language, 'exported', { file: file.name, count: items.length }) });
      reload();
    } catch (caught) {
      setMessage({ ok: false, text: lt(language, 'exportFailed', { reason: errorText(caught) }) });
    }
  };

  return (
    <section aria-label={lt(language, 'tabLog')}>
      <div class="range">
        <label>
          {lt(language, 'from')}{' '}
          <input
            type="date"
            name="from"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value || today)}
          />
        </label>
        <label>
          {lt(language, 'to')}{' '}
          <input type="date" name="to" value={to} onChange={(e) => setTo(e.currentTarget.value || today)} />
        </label>
        <button
          type="button"
          data-action="range-today"
          onClick={() => {
            setFrom(today);
            setTo(today);
          }}
        >
          {lt(language, 'today')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {lt(language, 'storeFailed', { reason: error })}
        </p>
      )}
      {!items && !error && <p class="muted">{lt(language, 'loading')}</p>}
      {items && <Counts items={items} language={language} />}
      {items && items.length > 0 && (
        <>
          <label class="search">
            {lt(language, 'search')}{' '}
            <input
              type="search"
              name="search"
              value={search}
              placeholder={lt(language, 'searchPlaceholder')}
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
          </label>
          <ol class="log" data-count={found.length}>
            {found.slice(0, shown).map((item) => (
              <LogItem key={item.record.id} row={toLogRow(item)} language={language} />
            ))}
          </ol>
          {found.length > shown && (
            <button type="button" data-action="show-more" onClick={() => setShown(shown + PAGE)}>
              {lt(language, 'showMore', { count: found.length - shown })}
            </button>
          )}
          <h2>{lt(language, 'exportHeading')}</h2>
          <div class="exports">
            {EXPORTS.map(({ format, action, label }) => (
              <button key={format} type="button" data-action={action} onClick={() => void exportAs(format)}>
                {lt(language, label)}
              </button>
            ))}
          </div>
          <BatchRegistration items={items} language={language} onDone={reload} onMessage={setMessage} />
        </>
      )}
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}

function Counts({ items, language }: { items: readonly ExportItem[]; language: Language }) {
  const counts = countItems(items);
  if (counts.total === 0) return <p class="muted">{lt(language, 'noRecords')}</p>;
  return (
    <div class="counts" data-total={counts.total}>
      <strong>{lt(language, 'countsTotal', { count: counts.total })}</strong>
      <ul class="chips">
        {CATEGORY_IDS.filter((id) => counts.categories[id] > 0).map((id) => (
          <li key={id} data-category={id}>
            {CATEGORY_TEXT[id][language].short}: {counts.categories[id]}
          </li>
        ))}
        {FLAG_IDS.filter((id) => counts.flags[id] > 0).map((id) => (
          <li key={id} data-flag={id} class="flag">
            {FLAG_TEXT[id][language].short}: {counts.flags[id]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LogItem({ row, language }: { row: LogRow; language: Language }) {
  return (
    <li
      data-record-id={row.id}
      data-status={row.status.registration}
      data-outcome={row.status.removal}
      class={row.confidential ? 'secret' : undefined}
    >
      <div class="line">
        <span class="time">{row.time}</span>
        <span>{PLATFORM_NAMES[row.platform]}</span>
        <strong class="author">{row.author}</strong>
        <a href={`#record=${row.id}`} data-action="open-record">
          {lt(language, 'open')} {row.shortId}
        </a>
      </div>
      <div class="excerpt">{row.excerpt}</div>
      <div class="muted">
        {row.flags.map((flag) => FLAG_TEXT[flag][language].short).join(', ')}
        {row.flags.length > 0 && ' · '}
        {outcomeText(language, row.status)} · {statusText(language, row.status)}
      </div>
    </li>
  );
}

function BatchRegistration({
  items,
  language,
  onDone,
  onMessage,
}: {
  items: readonly ExportItem[];
  language: Language;
  onDone: () => void;
  onMessage: (message: Message) => void;
}) {
  const [number, setNumber] = useState('');
  const unregistered = items.filter(({ events }) => !events.some((event) => event.type === 'registered'));
  if (unregistered.length === 0) return null;
  const save = async () => {
    const diarienummer = number.trim();
    if (!diarienummer) return;
    try {
      const store = await recordStore();
      await store.addEventToMany(
        unregistered.map(({ record }) => record.id),
        { type: 'registered', diarienummer },
      );
      onMessage({
        ok: true,
        text: lt(language, 'batchSaved', { count: unregistered.length, number: diarienummer }),
      });
      setNumber('');
      onDone();
    } catch (caught) {
      onMessage({ ok: false, text: errorText(caught) });
    }
  };
  return (
    <form
      class="batch"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {lt(language, 'batchHeading')} ({unregistered.length})
        <input
          name="batch-diarienummer"
          value={number}
          maxLength={200}
          placeholder="KS 2026/123"
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
      </label>
      <button type="submit" data-action="register-batch">
        {lt(language, 'batchSave')}
      </button>
    </form>
  );
}
