import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classify, prepareClassifierStep } from '../lib/classifier';
import { profileMarker } from '../lib/content/profile';
import { CLASSIFIER_MODULE, publish } from '../lib/content/world-modules';

/** Imported by the content scripts: see lib/content/world-modules.ts. */
export default defineUnlistedScript(() => {
  profileMarker(document)('classifier-script'); // the task that evaluated this script is ours
  publish(globalThis, CLASSIFIER_MODULE, { classify, prepareClassifierStep });
});
