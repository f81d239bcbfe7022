import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptBoot } from '../components/boot-options';
import { bootLabelling } from '../lib/content/boot';
import { dropWxtStartMessage } from '../lib/content/wxt-start-message';

const restorePostMessage = dropWxtStartMessage(globalThis.window);

export default defineContentScript({
  matches: ['https://www.youtube.com/*', 'https://studio.youtube.com/*'],
  runAt: 'document_idle',
  main: (ctx) => {
    restorePostMessage();
    return bootLabelling(ctx, 'youtube', contentScriptBoot());
  },
});
