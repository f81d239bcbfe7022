import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostPermissionPattern, normaliseBlogHost } from '../lib/hosts/blog-hosts';
import { t } from '../lib/i18n/strings';
import type { ExtensionPageToBackground } from '../lib/messaging/messages';
import { FLAG_IDS, FLAG_TEXT, type FlagId, type Language } from '../lib/policy/labels';
import type { Settings } from '../lib/settings/settings';
import { BackupRestore, ChannelRegister, OrganisationFields } from './OptionsRecords';
import { LinkFields, MailboxFields, SignatureFields, TemplateFields } from './OptionsReplies';
import { ScreenshotPermission } from './OptionsScreenshots';
import { useSettings } from './use-settings';

export function Options() {
  const [settings, save] = useSettings();
  const [draft, setDraft] = useState<Settings>(settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setDraft(settings), [settings]);
  const language = settings.language;
  const report = (ok: boolean, text: string) => setMessage({ ok, text });

  const saveAndSay = async (next: Settings) => {
    try {
      await save(withoutBlankWords(next));
      report(true, t(language, 'optionsSaved'));
    } catch (error) {
      report(false, error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main class="options">
      <h1>{t(language, 'optionsTitle')}</h1>
      <label class="row">
        {t(language, 'optionsLanguage')}
        <select
          name="language"
          value={language}
          onChange={(event) => void saveAndSay({ ...draft, language: event.currentTarget.value as Language })}
        >
          <option value="sv">Svenska</option>
          <option value="en">English</option>
        </select>
      </label>
      <SignatureFields draft={draft} setDraft={setDraft} />
      <OrganisationFields draft={draft} setDraft={setDraft} />
      <ChannelRegister draft={draft} setDraft={setDraft} />
      <LinkFields draft={draft} setDraft={setDraft} />
      <MailboxFields draft={draft} setDraft={setDraft} />
      <TemplateFields draft={draft} setDraft={setDraft} />
      <ExtraWords draft={draft} setDraft={setDraft} />
      <div class="row save">
        <button
          type="button"
          class="primary"
          data-action="save-options"
          onClick={() => void saveAndSay(draft)}
        >
          {language === 'sv' ? 'Spara' : 'Save'}
        </button>
        {message && (
          <span class={message.ok ? 'ok' : 'error'} role="status">
            {message.text}
          </span>
        )}
      </div>
      <BlogHosts settings={settings} save={saveAndSay} report={report} />
      <BackupRestore language={language} />
      <ScreenshotPermission language={language} />
    </main>
  );
}

interface SectionProps {
  settings: Settings;
  save: (next: Settings) => Promise<void>;
}

function BlogHosts({
  settings,
  save,
  report,
}: SectionProps & { report: (ok: boolean, text: string) => void }) {
  const [draft, setDraft] = useState('');
  const language = settings.language;

  const add = async () => {
    let host: string;
    try {
      host = normaliseBlogHost(draft);
    } catch (error) {
      report(false, error instanceof Error ? error.message : String(error));
      return;
    }
    // Asked first, while the click still counts as the user's gesture.
    const granted = await browser.permissions.request({ origins: [hostPermissionPattern(host)] });
    if (!granted) {
      report(false, t(language, 'optionsPermissionDenied', { host }));
      return;
    }
    await save({ ...settings, blogHosts: [...new Set([...settings.blogHosts, host])] });
    await notifyHostsChanged();
    setDraft('');
  };

  const remove = async (host: string) => {
    await save({ ...settings, blogHosts: settings.blogHosts.filter((h) => h !== host) });
    await browser.permissions.remove({ origins: [hostPermissionPattern(host)] });
    await notifyHostsChanged();
  };

  return (
    <section>
      <h2>{t(language, 'optionsBlogHosts')}</h2>
      <p class="muted">{t(language, 'optionsBlogHostsHelp')}</p>
      <ul class="plain">
        {settings.blogHosts.map((host) => (
          <li key={host}>
            <code>{host}</code>
            <button type="button" onClick={() => void remove(host)}>
              {t(language, 'optionsRemoveHost')}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <input
          name="blogHost"
          value={draft}
          placeholder="blogg.tyreso.se"
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="button" onClick={() => void add()}>
          {t(language, 'optionsAddHost')}
        </button>
      </div>
    </section>
  );
}

async function notifyHostsChanged(): Promise<void> {
  const message: ExtensionPageToBackground = { type: 'options.blogHostsChanged' };
  await browser.runtime.sendMessage(message);
}

function ExtraWords({ draft, setDraft }: { draft: Settings; setDraft: (next: Settings) => void }) {
  const language = draft.language;
  const setWords = (flag: FlagId, value: string) => {
    const words = value.split('\n').map((word) => word.trim());
    const extraWords: Settings['extraWords'] = { ...draft.extraWords, [flag]: words };
    setDraft({ ...draft, extraWords });
  };
  return (
    <section>
      <h2>{language === 'sv' ? 'Egna ord per flagga' : 'Own words per flag'}</h2>
      <p class="muted">
        {language === 'sv'
          ? 'Ett ord per rad. Orden läggs till klassificerarens listor.'
          : 'One word per line. The words are added to the classifier’s lists.'}
      </p>
      {FLAG_IDS.map((flag) => (
        <label key={flag} style={{ display: 'block', margin: '6px 0' }}>
          {FLAG_TEXT[flag][language].long}
          <br />
          <textarea
            name={`extraWords.${flag}`}
            rows={2}
            cols={40}
            value={(draft.extraWords[flag] ?? []).join('\n')}
            onInput={(event) => setWords(flag, event.currentTarget.value)}
          />
        </label>
      ))}
    </section>
  );
}

/** Blank lines in the word lists are not words. */
function withoutBlankWords(settings: Settings): Settings {
  const extraWords: Settings['extraWords'] = {};
  for (const flag of FLAG_IDS) {
    const words = (settings.extraWords[flag] ?? []).map((word) => word.trim()).filter(Boolean);
    if (words.length > 0) extraWords[flag] = words;
  }
  return { ...settings, extraWords };
}
