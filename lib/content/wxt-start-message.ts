/**
 * WXT 0.21's content-script context announces every start to the window with `postMessage`
 * (type "<extension id>:<script>:wxt:content-script-started"), for older WXT versions to stop
 * their old instances; this version tells them through a document event, which it still sends.
 * The window message is read by every script of the page, so it tells any site that Moderera
 * is installed, and its id; and with DevTools or automation attached, Chromium captures the
 * caller's source position for it, re-parsing the whole content script (~30 ms when that was
 * 318 KB, measured in a trace of bench:overlay). So it is dropped: the entry point calls this
 * as it loads, before WXT makes its context, and puts `postMessage` back as its `main` starts.
 */
const STARTED = ':wxt:content-script-started';

export function isWxtStartMessage(message: unknown): boolean {
  if (typeof message !== 'object' || message === null) return false;
  const type: unknown = (message as { type?: unknown }).type;
  return typeof type === 'string' && type.endsWith(STARTED);
}

/** Makes `view.postMessage` drop WXT's start message; returns what puts it back. */
export function dropWxtStartMessage(view: Window | undefined): () => void {
  if (!view) return () => {};
  const own = Object.getOwnPropertyDescriptor(view, 'postMessage');
  const original = view.postMessage as (...args: unknown[]) => void;
  Object.defineProperty(view, 'postMessage', {
    configurable: true,
    writable: true,
    value(this: Window, message: unknown, ...rest: unknown[]) {
      if (isWxtStartMessage(message)) return;
      original.call(this, message, ...rest);
    },
  });
  return () => {
    if (own) Object.defineProperty(view, 'postMessage', own);
    else delete (view as { postMessage?: unknown }).postMessage;
  };
}
