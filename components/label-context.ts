import { createContext } from 'preact';
import type { ReplyResult } from '../lib/platforms/types';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/settings';

/** What a label needs from the content script around it, besides its comment. */
export interface LabelContext {
  settings: Settings;
  insertReply(commentId: string, text: string): Promise<ReplyResult>;
  openOptions(): void;
  now(): Date;
}

export const LabelContextValue = createContext<LabelContext>({
  settings: DEFAULT_SETTINGS,
  insertReply: async () => ({ ok: false, reason: 'not available here' }),
  openOptions: () => {},
  now: () => new Date(),
});

/** Copies text; false when the page or browser does not allow it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
