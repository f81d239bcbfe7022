import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncUserBlogScript } from '../lib/hosts/registration';
import { createMessageRouter } from '../lib/messaging/router';
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

  const route = createMessageRouter(browser.runtime.getURL('/'), {
    content: {
      'content.pageStatus': async (message, sender) => {
        const text = message.layoutProblem ? '!' : message.toRemove > 0 ? String(message.toRemove) : '';
        await browser.action.setBadgeBackgroundColor({
          tabId: sender.tabId,
          color: message.layoutProblem ? '#b26a00' : '#b3261e',
        });
        await browser.action.setBadgeText({ tabId: sender.tabId, text });
        return { badge: text };
      },
      'content.register': ({ type: _type, ...request }, sender) => registrar.register(request, sender.tabId),
      'content.removalOutcome': async (message, _sender) => {
        await registrar.recordOutcome(message.recordId, message.outcome, message.reason);
        return { recorded: true };
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
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => void syncBlogHosts());
  browser.permissions.onRemoved.addListener(() => void syncBlogHosts());
  browser.tabs.onRemoved.addListener((tabId) => void registrar.tabClosed(tabId));
  void registrar.sweep(async (tabId) => {
    try {
      await browser.tabs.get(tabId);
      return true;
    } catch {
      return false;
    }
  });
});
