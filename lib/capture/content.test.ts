// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, LABEL_TAG, NOTICE_TAG } from '../content/label-host';
import type { Reply } from '../messaging/messages';
import { captureCommentElement, hideOwnUi } from './content';

const VIEWPORT = { width: window.innerWidth, height: window.innerHeight };

/** A comment with its label (badge and open panel inside the shadow root) and the page's notice. */
function page(rect: { x: number; y: number; width: number; height: number }) {
  document.body.innerHTML = '<article id="comment"><p>Vilket jävla slöseri</p></article>';
  const comment = document.getElementById('comment') as HTMLElement;
  let current = rect;
  comment.getBoundingClientRect = () => DOMRect.fromRect(current);
  comment.scrollIntoView = vi.fn(() => {
    current = { ...current, y: 100 };
  });
  const label = createHost(document, LABEL_TAG);
  const mount = document.createElement('span');
  mount.innerHTML = '<button class="badge">Ta bort</button><div class="panel" role="dialog"></div>';
  label.shadowRoot?.append(mount);
  comment.append(label);
  const notice = createHost(document, NOTICE_TAG);
  const noticeBox = document.createElement('div');
  noticeBox.style.setProperty('visibility', 'visible');
  notice.shadowRoot?.append(noticeBox);
  document.body.append(notice);
  return { comment, mount, noticeBox };
}

const ok = (data: unknown): Reply<unknown> => ({ ok: true, data });
const frames = async () => {};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('capturing a comment from the page', () => {
  it('hides our label, panel and notice while the background captures, and shows them again', async () => {
    const { comment, mount, noticeBox } = page({ x: 80, y: 200, width: 600, height: 70 });
    const seen: string[] = [];
    const send = vi.fn(async (message: unknown) => {
      seen.push(mount.style.visibility, noticeBox.style.visibility);
      expect(message).toEqual({
        type: 'content.captureComment',
        rect: { x: 80, y: 200, width: 600, height: 70 },
        viewport: VIEWPORT,
      });
      return ok({ ok: true, base64: 'iVBORw0K' });
    });
    expect(await captureCommentElement(comment, { send, nextFrame: frames })).toEqual({
      ok: true,
      base64: 'iVBORw0K',
    });
    expect(seen).toEqual(['hidden', 'hidden']);
    expect(mount.style.visibility).toBe('');
    expect(noticeBox.style.visibility).toBe('visible');
    expect(comment.scrollIntoView).not.toHaveBeenCalled();
  });

  it('waits two frames after hiding before it asks for the capture', async () => {
    const { comment } = page({ x: 80, y: 200, width: 600, height: 70 });
    const order: string[] = [];
    await captureCommentElement(comment, {
      send: async () => {
        order.push('capture');
        return ok({ ok: true, base64: '' });
      },
      nextFrame: async () => {
        order.push('frame');
      },
    });
    expect(order).toEqual(['frame', 'frame', 'capture']);
  });

  it('scrolls a comment that is not fully on screen into view first, and measures it there', async () => {
    const { comment } = page({ x: 80, y: VIEWPORT.height - 20, width: 600, height: 70 });
    const send = vi.fn(async (_message: unknown) => ok({ ok: true, base64: '' }));
    await captureCommentElement(comment, { send, nextFrame: frames });
    expect(comment.scrollIntoView).toHaveBeenCalledWith(expect.objectContaining({ block: 'center' }));
    expect(send.mock.calls[0]?.[0]).toMatchObject({ rect: { y: 100 } });
  });

  it('a comment taller than the screen is scrolled to its top', async () => {
    const { comment } = page({ x: 80, y: -50, width: 600, height: VIEWPORT.height + 200 });
    await captureCommentElement(comment, {
      send: async () => ok({ ok: true, base64: '' }),
      nextFrame: frames,
    });
    expect(comment.scrollIntoView).toHaveBeenCalledWith(expect.objectContaining({ block: 'start' }));
  });

  it('never throws: a gone comment, a refused message or a dead background are outcomes, UI restored', async () => {
    expect(await captureCommentElement(null, { send: vi.fn(), nextFrame: frames })).toEqual({
      ok: false,
      failure: 'unavailable',
      detail: null,
    });
    const { comment, mount } = page({ x: 80, y: 200, width: 600, height: 70 });
    const refused = async () => ({
      ok: false as const,
      error: { code: 'invalid_message' as const, message: 'rect' },
    });
    expect(await captureCommentElement(comment, { send: refused, nextFrame: frames })).toEqual({
      ok: false,
      failure: 'failed',
      detail: 'rect',
    });
    const dead = async () => {
      throw new Error('Receiving end does not exist.');
    };
    expect(await captureCommentElement(comment, { send: dead, nextFrame: frames })).toEqual({
      ok: false,
      failure: 'failed',
      detail: 'Receiving end does not exist.',
    });
    expect(mount.style.visibility).toBe('');
  });

  it('does not try in a tab that is not shown', async () => {
    const { comment } = page({ x: 80, y: 200, width: 600, height: 70 });
    const send = vi.fn();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      expect(await captureCommentElement(comment, { send, nextFrame: frames })).toMatchObject({
        failure: 'tab_hidden',
      });
    } finally {
      delete (document as unknown as { visibilityState?: string }).visibilityState;
    }
    expect(send).not.toHaveBeenCalled();
    expect(document.visibilityState).toBe('visible');
  });

  it('passes on the background’s own failure (no permission)', async () => {
    const { comment } = page({ x: 80, y: 200, width: 600, height: 70 });
    const send = async () => ok({ ok: false, failure: 'no_permission', detail: null });
    expect(await captureCommentElement(comment, { send, nextFrame: frames })).toEqual({
      ok: false,
      failure: 'no_permission',
      detail: null,
    });
  });
});

describe('hiding our own UI', () => {
  it('keeps a value the page or we had set, and its priority', () => {
    const { mount } = page({ x: 0, y: 0, width: 10, height: 10 });
    mount.style.setProperty('visibility', 'collapse', 'important');
    const restore = hideOwnUi(document);
    expect(mount.style.getPropertyValue('visibility')).toBe('hidden');
    restore();
    expect(mount.style.getPropertyValue('visibility')).toBe('collapse');
    expect(mount.style.getPropertyPriority('visibility')).toBe('important');
  });
});
