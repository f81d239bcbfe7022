/**
 * The background's message entry point: works out who sent a message (a content script on a
 * page, or one of the extension's own pages), validates it against that direction's schema,
 * and only then hands it to a handler. A refused message changes nothing.
 */
import type { z } from 'zod';
import {
  type ContentToBackground,
  contentToBackground,
  describeZodError,
  type ExtensionPageToBackground,
  errorReply,
  extensionPageToBackground,
  type Reply,
} from './messages';

export interface SenderInfo {
  /** The sending page's URL. */
  url?: string;
  tab?: { id?: number };
}

type HandlerMap<M extends { type: string }, S> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, sender: S) => Promise<unknown> | unknown;
};

export interface ContentSender {
  tabId: number;
  url: string;
}

export interface RouterHandlers {
  content: HandlerMap<ContentToBackground, ContentSender>;
  extensionPage: HandlerMap<ExtensionPageToBackground, SenderInfo>;
}

export function createMessageRouter(extensionBaseUrl: string, handlers: RouterHandlers) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply> {
    const fromExtensionPage = sender.url?.startsWith(extensionBaseUrl) === true;
    if (fromExtensionPage) {
      return dispatch(extensionPageToBackground, raw, sender, handlers.extensionPage);
    }
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.url) {
      return errorReply('wrong_sender', 'Meddelandet kom varken från en flik eller från tillägget självt.');
    }
    return dispatch(contentToBackground, raw, { tabId, url: sender.url }, handlers.content);
  };
}

async function dispatch<M extends { type: string }, S>(
  schema: z.ZodType<M>,
  raw: unknown,
  sender: S,
  handlers: HandlerMap<M, S>,
): Promise<Reply> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return errorReply('invalid_message', `Ogiltigt meddelande: ${describeZodError(parsed.error)}`);
  }
  const message = parsed.data;
  const handler = handlers[message.type as M['type']] as (m: M, s: S) => Promise<unknown> | unknown;
  try {
    return { ok: true, data: (await handler(message, sender)) ?? null };
  } catch (error) {
    return errorReply('failed', error instanceof Error ? error.message : String(error));
  }
}
