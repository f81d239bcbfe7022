import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptBoot } from '../components/boot-options';
import { bootLabelling } from '../lib/content/boot';
import { dropWxtStartMessage } from '../lib/content/wxt-start-message';
import { BLOGGER_MATCHES } from '../lib/hosts/blog-hosts';

const restorePostMessage = dropWxtStartMessage(globalThis.window);

/** Static matches are Blogger plus the hosts of MODERERA_BLOG_HOSTS (added in wxt.config.ts). */
export default defineContentScript({
  matches: BLOGGER_MATCHES,
  runAt: 'document_idle',
  main: (ctx) => {
    restorePostMessage();
    // The popup's one-off activation may inject this script where it already runs: WXT then
    // invalidates the running instance, which takes its labels out, and this one labels anew.
    return bootLabelling(ctx, 'blog', contentScriptBoot());
  },
});
