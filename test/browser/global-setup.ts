/** Builds the extension once for the browser tests; fails first, with the install hint, without Chromium. */
import { chromiumPath } from '../support/browser';
import { buildTestExtension } from '../support/build';

export default function setup(): void {
  chromiumPath();
  buildTestExtension();
}
