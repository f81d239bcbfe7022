import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter } from './router';

const BASE = 'chrome-extension://abcdef/';

function setup() {
  const pageStatus = vi.fn(() => ({ badge: '2' }));
  const activate = vi.fn(() => ({ activated: true }));
  const hostsChanged = vi.fn(() => ({ hosts: [] }));
  const classifyTexts = vi.fn(() => ({ classifications: [] }));
  const route = createMessageRouter(BASE, {
    content: {
      'content.pageStatus': pageStatus,
      'content.openOptions': vi.fn(),
      'content.register': vi.fn(),
      'content.removalOutcome': vi.fn(),
      'content.captureComment': vi.fn(),
      'content.questionsSeen': vi.fn(),
      'content.questionAnswered': vi.fn(),
      'content.classify': classifyTexts,
      'content.prepareClassifier': vi.fn(),
    },
    extensionPage: {
      'popup.activateOnTab': activate,
      'options.blogHostsChanged': hostsChanged,
      'popup.channelShotTaken': vi.fn(),
    },
  });
  return { route, pageStatus, activate, hostsChanged, classifyTexts };
}

const fromTab = { url: 'https://www.facebook.com/tyresokommun', tab: { id: 7 } };
const fromPopup = { url: `${BASE}popup.html` };
const status = {
  type: 'content.pageStatus',
  platform: 'facebook',
  labelled: 3,
  toRemove: 2,
  layoutProblem: false,
};

describe('the message router', () => {
  it('hands a valid content message to its handler with the sending tab', async () => {
    const { route, pageStatus } = setup();
    expect(await route(status, fromTab)).toEqual({ ok: true, data: { badge: '2' } });
    expect(pageStatus).toHaveBeenCalledWith(status, { tabId: 7, url: fromTab.url });
  });

  it.each([
    ['an unknown type', { type: 'content.deleteEverything' }],
    ['a missing field', { type: 'content.pageStatus', platform: 'facebook', labelled: 1, toRemove: 0 }],
    ['a wrong type of field', { ...status, labelled: '3' }],
    ['an unknown platform', { ...status, platform: 'myspace' }],
    ['an extra field', { ...status, html: '<img onerror=alert(1)>' }],
    ['not an object', 'content.pageStatus'],
    ['null', null],
  ])('refuses %s with a clear error and calls nothing', async (_name, message) => {
    const { route, pageStatus } = setup();
    const reply = await route(message, fromTab);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid_message');
      expect(reply.error.message).toMatch(/^Ogiltigt meddelande: /);
    }
    expect(pageStatus).not.toHaveBeenCalled();
  });

  it.each([
    ['no texts', { type: 'content.classify', texts: [], extraWords: {}, evidence: false }],
    ['no word on evidence', { type: 'content.classify', texts: ['Hej'], extraWords: {} }],
    ['a text that is not a string', { type: 'content.classify', texts: ['Hej', 42], extraWords: {} }],
    ['too many texts', { type: 'content.classify', texts: Array(2001).fill('Hej'), extraWords: {} }],
    ['words for an unknown flag', { type: 'content.classify', texts: ['Hej'], extraWords: { spam: ['x'] } }],
  ])('refuses a classify request with %s', async (_name, message) => {
    const { route, classifyTexts } = setup();
    expect(await route(message, fromTab)).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(classifyTexts).not.toHaveBeenCalled();
  });

  it('hands a valid classify request on', async () => {
    const { route, classifyTexts } = setup();
    const message = {
      type: 'content.classify',
      texts: ['Hej', ''],
      extraWords: { profanity: ['tusan'] },
      evidence: false,
    };
    expect(await route(message, fromTab)).toEqual({ ok: true, data: { classifications: [] } });
    expect(classifyTexts).toHaveBeenCalledWith(message, { tabId: 7, url: fromTab.url });
  });

  it('does not let a content script send what only the extension pages may', async () => {
    const { route, activate } = setup();
    const reply = await route({ type: 'popup.activateOnTab', tabId: 7 }, fromTab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_message' } });
    expect(activate).not.toHaveBeenCalled();
  });

  it('refuses a message that comes from neither a tab nor the extension', async () => {
    const { route } = setup();
    expect(await route(status, {})).toMatchObject({ ok: false, error: { code: 'wrong_sender' } });
  });

  it('routes extension-page messages and reports a handler failure as an error reply', async () => {
    const { route, activate } = setup();
    expect(await route({ type: 'popup.activateOnTab', tabId: 3 }, fromPopup)).toEqual({
      ok: true,
      data: { activated: true },
    });
    activate.mockImplementationOnce(() => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await route({ type: 'popup.activateOnTab', tabId: 3 }, fromPopup)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Cannot access contents of the page' },
    });
  });
});
