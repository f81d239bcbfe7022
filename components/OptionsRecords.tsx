/**
 * Options for the register: the organisation named in exports, the channel register of
 * policy section 1.3, and backup / restore of the record store.
 */
import { useState } from 'preact/hooks';
import { BackupError, backupJson, importBackup, parseBackup } from '../lib/export/json';
import type { Language } from '../lib/policy/labels';
import type { Channel, Settings } from '../lib/settings/settings';
import { StoreError } from '../lib/store/errors';
import { stockholmDate } from '../lib/time/stockholm';
import { downloadFile } from './download';
import { recordStore } from './use-record-store';

interface DraftProps {
  draft: Settings;
  setDraft: (next: Settings) => void;
}

const sv = (language: Language, swedish: string, english: string) => (language === 'sv' ? swedish : english);

export function OrganisationFields({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  const field = (key: keyof Settings['organisation'], label: string) => (
    <label class="row">
      <span class="label">{label}</span>
      <input
        name={`organisation.${key}`}
        value={draft.organisation[key]}
        onInput={(event) =>
          setDraft({ ...draft, organisation: { ...draft.organisation, [key]: event.currentTarget.value } })
        }
      />
    </label>
  );
  return (
    <section>
      <h2>{sv(language, 'Myndighet i exporterna', 'Authority in the exports')}</h2>
      {field('name', sv(language, 'Arkivbildare', 'Archival creator'))}
      {field('unit', sv(language, 'Ansvarig enhet', 'Responsible unit'))}
    </section>
  );
}

const emptyChannel = (): Channel => ({
  id: crypto.randomUUID(),
  name: '',
  url: '',
  administrator: '',
  substitute: '',
});

/** Policy 1.3: each official channel with its responsible administrator and substitute. */
export function ChannelRegister({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  const update = (index: number, change: Partial<Channel>) =>
    setDraft({
      ...draft,
      channels: draft.channels.map((channel, i) => (i === index ? { ...channel, ...change } : channel)),
    });
  const text = (index: number, key: Exclude<keyof Channel, 'id'>, label: string) => (
    <label>
      <span class="label">{label}</span>
      <input
        name={`channels.${index}.${key}`}
        value={draft.channels[index]?.[key] ?? ''}
        onInput={(event) => update(index, { [key]: event.currentTarget.value })}
      />
    </label>
  );
  return (
    <section>
      <h2>{sv(language, 'Kanalförteckning', 'Channel register')}</h2>
      <p class="muted">
        {sv(
          language,
          'De kanaler som används i officiellt syfte, med ansvarig administratör och ersättare (riktlinjerna 1.3). Moderera påminner när en kanals halvårsskärmdump (1.6) saknas.',
          'The channels used officially, each with its responsible administrator and substitute (policy 1.3). Moderera reminds you when a channel’s half-yearly screenshot (1.6) is due.',
        )}
      </p>
      {draft.channels.map((channel, index) => (
        <fieldset class="channel" key={channel.id}>
          {text(index, 'name', sv(language, 'Namn', 'Name'))}
          {text(index, 'url', sv(language, 'Adress', 'Address'))}
          {text(index, 'administrator', sv(language, 'Ansvarig administratör', 'Responsible administrator'))}
          {text(index, 'substitute', sv(language, 'Ersättare', 'Substitute'))}
          <button
            type="button"
            data-action="remove-channel"
            onClick={() => setDraft({ ...draft, channels: draft.channels.filter((_, i) => i !== index) })}
          >
            {sv(language, 'Ta bort kanalen', 'Remove channel')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        data-action="add-channel"
        onClick={() => setDraft({ ...draft, channels: [...draft.channels, emptyChannel()] })}
      >
        {sv(language, 'Lägg till kanal', 'Add channel')}
      </button>
    </section>
  );
}

function restoreError(error: unknown, language: Language): string {
  if (error instanceof BackupError) return language === 'sv' ? error.messageSv : error.messageEn;
  if (error instanceof StoreError) return language === 'sv' ? error.messageSv : error.messageEn;
  return error instanceof Error ? error.message : String(error);
}

/** A full backup of the record store to a file, and a restore that adds what is missing. */
export function BackupRestore({ language }: { language: Language }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const backup = async () => {
    try {
      const store = await recordStore();
      const now = new Date();
      const text = await backupJson(await store.dump(), now);
      downloadFile(
        `moderera-sakerhetskopia-${stockholmDate(now)}.json`,
        'application/json',
        new TextEncoder().encode(text),
      );
      setMessage({ ok: true, text: sv(language, 'Säkerhetskopian är sparad.', 'The backup is saved.') });
    } catch (error) {
      setMessage({ ok: false, text: restoreError(error, language) });
    }
  };

  const restore = async (file: File) => {
    try {
      const parsed = parseBackup(await file.text());
      const summary = await importBackup(await recordStore(), parsed);
      const verified = await (await recordStore()).verifyChain();
      setMessage({
        ok: true,
        text: sv(
          language,
          `Återställt: ${summary.addedRecords} poster och ${summary.addedEvents} händelser lades till, ${summary.skippedRecords} poster fanns redan.${verified.ok ? '' : ' Kontrollen av kedjan hittade luckor (filen omfattar inte hela registret).'}`,
          `Restored: ${summary.addedRecords} records and ${summary.addedEvents} events added, ${summary.skippedRecords} records were already there.${verified.ok ? '' : ' The chain check found gaps (the file does not cover the whole register).'}`,
        ),
      });
    } catch (error) {
      setMessage({ ok: false, text: restoreError(error, language) });
    }
  };

  return (
    <section>
      <h2>{sv(language, 'Säkerhetskopiera och återställ', 'Backup and restore')}</h2>
      <p class="muted">
        {sv(
          language,
          'Säkerhetskopian innehåller alla poster, händelser, skärmbilder och kontrollsummor. Återställning lägger bara till det som saknas och ändrar aldrig en sparad post.',
          'The backup holds every record, event, screenshot and checksum. A restore only adds what is missing and never changes a stored record.',
        )}
      </p>
      <div class="row">
        <button type="button" data-action="backup" onClick={() => void backup()}>
          {sv(language, 'Säkerhetskopiera allt', 'Back up everything')}
        </button>
        <label>
          {sv(language, 'Återställ från fil', 'Restore from file')}{' '}
          <input
            type="file"
            name="restore"
            accept="application/json,.json"
            data-action="restore"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void restore(file);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      {message && (
        <p
          class={message.ok ? 'ok' : 'error'}
          role="status"
          data-restore-result={message.ok ? 'ok' : 'error'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
