import { describe, expect, it } from 'vitest';
import { dropWxtStartMessage, isWxtStartMessage } from './wxt-start-message';

function fakeWindow() {
  const posted: unknown[] = [];
  const view = {
    postMessage(message: unknown) {
      posted.push(message);
    },
  };
  return { view: view as unknown as Window, posted };
}

const START = {
  type: 'abcdef:youtube:wxt:content-script-started',
  contentScriptName: 'youtube',
  messageId: 'x',
};

describe('dropWxtStartMessage', () => {
  it("drops WXT's start message and passes every other message on", () => {
    const { view, posted } = fakeWindow();
    dropWxtStartMessage(view);
    view.postMessage(START, '*');
    view.postMessage({ type: 'page-message' }, '*');
    view.postMessage('text', '*');
    expect(posted).toEqual([{ type: 'page-message' }, 'text']);
  });

  it('puts postMessage back as it was', () => {
    const { view, posted } = fakeWindow();
    const before = view.postMessage;
    const restore = dropWxtStartMessage(view);
    expect(view.postMessage).not.toBe(before);
    restore();
    expect(view.postMessage).toBe(before);
    view.postMessage(START, '*');
    expect(posted).toEqual([START]);
  });

  it('does nothing without a window', () => {
    expect(() => dropWxtStartMessage(undefined)()).not.toThrow();
  });

  it('knows the start message by its type only', () => {
    expect(isWxtStartMessage(START)).toBe(true);
    expect(isWxtStartMessage({ type: 'content-script-started' })).toBe(false);
    expect(isWxtStartMessage(null)).toBe(false);
    expect(isWxtStartMessage({ type: 42 })).toBe(false);
  });
});
