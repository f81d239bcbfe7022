import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishLabelling } from '../components/start-labelling';
import { facebookAdapter } from '../lib/platforms/facebook';

/** Imported by the Facebook content script: see lib/content/world-modules.ts. */
export default defineUnlistedScript(() => publishLabelling('facebook', () => [facebookAdapter]));
