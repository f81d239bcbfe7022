/**
 * Keeps the runtime-registered content script for user-added WordPress hosts in step with
 * the settings and the host permissions the user actually granted.
 */
import { hostPermissionPattern, wordpressMatches } from './blog-hosts';

export const USER_BLOG_SCRIPT_ID = 'moderera-user-blog-hosts';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** Registers, updates or removes the script so that it matches exactly the granted hosts. */
export async function syncUserBlogScript(
  scripting: ScriptingLike,
  permissions: PermissionsLike,
  hosts: readonly string[],
  scriptFile: string,
): Promise<string[]> {
  const granted: string[] = [];
  for (const host of hosts) {
    if (await permissions.contains({ origins: [hostPermissionPattern(host)] })) granted.push(host);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [USER_BLOG_SCRIPT_ID] });
  if (granted.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [USER_BLOG_SCRIPT_ID] });
    return granted;
  }
  const script: RegisteredScript = {
    id: USER_BLOG_SCRIPT_ID,
    matches: granted.flatMap(wordpressMatches),
    js: [scriptFile],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
  return granted;
}
