import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { lt } from '../lib/i18n/log-strings';
import { t } from '../lib/i18n/strings';
import type { ExtensionPageToBackground, Reply } from '../lib/messaging/messages';
import { ChannelReminder } from './ChannelReminder';
import { PopupLog } from './PopupLog';
import { QuestionList, useOpenQuestions } from './QuestionList';
import { RecordDetail } from './RecordDetail';
import { useSettings } from './use-settings';

/** `#record=<id>` opens a record; anything else is the log. */
function useRecordRoute(): [string | null, () => void] {
  const read = () => /^#record=([0-9a-f-]{36})$/.exec(location.hash)?.[1] ?? null;
  const [id, setId] = useState(read);
  useEffect(() => {
    const onChange = () => setId(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  const close = () => {
    history.pushState(null, '', location.pathname);
    setId(null);
  };
  return [id, close];
}

export function Popup() {
  const [settings] = useSettings();
  const language = settings.language;
  const [recordId, closeRecord] = useRecordRoute();
  const [tab, setTab] = useState<'log' | 'questions'>('log');
  const [questions, reloadQuestions] = useOpenQuestions();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const today = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'full',
  }).format(new Date());

  if (recordId) return <RecordDetail id={recordId} settings={settings} onBack={closeRecord} />;

  const activate = async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id === undefined) return;
    const message: ExtensionPageToBackground = { type: 'popup.activateOnTab', tabId: active.id };
    const reply = (await browser.runtime.sendMessage(message)) as Reply;
    setStatus(
      reply.ok
        ? { ok: true, text: t(language, 'popupActivated') }
        : { ok: false, text: t(language, 'popupActivateFailed', { reason: reply.error.message }) },
    );
  };

  return (
    <main class="popup">
      <h1>{t(language, 'popupTitle')}</h1>
      <p class="muted">
        {t(language, 'popupToday')}: {today}
      </p>
      <ChannelReminder settings={settings} />
      <div class="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'log'}
          data-tab="log"
          onClick={() => setTab('log')}
        >
          {lt(language, 'tabLog')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'questions'}
          data-tab="questions"
          onClick={() => setTab('questions')}
        >
          {lt(language, 'tabQuestions', { count: questions?.length ?? '…' })}
        </button>
      </div>
      {tab === 'log' ? (
        <PopupLog settings={settings} />
      ) : (
        questions && <QuestionList questions={questions} language={language} onChanged={reloadQuestions} />
      )}
      <hr />
      <button type="button" data-action="activate-on-page" onClick={() => void activate()}>
        {t(language, 'popupActivate')}
      </button>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </main>
  );
}
