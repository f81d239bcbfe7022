import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { syncUserBlogScript } from '../lib/hosts/registration';
import { createMessageRouter } from '../lib/messaging/router';
import { loadSettings } from '../lib/settings/settings';

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
});
