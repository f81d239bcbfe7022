import { describe, expect, it, vi } from 'vitest';
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
const registered = { ok: true, data: { recordId: 'r1', shortId: 'ABCDEFGH', removeNow: true } } as const;

describe('removeAndRegister', () => {
  it('removes only after the record is committed, then reports the outcome', async () => {
    const order: string[] = [];
    const send = vi.fn(async (message: unknown) => {
      order.push((message as { type: string }).type);
      return registered;
    });
    const remove = vi.fn(async () => {
      order.push('remove');
      return { ok: true as const, outcome: 'removed' as const };
    });
    const result = await removeAndRegister(snapshot, classification, decision, {
      send,
      remove,
      pause: async () => {},
    });
    expect(order).toEqual(['content.register', 'remove', 'content.removalOutcome']);
    expect(result).toMatchObject({ stage: 'registered', shortId: 'ABCDEFGH', removal: { ok: true } });
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
    expect(result).toEqual({ stage: 'registered', shortId: 'XYZ', recordId: 'r2', removal: null });
    expect(remove).not.toHaveBeenCalled();
  });
});
