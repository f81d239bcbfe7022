import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLabelling } from '../components/start-labelling';
import { readStudioCommentId } from '../lib/platforms/studio-bridge';
import { youtubeAdapter } from '../lib/platforms/youtube';
import { createStudioAdapter } from '../lib/platforms/youtube-studio';

/** Imported by the YouTube content script (watch pages and Studio): see lib/content/world-modules.ts. */
export default defineUnlistedScript(() =>
  publishLabelling('youtube', () => [youtubeAdapter, createStudioAdapter(readStudioCommentId)]),
);
