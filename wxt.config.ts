import { defineConfig } from 'wxt';
import { SCREENSHOT_ORIGINS } from './lib/capture/permission';
import { labellingModule, PAGE_FAMILIES } from './lib/content/world-modules';
import { BLOGGER_MATCHES, parseBlogHosts, wordpressMatches } from './lib/hosts/blog-hosts';

/** Built-in blog hosts, for an IT department that builds its own package (see README). */
const builtInBlogHosts = parseBlogHosts(process.env.MODERERA_BLOG_HOSTS);

/**
 * Screenshots of registered comments need `<all_urls>` (see lib/capture/permission.ts). The
 * product asks for it in the options page; the browser tests, which cannot click a permission
 * prompt, build with MODERERA_GRANT_SCREENSHOTS=1 to have it granted at install.
 */
const grantScreenshots = process.env.MODERERA_GRANT_SCREENSHOTS === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  outDir: process.env.MODERERA_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Moderera',
    description: '__MSG_extensionDescription__',
    default_locale: 'sv',
    // storage: settings; scripting + activeTab: run on a blog host the user adds or on one page once.
    permissions: ['storage', 'scripting', 'activeTab'],
    // Blog hosts the user adds, and (<all_urls>) screenshots of the comments they register.
    ...(grantScreenshots ? { host_permissions: SCREENSHOT_ORIGINS } : {}),
    optional_host_permissions: ['https://*/*', 'http://*/*', ...(grantScreenshots ? [] : SCREENSHOT_ORIGINS)],
    action: { default_title: 'Moderera' },
    // Content scripts import their family's labelling and the classifier (lib/content/world-modules.ts),
    // on any host a moderator may add. Pages cannot probe for them: Chrome serves them only
    // under a per-session dynamic URL, Firefox under the install's random UUID (it has no
    // use_dynamic_url).
    web_accessible_resources: [
      {
        resources: [...PAGE_FAMILIES.map((family) => labellingModule(family).file.slice(1)), 'classifier.js'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'moderera@moderera.se', strict_min_version: '128.0' } } }
      : // Chrome 130 as first released refused imports through the dynamic URL (crbug.com/363027634).
        { minimum_chrome_version: '131' }),
  }),
  vite: () => ({
    json: { stringify: true },
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // zod's sources carry comments Rollup cannot place; harmless and noisy.
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      const blogScript = manifest.content_scripts?.find((script) =>
        script.js?.some((file) => file.includes('blog')),
      );
      if (!blogScript || builtInBlogHosts.length === 0) return;
      blogScript.matches = [...BLOGGER_MATCHES, ...builtInBlogHosts.flatMap(wordpressMatches)];
    },
  },
});
