import { describe, expect, it } from 'vitest';
import { BlogHostError, hostPermissionPattern, parseBlogHosts, wordpressMatches } from './blog-hosts';

describe('parseBlogHosts', () => {
  it('reads a comma-separated list, trimmed, lower-cased and without duplicates', () => {
    expect(parseBlogHosts(' Blogg.Tyreso.se, skola.example.org,,blogg.tyreso.se ')).toEqual([
      'blogg.tyreso.se',
      'skola.example.org',
    ]);
  });

  it('gives nothing for an unset or empty variable', () => {
    expect(parseBlogHosts(undefined)).toEqual([]);
    expect(parseBlogHosts('')).toEqual([]);
  });

  it.each(['https://blogg.tyreso.se', 'blogg.tyreso.se/wp-admin', '*.tyreso.se', '<all_urls>', 'a b'])(
    'refuses %s with a clear error',
    (bad) => {
      expect(() => parseBlogHosts(bad)).toThrow(BlogHostError);
    },
  );
});

describe('match patterns', () => {
  it('match only the comment admin page of the host', () => {
    expect(wordpressMatches('blogg.tyreso.se')).toEqual(['*://blogg.tyreso.se/wp-admin/edit-comments.php*']);
    expect(hostPermissionPattern('blogg.tyreso.se')).toBe('*://blogg.tyreso.se/*');
  });
});
