import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLabelling } from '../components/start-labelling';
import { bloggerAdapter } from '../lib/platforms/blogger';
import { wordpressAdapter } from '../lib/platforms/wordpress';

/** Imported by the blog content script (WordPress and Blogger admin): see lib/content/world-modules.ts. */
export default defineUnlistedScript(() => publishLabelling('blog', () => [wordpressAdapter, bloggerAdapter]));
