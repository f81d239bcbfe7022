import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCapturer } from '../lib/capture/capturer';
import { cropPngInWorker } from '../lib/capture/image';
import { screenshotsAllowed } from '../lib/capture/permission';
import { channelsDue, reminderTitle } from '../lib/channels/reminder';
import { classifyBatch, warmClassifier } from '../lib/classifier/batch';
import { withoutEvidence } from '../lib/classifier/schema';
import { syncUserBlogScript } from '../lib/hosts/registration';
import { createMessageRouter } from '../lib/messaging/router';
import { markAnswered, rememberQuestions } from '../lib/questions/questions';
import { createRegistrar } from '../lib/register/registrar';
import { loadSettings } from '../lib/settings/settings';
import { openRecordStore } from '../lib/store/store';

/** The blog content script's file in the build, registered at run time for user-added hosts. */
const BLOG_SCRIPT_FILE = '/content-scripts/blog.js';

export default defineBackground(() => {
  const syncBlogHosts = async () => {
    const settings = await loadSettings(browser.storage.local);
    // Registered scripts name their files relative to the extension root, without the leading slash.
    return syncUserBlogScript(
      browser.scripting,
      browser.permissions,
      settings.blogHosts,
      BLOG_SCRIPT_FILE.slice(1),
    );
  };

  // One connection while this worker lives; a restarted worker opens a new one. Every write is
  // committed before it is acknowledged, so nothing that matters lives only in memory.
  let connection: ReturnType<typeof openRecordStore> | null = null;
  const store = () => {
    connection ??= openRecordStore().catch((error: unknown) => {
      connection = null;
      throw error;
    });
    return connection;
  };
  const registrar = createRegistrar({
    store,
    settings: () => loadSettings(browser.storage.local),
    session: browser.storage.session,
  });
  // The screenshot of a comment before it is registered: its tab must be the one shown.
  const captureComment = createCapturer({
    tab: (tabId) => browser.tabs.get(tabId),
    captureVisibleTab: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
    allowed: () => screenshotsAllowed(browser.permissions),
    cropPng: cropPngInWorker,
  });

  // Policy 1.6: the global badge says when a channel's six-monthly screenshot is due. Tabs
  // with something to say override it; the others show it.
  const refreshReminder = async () => {
    const settings = await loadSettings(browser.storage.local);
    const shots = settings.channels.length ? await (await store()).listChannelShots() : [];
    const due = channelsDue(settings.channels, shots, new Date());
    await browser.action.setBadgeBackgroundColor({ color: '#5b3cc4' });
    await browser.action.setBadgeText({ text: due.length ? 'BILD' : '' });
    await browser.action.setTitle({ title: due.length ? reminderTitle(due) : 'Moderera' });
    return { due: due.length };
  };

  const route = createMessageRouter(browser.runtime.getURL('/'), {
    content: {
      'content.pageStatus': async (message, sender) => {
        const text = message.layoutProblem ? '!' : message.toRemove > 0 ? String(message.toRemove) : '';
        await browser.action.setBadgeBackgroundColor({
          tabId: sender.tabId,
          color: message.layoutProblem ? '#b26a00' : '#b3261e',
        });
        // null hands the tab back to the global badge (the screenshot reminder).
        await browser.action.setBadgeText({ tabId: sender.tabId, text: text || (null as unknown as string) });
        return { badge: text };
      },
      'content.captureComment': ({ type: _type, ...request }, sender) =>
        captureComment(request, sender.tabId),
      'content.register': ({ type: _type, ...request }, sender) => registrar.register(request, sender.tabId),
      'content.removalOutcome': async (message, _sender) => {
        await registrar.recordOutcome(message.recordId, message.outcome, message.reason);
        return { recorded: true };
      },
      'content.questionsSeen': async (message) => ({
        remembered: await rememberQuestions(browser.storage.local, message.questions, new Date()),
      }),
      'content.questionAnswered': async (message) => {
        await markAnswered(browser.storage.local, message, new Date());
        return { answered: true };
      },
      // The classifier runs here, off the page's main thread (and stays compiled and warm between
      // pages while the worker lives); a content script classifies locally only if this fails.
      'content.prepareClassifier': () => {
        warmClassifier();
        return { ready: true };
      },
      'content.classify': (message) => {
        const classifications = classifyBatch(message.texts, message.extraWords);
        return { classifications: message.evidence ? classifications : classifications.map(withoutEvidence) };
      },
      'content.openOptions': async () => {
        await browser.runtime.openOptionsPage();
        return { opened: true };
      },
    },
    extensionPage: {
      'popup.activateOnTab': async (message) => {
        await browser.scripting.executeScript({
          target: { tabId: message.tabId },
          files: [BLOG_SCRIPT_FILE],
        });
        return { activated: true };
      },
      'options.blogHostsChanged': async () => ({ hosts: await syncBlogHosts() }),
      'popup.channelShotTaken': () => refreshReminder(),
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => void syncBlogHosts());
  browser.permissions.onRemoved.addListener(() => void syncBlogHosts());
  browser.tabs.onRemoved.addListener((tabId) => void registrar.tabClosed(tabId));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void refreshReminder();
  });
  void refreshReminder().catch((error: unknown) => console.error('Moderera: reminder badge', error));
  void registrar.sweep(async (tabId) => {
    try {
      await browser.tabs.get(tabId);
      return true;
    } catch {
      return false;
    }
  });
});
