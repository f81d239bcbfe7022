import { createContext } from 'preact';
import type { Classification } from '../lib/classifier';
import type { RemovalMode, ReplyResult } from '../lib/platforms/types';
import type { Decision, FlowResult } from '../lib/register/flow';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/settings';

/** What a label needs from the content script around it, besides its comment. */
export interface LabelContext {
  settings: Settings;
  insertReply(commentId: string, text: string): Promise<ReplyResult>;
  openOptions(): void;
  now(): Date;
  removalModes(): readonly RemovalMode[];
  /** The text's classification with its evidence (a label has it without: lib/classifier/types.ts). */
  explain(text: string): Promise<Classification>;
  registerComment(commentId: string, classification: Classification, decision: Decision): Promise<FlowResult>;
  /** Comments registered on this page, so a re-rendered label still says so. */
  registrations: Map<string, { shortId: string }>;
}

export const LabelContextValue = createContext<LabelContext>({
  settings: DEFAULT_SETTINGS,
  insertReply: async () => ({ ok: false, reason: 'not available here' }),
  openOptions: () => {},
  now: () => new Date(),
  removalModes: () => [],
  explain: async () => {
    throw new Error('not available here');
  },
  registerComment: async () => ({ stage: 'not_registered', message: 'not available here' }),
  registrations: new Map(),
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
