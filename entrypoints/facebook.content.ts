import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLabelling } from '../components/start-labelling';
import { facebookAdapter } from '../lib/platforms/facebook';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://business.facebook.com/*'],
  runAt: 'document_idle',
  main: (ctx) => startLabelling(ctx, [facebookAdapter]),
});
