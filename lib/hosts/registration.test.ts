import { describe, expect, it } from 'vitest';
import {
  type RegisteredScript,
  type ScriptingLike,
  syncUserBlogScript,
  USER_BLOG_SCRIPT_ID,
} from './registration';

function fakeScripting(): ScriptingLike & { scripts: Map<string, RegisteredScript> } {
  const scripts = new Map<string, RegisteredScript>();
  return {
    scripts,
    async getRegisteredContentScripts(filter) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(list) {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    async updateContentScripts(list) {
      for (const s of list) scripts.set(s.id, { ...scripts.get(s.id), ...s });
    },
    async unregisterContentScripts(filter) {
      for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
    },
  };
}

const grantedOnly = (hosts: string[]) => ({
  async contains({ origins }: { origins: string[] }) {
    return origins.every((origin) => hosts.some((host) => origin === `*://${host}/*`));
  },
});

describe('syncUserBlogScript', () => {
  it('registers only hosts whose permission was granted, then updates and removes', async () => {
    const scripting = fakeScripting();
    const granted = await syncUserBlogScript(
      scripting,
      grantedOnly(['a.example.se']),
      ['a.example.se', 'b.example.se'],
      'content-scripts/blog.js',
    );
    expect(granted).toEqual(['a.example.se']);
    expect(scripting.scripts.get(USER_BLOG_SCRIPT_ID)?.matches).toEqual([
      '*://a.example.se/wp-admin/edit-comments.php*',
    ]);

    await syncUserBlogScript(
      scripting,
      grantedOnly(['a.example.se', 'b.example.se']),
      ['a.example.se', 'b.example.se'],
      'x.js',
    );
    expect(scripting.scripts.get(USER_BLOG_SCRIPT_ID)?.matches).toHaveLength(2);

    await syncUserBlogScript(scripting, grantedOnly([]), ['a.example.se'], 'x.js');
    expect(scripting.scripts.size).toBe(0);
  });
});
