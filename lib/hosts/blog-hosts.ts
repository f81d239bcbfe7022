/**
 * Self-hosted WordPress hosts. Hosts known when the extension is built come from the
 * MODERERA_BLOG_HOSTS environment variable and get static content-script matches; hosts a
 * moderator adds later are granted at run time. Access is always per host, never <all_urls>.
 */

const HOST_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const BLOGGER_MATCHES = ['https://www.blogger.com/*'];

export class BlogHostError extends Error {
  override name = 'BlogHostError';
}

/** A lower-cased host name, or an error that says what is wrong with it. */
export function normaliseBlogHost(input: string): string {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  if (!HOST_NAME.test(host)) {
    throw new BlogHostError(
      `"${input}" är inget giltigt värdnamn (skriv bara namnet, t.ex. blogg.tyreso.se) / "${input}" is not a valid host name`,
    );
  }
  return host;
}

/** Parses the comma-separated MODERERA_BLOG_HOSTS value; empty entries are ignored, duplicates removed. */
export function parseBlogHosts(value: string | undefined): string[] {
  if (!value) return [];
  const hosts = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(normaliseBlogHost);
  return [...new Set(hosts)];
}

/** The match patterns of WordPress' comment admin on one host, http and https, any port. */
export function wordpressMatches(host: string): string[] {
  return [`*://${host}/wp-admin/edit-comments.php*`];
}

/** The origin pattern to request as an optional host permission for one host. */
export function hostPermissionPattern(host: string): string {
  return `*://${host}/*`;
}
