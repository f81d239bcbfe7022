import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLabelling } from '../components/start-labelling';
import { dropWxtStartMessage } from '../lib/content/wxt-start-message';
import { facebookAdapter } from '../lib/platforms/facebook';

const restorePostMessage = dropWxtStartMessage(globalThis.window);

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://business.facebook.com/*'],
  runAt: 'document_idle',
  main: (ctx) => {
    restorePostMessage();
    return startLabelling(ctx, [facebookAdapter]);
  },
});
