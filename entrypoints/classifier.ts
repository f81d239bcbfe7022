import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { classify, prepareClassifierStep } from '../lib/classifier';
import { CLASSIFIER_MODULE, publish } from '../lib/content/world-modules';

/** Imported by the content scripts: see lib/content/world-modules.ts. */
export default defineUnlistedScript(() => {
  // For benchmarks (scripts/bench-overlay.ts): marks the task that evaluated this script as ours.
  if (document.documentElement.hasAttribute('data-moderera-profile')) {
    performance.mark('moderera:classifier-script');
  }
  publish(globalThis, CLASSIFIER_MODULE, { classify, prepareClassifierStep });
});
