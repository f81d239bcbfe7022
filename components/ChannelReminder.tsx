import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { channelForUrl, channelsDue } from '../lib/channels/reminder';
import { lt } from '../lib/i18n/log-strings';
import type { ExtensionPageToBackground } from '../lib/messaging/messages';
import type { Channel, Settings } from '../lib/settings/settings';
import { recordStore, useStoreQuery } from './use-record-store';

/**
 * The tab the popup speaks of: the active one, or `?tab=<id>` when the popup page is opened
 * in a window of its own (keyboard users, automation).
 */
async function pageTab() {
  const asked = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(asked) && asked > 0) return browser.tabs.get(asked).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/**
 * Policy 1.6: says which channels are due for their half-yearly screenshot and, on a
 * channel's own page, takes it. Opening the popup grants activeTab, which is what lets
 * captureVisibleTab see the page.
 */
export function ChannelReminder({ settings }: { settings: Settings }) {
  const language = settings.language;
  const [here, setHere] = useState<{ channel: Channel; windowId: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { value: shots, reload } = useStoreQuery((store) => store.listChannelShots(), []);

  useEffect(() => {
    void pageTab().then((tab) => {
      const channel = tab?.url ? channelForUrl(settings.channels, tab.url) : null;
      setHere(channel && tab?.windowId !== undefined ? { channel, windowId: tab.windowId } : null);
    });
  }, [settings.channels]);

  if (settings.channels.length === 0 || !shots) return null;
  const due = channelsDue(settings.channels, shots, new Date());
  if (due.length === 0 && !here) return null;

  const capture = async (channel: Channel, windowId: number) => {
    try {
      const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
      const blob = await (await fetch(dataUrl)).blob();
      const store = await recordStore();
      await store.addChannelShot({
        channelId: channel.id,
        channelName: channel.name,
        url: channel.url,
        moderator: settings.signature.name
          ? settings.signature
          : { name: 'okänd', title: settings.signature.title, unit: settings.signature.unit },
        blob,
      });
      const notify: ExtensionPageToBackground = { type: 'popup.channelShotTaken' };
      await browser.runtime.sendMessage(notify);
      setMessage({ ok: true, text: lt(language, 'channelShotSaved', { name: channel.name }) });
      reload();
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      setMessage({ ok: false, text: lt(language, 'channelShotFailed', { reason }) });
    }
  };

  return (
    <div class="reminder" role="note">
      {due.length > 0 && (
        <p data-reminder="due">
          {lt(language, 'reminder', { names: due.map(({ channel }) => channel.name).join(', ') })}
        </p>
      )}
      {here ? (
        <button
          type="button"
          data-action="capture-channel"
          onClick={() => void capture(here.channel, here.windowId)}
        >
          {lt(language, 'reminderCapture', { name: here.channel.name })}
        </button>
      ) : (
        <p class="muted">{lt(language, 'reminderNotHere')}</p>
      )}
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
