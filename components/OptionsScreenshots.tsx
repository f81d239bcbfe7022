/**
 * Options: whether a register record gets a screenshot of the comment. Capturing the visible
 * tab from a click in the page needs the optional `<all_urls>` host permission (see
 * lib/capture/permission.ts), which only a click here can ask for.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SCREENSHOT_ORIGINS, screenshotsAllowed } from '../lib/capture/permission';
import { t } from '../lib/i18n/strings';
import type { Language } from '../lib/policy/labels';

export function ScreenshotPermission({ language }: { language: Language }) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    const refresh = () =>
      void screenshotsAllowed(browser.permissions).then(setAllowed, () => setAllowed(false));
    refresh();
    // Also granted or taken back elsewhere (chrome://extensions).
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  const allow = async () => {
    // Asked straight away, while the click still counts as the user's gesture.
    const granted = await browser.permissions.request({ origins: SCREENSHOT_ORIGINS }).catch(() => false);
    setDenied(!granted);
    setAllowed(granted);
  };

  return (
    <section data-section="screenshots">
      <h2>{t(language, 'optionsScreenshots')}</h2>
      <p class="muted">{t(language, 'optionsScreenshotsHelp')}</p>
      {allowed !== null && (
        <p class={allowed ? 'ok' : 'error'} data-screenshots-allowed={String(allowed)} aria-live="polite">
          {t(language, allowed ? 'optionsScreenshotsAllowed' : 'optionsScreenshotsNotAllowed')}
          {!allowed && denied && ` ${t(language, 'optionsScreenshotsDenied')}`}
        </p>
      )}
      {allowed === false && (
        <div class="row">
          <button type="button" class="primary" data-action="allow-screenshots" onClick={() => void allow()}>
            {t(language, 'optionsScreenshotsAllow')}
          </button>
        </div>
      )}
    </section>
  );
}
