import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n/strings';
import type { ExtensionPageToBackground, Reply } from '../lib/messaging/messages';
import { useSettings } from './use-settings';

export function Popup() {
  const [settings] = useSettings();
  const language = settings.language;
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const today = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'full',
  }).format(new Date());

  const activate = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: ExtensionPageToBackground = { type: 'popup.activateOnTab', tabId: tab.id };
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
