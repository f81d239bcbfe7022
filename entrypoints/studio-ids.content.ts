import { defineContentScript } from 'wxt/utils/define-content-script';
import { installStudioIdResponder } from '../lib/platforms/studio-bridge';

/**
 * Runs in YouTube Studio's own JavaScript world, where a comment element's id lives, and
 * answers the isolated content script's id requests over a validated event bridge.
 */
export default defineContentScript({
  matches: ['https://studio.youtube.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main: () => installStudioIdResponder(document),
});
