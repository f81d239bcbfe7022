import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLabelling } from '../components/start-labelling';
import { profileMarker } from '../lib/content/profile';
import { LABELLING_MODULE, type PageFamily, publish } from '../lib/content/world-modules';
import { bloggerAdapter } from '../lib/platforms/blogger';
import { facebookAdapter } from '../lib/platforms/facebook';
import { readStudioCommentId } from '../lib/platforms/studio-bridge';
import type { PlatformAdapter } from '../lib/platforms/types';
import { wordpressAdapter } from '../lib/platforms/wordpress';
import { youtubeAdapter } from '../lib/platforms/youtube';
import { createStudioAdapter } from '../lib/platforms/youtube-studio';

const ADAPTERS: Record<PageFamily, () => readonly PlatformAdapter[]> = {
  facebook: () => [facebookAdapter],
  youtube: () => [youtubeAdapter, createStudioAdapter(readStudioCommentId)],
  blog: () => [wordpressAdapter, bloggerAdapter],
};

/** Imported by the content scripts: see lib/content/world-modules.ts. */
export default defineUnlistedScript(() => {
  profileMarker(document)('labelling-script'); // the task that evaluated this script is ours
  publish(globalThis, LABELLING_MODULE, {
    start: (ctx, family, early) => startLabelling(ctx, ADAPTERS[family](), early),
  });
});
