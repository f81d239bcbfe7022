import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptBoot } from '../components/boot-options';
import { bootLabelling } from '../lib/content/boot';
import { dropWxtStartMessage } from '../lib/content/wxt-start-message';

const restorePostMessage = dropWxtStartMessage(globalThis.window);

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://business.facebook.com/*'],
  runAt: 'document_idle',
  main: (ctx) => {
    restorePostMessage();
    return bootLabelling(ctx, 'facebook', contentScriptBoot());
  },
});
