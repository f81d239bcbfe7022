import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_BUILD_DIR } from '../support/browser';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; world?: string }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  browser_specific_settings?: { gecko?: { id?: string } };
  minimum_chrome_version?: string;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function allMatches(manifest: Manifest): string[] {
  return (manifest.content_scripts ?? []).flatMap((script) => script.matches);
}

/** A build as shipped: no build switches, into its own folder. */
function productBuild(browser: 'chrome' | 'firefox'): Manifest {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', browser], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...process.env,
      MODERERA_BLOG_HOSTS: '',
      MODERERA_GRANT_SCREENSHOTS: '',
      MODERERA_OUT_DIR: '.output/test-product',
    },
  });
  return readManifest(join(ROOT, '.output', 'test-product', `${browser}-mv3`));
}

function expectMinimal(manifest: Manifest): void {
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions?.sort()).toEqual(['activeTab', 'scripting', 'storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  const everything = JSON.stringify(manifest.permissions) + JSON.stringify(allMatches(manifest));
  expect(everything).not.toContain('<all_urls>');
  expect(everything).not.toContain('"tabs"');
  expect(allMatches(manifest)).not.toContain('*://*/*');
  // Only the scripts the content scripts import are web-accessible.
  expect(manifest.web_accessible_resources?.map((entry) => entry.resources)).toEqual([IMPORTED_SCRIPTS]);
  // Screenshots of registered comments: asked for in the options page, never at install.
  expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*', '<all_urls>']);
}

const IMPORTED_SCRIPTS = [
  'labelling-facebook.js',
  'labelling-youtube.js',
  'labelling-blog.js',
  'classifier.js',
];

const PLATFORM_MATCHES = [
  'https://www.facebook.com/*',
  'https://web.facebook.com/*',
  'https://business.facebook.com/*',
  'https://www.youtube.com/*',
  'https://studio.youtube.com/*',
  'https://www.blogger.com/*',
];

describe('the Chrome build', () => {
  const manifest = readManifest(TEST_BUILD_DIR);

  it('matches every platform, and WordPress only on the hosts it was built for', () => {
    const matches = allMatches(manifest);
    for (const pattern of PLATFORM_MATCHES) expect(matches).toContain(pattern);
    expect(matches).toContain('*://blogg.tyreso.se/wp-admin/edit-comments.php*');
    expect(matches.filter((m) => m.includes('wp-admin'))).toEqual([
      '*://blogg.tyreso.se/wp-admin/edit-comments.php*',
    ]);
  });

  it('asks for no more than it uses', () => {
    expectMinimal(productBuild('chrome'));
  });

  it('the test build differs only in having the screenshot permission at install', () => {
    expect(manifest.permissions?.sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('lets pages reach the imported scripts only through the per-session dynamic URL', () => {
    // Chrome 130 as first released refused a content script's import through that URL.
    expect(manifest.minimum_chrome_version).toBe('131');
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: IMPORTED_SCRIPTS,
        matches: ['https://*/*', 'http://*/*'],
        use_dynamic_url: true,
      },
    ]);
  });

  it('gives each family’s labelling script only that family’s adapters', () => {
    // A string each adapter's selectors carry, and no other adapter's.
    const markers = {
      facebook: ['reply_comment_id'],
      youtube: ['ytd-comment-view-model', 'ytcp-comment'],
      blog: ['the-comment-list', 'showComment'],
    };
    for (const family of Object.keys(markers)) {
      const script = readFileSync(join(TEST_BUILD_DIR, `labelling-${family}.js`), 'utf8');
      for (const [other, strings] of Object.entries(markers))
        for (const marker of strings)
          expect(script.includes(marker), `${family} has ${marker}`).toBe(other === family);
    }
  });

  it('runs the Studio id bridge in the page world and nowhere else', () => {
    const mainWorld = (manifest.content_scripts ?? []).filter((script) => script.world === 'MAIN');
    expect(mainWorld.map((script) => script.matches)).toEqual([['https://studio.youtube.com/*']]);
  });
});

describe('the Firefox build', () => {
  it('has a gecko id, the same matches and minimal permissions', () => {
    const manifest = productBuild('firefox');
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('moderera@moderera.se');
    for (const pattern of PLATFORM_MATCHES) expect(allMatches(manifest)).toContain(pattern);
    expect(allMatches(manifest).some((m) => m.includes('wp-admin'))).toBe(false);
    expectMinimal(manifest);
    // Firefox knows no use_dynamic_url; its extension URLs hold the install's random UUID.
    expect(manifest.web_accessible_resources?.[0]).not.toHaveProperty('use_dynamic_url');
  });
});
