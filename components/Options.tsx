import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostPermissionPattern, normaliseBlogHost } from '../lib/hosts/blog-hosts';
import { t } from '../lib/i18n/strings';
import type { ExtensionPageToBackground } from '../lib/messaging/messages';
import { FLAG_IDS, FLAG_TEXT, type FlagId, type Language } from '../lib/policy/labels';
import type { Settings } from '../lib/settings/settings';
import { useSettings } from './use-settings';

export function Options() {
  const [settings, save] = useSettings();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const language = settings.language;
  const report = (ok: boolean, text: string) => setMessage({ ok, text });

  const saveAndSay = async (next: Settings) => {
    try {
      await save(next);
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
          onChange={(event) =>
            void saveAndSay({ ...settings, language: event.currentTarget.value as Language })
          }
        >
          <option value="sv">Svenska</option>
          <option value="en">English</option>
        </select>
      </label>
      <BlogHosts settings={settings} save={saveAndSay} report={report} />
      <ExtraWords settings={settings} save={saveAndSay} />
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
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

function ExtraWords({ settings, save }: SectionProps) {
  const language = settings.language;
  const [drafts, setDrafts] = useState<Partial<Record<FlagId, string>>>({});
  useEffect(() => {
    setDrafts(
      Object.fromEntries(FLAG_IDS.map((flag) => [flag, (settings.extraWords[flag] ?? []).join('\n')])),
    );
  }, [settings]);

  const submit = () => {
    const extraWords: Settings['extraWords'] = {};
    for (const flag of FLAG_IDS) {
      const words = (drafts[flag] ?? '')
        .split('\n')
        .map((word) => word.trim())
        .filter(Boolean);
      if (words.length > 0) extraWords[flag] = words;
    }
    void save({ ...settings, extraWords });
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
            value={drafts[flag] ?? ''}
            onInput={(event) => setDrafts({ ...drafts, [flag]: event.currentTarget.value })}
          />
        </label>
      ))}
      <button type="button" class="primary" data-action="save-options" onClick={submit}>
        {language === 'sv' ? 'Spara' : 'Save'}
      </button>
    </section>
  );
}
