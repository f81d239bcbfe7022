import { useEffect, useState } from 'preact/hooks';
import { PLATFORM_NAMES } from '../lib/export/describe';
import { eventText, lt, outcomeText, statusText } from '../lib/i18n/log-strings';
import { CATEGORY_TEXT, FLAG_TEXT, type Language } from '../lib/policy/labels';
import type { Settings } from '../lib/settings/settings';
import { type RecordEvent, type RegisterRecord, shortId } from '../lib/store/record';
import { deriveStatus } from '../lib/store/status';
import { recordStore, useStoreQuery } from './use-record-store';

interface Loaded {
  record: RegisterRecord | null;
  events: RecordEvent[];
  screenshot: Blob | null;
}

type Message = { ok: boolean; text: string } | null;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Everything about one record, its screenshot, and what may still be done with it. */
export function RecordDetail({
  id,
  settings,
  onBack,
}: {
  id: string;
  settings: Settings;
  onBack: () => void;
}) {
  const language = settings.language;
  const [message, setMessage] = useState<Message>(null);
  const { value, error, reload } = useStoreQuery<Loaded>(
    async (store) => ({
      record: await store.getRecord(id),
      events: await store.eventsFor(id),
      screenshot: await store.getScreenshot(id),
    }),
    [id],
  );
  const back = (
    <button type="button" data-action="back" onClick={onBack}>
      ← {lt(language, 'back')}
    </button>
  );
  if (error)
    return <Frame back={back} body={<p class="error">{lt(language, 'storeFailed', { reason: error })}</p>} />;
  if (!value) return <Frame back={back} body={<p class="muted">{lt(language, 'loading')}</p>} />;
  if (!value.record) {
    return (
      <Frame
        back={back}
        body={
          <>
            <p>{lt(language, 'notFound')}</p>
            {message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
          </>
        }
      />
    );
  }
  const { record, events } = value;
  const status = deriveStatus(events);
  return (
    <Frame
      back={back}
      body={
        <article class="record" data-record-id={record.id}>
          <h1>{lt(language, 'recordHeading', { id: shortId(record.id) })}</h1>
          <p>
            {outcomeText(language, status)} · {statusText(language, status)}
          </p>
          <Fields record={record} language={language} />
          <Screenshot blob={value.screenshot} language={language} />
          <h2>{lt(language, 'events')}</h2>
          <ul class="events">
            {events.map((event) => (
              <li key={event.id} data-event={event.type}>
                {event.at}: {eventText(language, event)}
              </li>
            ))}
          </ul>
          <Diarienummer id={record.id} language={language} onSaved={reload} onMessage={setMessage} />
          {status.registration === 'registered' && (
            <DeleteRecord
              id={record.id}
              number={status.diarienummer ?? ''}
              by={settings.signature.name}
              language={language}
              onDeleted={() => {
                setMessage({ ok: true, text: lt(language, 'deleted') });
                reload();
              }}
              onMessage={setMessage}
            />
          )}
          {message && (
            <p class={message.ok ? 'ok' : 'error'} role="status">
              {message.text}
            </p>
          )}
        </article>
      }
    />
  );
}

function Frame({ back, body }: { back: preact.ComponentChild; body: preact.ComponentChild }) {
  return (
    <main class="popup detail">
      {back}
      {body}
    </main>
  );
}

function Fields({ record, language }: { record: RegisterRecord; language: Language }) {
  const { snapshot, classification, decision, moderator } = record;
  const rows: Array<[Parameters<typeof lt>[1], preact.ComponentChild]> = [
    ['capturedAt', record.capturedAt],
    ['platform', PLATFORM_NAMES[snapshot.platform]],
    ['channel', snapshot.channelName ?? ''],
    ['post', snapshot.postTitle ?? snapshot.postUrl ?? ''],
    [
      'author',
      snapshot.authorUrl ? (
        <SafeLink href={snapshot.authorUrl} text={snapshot.authorName} />
      ) : (
        snapshot.authorName
      ),
    ],
    ['postedAt', snapshot.postedAt ?? snapshot.postedRaw ?? ''],
    [
      'permalink',
      snapshot.permalink ? (
        <SafeLink href={snapshot.permalink} text={snapshot.commentId} />
      ) : (
        snapshot.commentId
      ),
    ],
    ['category', CATEGORY_TEXT[classification.category][language].long],
    ['flags', decision.flags.map((flag) => FLAG_TEXT[flag][language].short).join(', ')],
    ['action', lt(language, `action_${decision.action}`)],
    ['note', decision.note],
    ['secrecy', decision.secrecy ? decision.secrecy.provision : ''],
    ['moderator', `${moderator.name}, ${moderator.title}, ${moderator.unit}`],
    ['hash', <code key="hash">{record.hash}</code>],
  ];
  return (
    <>
      <dl class="fields">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{lt(language, key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{lt(language, 'text')}</h2>
      <blockquote class="comment-text">{snapshot.text}</blockquote>
    </>
  );
}

/** Links only to http(s) addresses; anything else is shown as text. */
function SafeLink({ href, text }: { href: string; text: string }) {
  if (!/^https?:\/\//i.test(href)) return <>{text}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text || href}
    </a>
  );
}

function Screenshot({ blob, language }: { blob: Blob | null; language: Language }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return (
    <>
      <h2>{lt(language, 'screenshot')}</h2>
      {blob && url ? (
        <img class="screenshot" src={url} alt={lt(language, 'screenshot')} data-screenshot="present" />
      ) : (
        <p class="muted" data-screenshot="missing">
          {lt(language, 'noScreenshot')}
        </p>
      )}
    </>
  );
}

function Diarienummer({
  id,
  language,
  onSaved,
  onMessage,
}: {
  id: string;
  language: Language;
  onSaved: () => void;
  onMessage: (message: Message) => void;
}) {
  const [number, setNumber] = useState('');
  const save = async () => {
    const diarienummer = number.trim();
    if (!diarienummer) return;
    try {
      await (await recordStore()).addEvent(id, { type: 'registered', diarienummer });
      onMessage({ ok: true, text: lt(language, 'savedDiarienummer', { number: diarienummer }) });
      setNumber('');
      onSaved();
    } catch (caught) {
      onMessage({ ok: false, text: errorText(caught) });
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        {lt(language, 'diarienummer')}{' '}
        <input
          name="diarienummer"
          value={number}
          maxLength={200}
          placeholder="KS 2026/123"
          onInput={(e) => setNumber(e.currentTarget.value)}
        />
      </label>{' '}
      <button type="submit" data-action="set-diarienummer">
        {lt(language, 'saveDiarienummer')}
      </button>
    </form>
  );
}

function DeleteRecord({
  id,
  number,
  by,
  language,
  onDeleted,
  onMessage,
}: {
  id: string;
  number: string;
  by: string;
  language: Language;
  onDeleted: () => void;
  onMessage: (message: Message) => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = async () => {
    try {
      await (await recordStore()).deleteRegisteredRecord(id, { shortId: typed, by: by || 'okänd' });
      onDeleted();
    } catch (caught) {
      onMessage({ ok: false, text: errorText(caught) });
    }
  };
  if (!open) {
    return (
      <button type="button" class="danger" data-action="delete-record" onClick={() => setOpen(true)}>
        {lt(language, 'deleteHeading')} …
      </button>
    );
  }
  return (
    <fieldset class="delete">
      <legend>{lt(language, 'deleteHeading')}</legend>
      <p>{lt(language, 'deleteExplain', { number, id: shortId(id) })}</p>
      <input name="confirm-short-id" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />{' '}
      <button type="button" class="danger" data-action="confirm" onClick={() => void remove()}>
        {lt(language, 'deleteConfirm')}
      </button>{' '}
      <button type="button" data-action="cancel" onClick={() => setOpen(false)}>
        {lt(language, 'back')}
      </button>
    </fieldset>
  );
}
