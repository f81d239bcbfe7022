import { describe, expect, it, vi } from 'vitest';
import type { CaptureOutcome } from '../capture/messages';
import type { Classification } from '../classifier';
import type { CommentSnapshot } from '../platforms/types';
import { type Decision, removeAndRegister } from './flow';

const snapshot = { platform: 'facebook', commentId: '42', text: 'fan' } as CommentSnapshot;
const classification: Classification = {
  category: 'offensive_confidential',
  flags: ['profanity'],
  hints: [],
  evidence: [],
  confidence: 0.9,
};
const decision: Decision = { flags: ['profanity'], action: 'delete', note: '', secrecyProvision: null };
const registered = {
  ok: true,
  data: {
    recordId: 'r1',
    shortId: 'ABCDEFGH',
    removeNow: true,
    screenshotStored: false,
    screenshotRejected: null,
  },
} as const;

const shot: CaptureOutcome = { ok: true, base64: 'iVBORw0KGgo=' };

describe('removeAndRegister', () => {
  it('captures the comment, then removes it only after the record (with the image) is committed, then reports the outcome', async () => {
    const order: string[] = [];
    const send = vi.fn(async (message: unknown) => {
      order.push((message as { type: string }).type);
      return { ok: true, data: { ...registered.data, screenshotStored: true } } as const;
    });
    const capture = vi.fn(async () => {
      order.push('capture');
      return shot;
    });
    const remove = vi.fn(async () => {
      order.push('remove');
      return { ok: true as const, outcome: 'removed' as const };
    });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove,
      capture,
      pause: async () => {},
    });
    expect(order).toEqual(['capture', 'content.register', 'remove', 'content.removalOutcome']);
    expect((send.mock.calls as unknown[][])[0]?.[0]).toMatchObject({
      type: 'content.register',
      screenshot: { mediaType: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    expect(result).toMatchObject({
      stage: 'registered',
      shortId: 'ABCDEFGH',
      removal: { ok: true },
      screenshot: { stored: true },
    });
    expect((send.mock.calls as unknown[][])[1]?.[0]).toEqual({
      type: 'content.removalOutcome',
      recordId: 'r1',
      outcome: 'removed',
      reason: null,
    });
  });

  it('does not remove when the write fails, and says why', async () => {
    const remove = vi.fn();
    const send = async () => ({
      ok: false as const,
      error: { code: 'failed' as const, message: 'Lagringsutrymmet är fullt.' },
    });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove,
      pause: async () => {},
    });
    expect(result).toEqual({ stage: 'not_registered', message: 'Lagringsutrymmet är fullt.' });
    expect(remove).not.toHaveBeenCalled();
  });

  it('retries with the same request id while the background restarts, and never removes without an answer', async () => {
    const remove = vi.fn();
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove,
      pause: async () => {},
    });
    expect(result.stage).toBe('not_registered');
    expect(remove).not.toHaveBeenCalled();
    const ids = send.mock.calls.map((call) => (call as unknown as [{ requestId: string }])[0].requestId);
    expect(new Set(ids).size).toBe(1);
    expect(ids).toHaveLength(3);
  });

  it('a failed native removal is reported as failed with its reason', async () => {
    const send = vi.fn(async () => registered);
    const remove = async () => ({ ok: false as const, reason: 'The menu did not open' });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove,
      pause: async () => {},
    });
    expect(result).toMatchObject({
      stage: 'registered',
      removal: { ok: false, reason: 'The menu did not open' },
    });
    expect((send.mock.calls as unknown[][])[1]?.[0]).toMatchObject({
      outcome: 'failed',
      reason: 'The menu did not open',
    });
  });

  it('register only: stored, nothing removed', async () => {
    const remove = vi.fn();
    const send = async () => ({
      ok: true as const,
      data: { recordId: 'r2', shortId: 'XYZ', removeNow: false },
    });
    const result = await removeAndRegister(
      snapshot,
      classification,
      { ...decision, action: 'register_only' },
      { send, remove, pause: async () => {} },
    );
    expect(result).toEqual({
      stage: 'registered',
      shortId: 'XYZ',
      recordId: 'r2',
      removal: null,
      screenshot: { stored: false, failure: 'unavailable', detail: null },
    });
    expect(remove).not.toHaveBeenCalled();
  });
});

describe('the screenshot in remove and register', () => {
  it('a failed capture never stops the registration: written without one, and the reason kept', async () => {
    const send = vi.fn(async () => registered);
    const capture = async (): Promise<CaptureOutcome> => ({
      ok: false,
      failure: 'no_permission',
      detail: null,
    });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove: async () => ({ ok: true as const, outcome: 'removed' as const }),
      capture,
      pause: async () => {},
    });
    expect((send.mock.calls as unknown[][])[0]?.[0]).toMatchObject({
      type: 'content.register',
      screenshot: null,
    });
    expect(result).toMatchObject({
      stage: 'registered',
      shortId: 'ABCDEFGH',
      removal: { ok: true },
      screenshot: { stored: false, failure: 'no_permission', detail: null },
    });
  });

  it('a capture that throws is a failed capture, not a failed registration', async () => {
    const result = await removeAndRegister(snapshot, classification, decision, {
      send: async () => registered,
      remove: async () => ({ ok: true as const, outcome: 'removed' as const }),
      capture: async () => {
        throw new Error('Extension context invalidated.');
      },
      pause: async () => {},
    });
    expect(result).toMatchObject({
      stage: 'registered',
      screenshot: { stored: false, failure: 'failed', detail: 'Extension context invalidated.' },
    });
  });

  it('an image the background refused is reported with its reason', async () => {
    const refused = { ok: true, data: { ...registered.data, screenshotRejected: 'not a PNG' } } as const;
    const result = await removeAndRegister(snapshot, classification, decision, {
      send: async () => refused,
      remove: async () => ({ ok: true as const, outcome: 'removed' as const }),
      capture: async () => shot,
      pause: async () => {},
    });
    expect(result).toMatchObject({ screenshot: { stored: false, failure: 'rejected', detail: 'not a PNG' } });
  });

  it('when the write fails after a capture, nothing is removed', async () => {
    const remove = vi.fn();
    const result = await removeAndRegister(snapshot, classification, decision, {
      send: async () => ({ ok: false as const, error: { code: 'failed' as const, message: 'Fullt.' } }),
      remove,
      capture: async () => shot,
      pause: async () => {},
    });
    expect(result).toEqual({ stage: 'not_registered', message: 'Fullt.' });
    expect(remove).not.toHaveBeenCalled();
  });
});
