/**
 * The permission screenshots need. Chromium lets `tabs.captureVisibleTab` run only with
 * activeTab (granted by a gesture on the extension's own UI, never by a click in a page) or
 * with a host permission that is literally `<all_urls>`: PermissionsData::CanCaptureVisiblePage
 * looks for a pattern with match_all_urls(), so the optional wildcard hosts for https and http,
 * even both granted, are not enough. It is optional: the moderator grants it in the options page.
 */
export const SCREENSHOT_ORIGINS = ['<all_urls>'];

export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

export function screenshotsAllowed(permissions: Pick<PermissionsApi, 'contains'>): Promise<boolean> {
  return permissions.contains({ origins: SCREENSHOT_ORIGINS });
}
