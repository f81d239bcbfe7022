import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLabelling } from '../components/start-labelling';
import { dropWxtStartMessage } from '../lib/content/wxt-start-message';
import { readStudioCommentId } from '../lib/platforms/studio-bridge';
import { youtubeAdapter } from '../lib/platforms/youtube';
import { createStudioAdapter } from '../lib/platforms/youtube-studio';

const restorePostMessage = dropWxtStartMessage(globalThis.window);

export default defineContentScript({
  matches: ['https://www.youtube.com/*', 'https://studio.youtube.com/*'],
  runAt: 'document_idle',
  main: (ctx) => {
    restorePostMessage();
    return startLabelling(ctx, [youtubeAdapter, createStudioAdapter(readStudioCommentId)]);
  },
});
