import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maxBase64Length } from '../capture/png';
import { TINY_PNG_BASE64, tinyPng } from '../capture/testing';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { blobSha256 } from '../store/canonical';
import { LIMITS } from '../store/record';
import { openRecordStore, type RecordStore } from '../store/store';
import type { RegisterRequest } from './messages';
import { createRegistrar, PENDING_KEY, RegistrationError } from './registrar';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  signature: { name: 'Maria Ek', title: 'kommunikatör', unit: 'Kommunikationsenheten' },
};

function request(overrides: Partial<RegisterRequest['decision']> = {}): RegisterRequest {
  return {
    requestId: crypto.randomUUID(),
    snapshot: {
      platform: 'wordpress',
      commentId: '13',
      permalink: 'https://blogg.tyreso.se/?p=40#comment-13',
      authorName: '<script>alert(1)</script>',
      authorUrl: null,
      text: 'Vilken jävla skitplanering.',
      postedRaw: '2025-11-12 kl. 07:05',
      postedAt: '2025-11-12T07:05:00',
      edited: false,
      isReply: false,
      parentId: null,
      postId: '40',
      postUrl: null,
      postTitle: 'Så blir vinterns snöröjning',
      channelName: 'Tyresö kommuns blogg',
      channelUrl: null,
    },
    classification: {
      category: 'offensive_confidential',
      flags: ['profanity'],
      hints: [],
      evidence: [{ target: 'profanity', start: 8, end: 13, text: 'jävla', rule: 'profanity.sv:jävla' }],
      classifierVersion: '1.0.0',
    },
    decision: { flags: ['profanity'], action: 'delete', note: '', secrecy: null, ...overrides },
  };
}

function memorySession() {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key: string) {
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values: Record<string, unknown>) {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
  };
}

let records: RecordStore;
let session: ReturnType<typeof memorySession>;

beforeEach(async () => {
  records = await openRecordStore(`registrar-${crypto.randomUUID()}`);
  session = memorySession();
});
afterEach(() => records.close());

const registrar = (overrides: Partial<Settings> = {}) =>
  createRegistrar({
    store: async () => records,
    settings: async () => ({ ...settings, ...overrides }),
    session,
  });

describe('the registrar', () => {
  it('commits the record, signed by the moderator, before it says "remove now"', async () => {
    const reply = await registrar().register(request(), 7);
    expect(reply.removeNow).toBe(true);
    expect(reply.shortId).toMatch(/^[0-9A-Z]{8}$/);
    const record = await records.getRecord(reply.recordId);
    expect(record?.moderator).toEqual(settings.signature);
    expect(record?.snapshot.authorName).toBe('<script>alert(1)</script>');
    expect((session.items.get(PENDING_KEY) as Record<string, { tabId: number }>)[reply.recordId]?.tabId).toBe(
      7,
    );
  });

  it('stores nothing and removes nothing without a moderator identity', async () => {
    const r = registrar({ signature: { name: ' ', title: '', unit: '' } });
    await expect(r.register(request(), 7)).rejects.toThrow(RegistrationError);
    expect(await records.listRecords({ from: '2000-01-01', to: '2100-01-01' })).toEqual([]);
  });

  it('a retry with the same request id after a restart gives the same record, no duplicate', async () => {
    const req = request();
    const first = await registrar().register(req, 7);
    const second = await registrar().register(req, 7); // a new registrar: the worker restarted
    expect(second.recordId).toBe(first.recordId);
    expect(await records.listRecords({ from: '2000-01-01', to: '2100-01-01' })).toHaveLength(1);
  });

  it('once the outcome is recorded, a retry does not ask to remove again', async () => {
    const req = request();
    const first = await registrar().register(req, 7);
    await registrar().recordOutcome(first.recordId, 'removed', null);
    await registrar().recordOutcome(first.recordId, 'removed', null);
    const outcomes = (await records.eventsFor(first.recordId)).filter((e) => e.type === 'removal_outcome');
    expect(outcomes).toHaveLength(1);
    expect((await registrar().register(req, 7)).removeNow).toBe(false);
  });

  it('a failed removal keeps the record, marked failed with the reason', async () => {
    const reply = await registrar().register(request(), 7);
    await registrar().recordOutcome(reply.recordId, 'failed', 'The menu did not open');
    expect(await records.recordStatus(reply.recordId)).toMatchObject({
      removal: 'failed',
      removalReason: 'The menu did not open',
    });
    expect(await records.getRecord(reply.recordId)).not.toBeNull();
  });

  it('a tab closed between the write and the removal leaves outcome unknown', async () => {
    const reply = await registrar().register(request(), 7);
    const other = await registrar().register(request(), 8);
    await registrar().tabClosed(7);
    expect(await records.recordStatus(reply.recordId)).toMatchObject({ removal: 'unknown' });
    expect(await records.recordStatus(other.recordId)).toMatchObject({ removal: 'pending' });
  });

  it('after a restart, pending removals whose tab is gone become unknown', async () => {
    const reply = await registrar().register(request(), 9);
    await registrar().sweep(async () => false);
    expect(await records.recordStatus(reply.recordId)).toMatchObject({ removal: 'unknown' });
  });

  it('register only: stored, and nothing to remove', async () => {
    const reply = await registrar().register(request({ action: 'register_only' }), 7);
    expect(reply.removeNow).toBe(false);
    expect(session.items.get(PENDING_KEY)).toBeUndefined();
  });

  it('marks secrecy with the provision and when it was marked', async () => {
    const reply = await registrar().register(request({ secrecy: { provision: 'OSL 26 kap. 1 §' } }), 7);
    const record = await records.getRecord(reply.recordId);
    expect(record?.decision.secrecy?.provision).toBe('OSL 26 kap. 1 §');
    expect(record?.decision.secrecy?.markedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*[+-]\d{2}:\d{2}$/);
  });

  it('when the store cannot write (quota), says so and leaves nothing pending', async () => {
    const failing = createRegistrar({
      store: async () => {
        throw Object.assign(new Error('Lagringsutrymmet är fullt.'), { code: 'quota' });
      },
      settings: async () => settings,
      session,
    });
    await expect(failing.register(request(), 7)).rejects.toThrow(/fullt/);
    expect(session.items.get(PENDING_KEY)).toBeUndefined();
  });
});

describe('the screenshot of a registered comment', () => {
  const withScreenshot = (base64: string): RegisterRequest => ({
    ...request(),
    screenshot: { mediaType: 'image/png', base64 },
  });

  it('is stored as an image/png Blob beside the record, its SHA-256 in the hashed record', async () => {
    const reply = await registrar().register(withScreenshot(TINY_PNG_BASE64), 7);
    expect(reply).toMatchObject({ screenshotStored: true, screenshotRejected: null });
    const blob = await records.getScreenshot(reply.recordId);
    expect(blob?.type).toBe('image/png');
    expect(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(tinyPng());
    const record = await records.getRecord(reply.recordId);
    expect(record?.screenshotSha256).toBe(await blobSha256(new Blob([tinyPng()])));
    expect((await records.verifyChain()).ok).toBe(true);
  });

  it('a retry with the same request id stores neither a second record nor a second image', async () => {
    const req = withScreenshot(TINY_PNG_BASE64);
    const first = await registrar().register(req, 7);
    const second = await registrar().register(req, 7);
    expect(second).toMatchObject({ recordId: first.recordId, screenshotStored: true });
    const dump = await records.dump();
    expect(dump.entries).toHaveLength(1);
    expect(dump.screenshots.size).toBe(1);
  });

  it('without one (capture failed), the record is written all the same, marked as having none', async () => {
    const reply = await registrar().register({ ...request(), screenshot: null }, 7);
    expect(reply).toMatchObject({ removeNow: true, screenshotStored: false, screenshotRejected: null });
    expect((await records.getRecord(reply.recordId))?.screenshotSha256).toBeNull();
    expect(await records.getScreenshot(reply.recordId)).toBeNull();
  });

  it('something that is not a PNG is left out and the reason given; the record is still written', async () => {
    const reply = await registrar().register(withScreenshot(btoa('<svg onload=alert(1)> and more bytes')), 7);
    expect(reply).toMatchObject({ screenshotStored: false, screenshotRejected: 'not a PNG' });
    expect((await records.getRecord(reply.recordId))?.screenshotSha256).toBeNull();
  });

  it('is refused by the schema when it is not base64, not image/png, or larger than the limit', async () => {
    const { registerRequestSchema } = await import('./messages');
    expect(registerRequestSchema.safeParse(withScreenshot(TINY_PNG_BASE64)).success).toBe(true);
    expect(registerRequestSchema.safeParse(withScreenshot('not base64!')).success).toBe(false);
    const jpeg = { ...request(), screenshot: { mediaType: 'image/jpeg', base64: TINY_PNG_BASE64 } };
    expect(registerRequestSchema.safeParse(jpeg).success).toBe(false);
    const huge = 'A'.repeat(maxBase64Length(LIMITS.screenshotBytes) + 4);
    expect(registerRequestSchema.safeParse(withScreenshot(huge)).success).toBe(false);
  });
});

describe('a register request from a page', () => {
  it('is refused when a field is oversized (a 1 MB comment) or missing', async () => {
    const { registerRequestSchema } = await import('./messages');
    const big = request();
    big.snapshot.text = 'x'.repeat(1_000_000);
    expect(registerRequestSchema.safeParse(big).success).toBe(false);
    const { snapshot: _missing, ...withoutSnapshot } = request();
    expect(registerRequestSchema.safeParse(withoutSnapshot).success).toBe(false);
    expect(registerRequestSchema.safeParse(request()).success).toBe(true);
  });

  it('keeps why a record has no screenshot as an event, once however often the request is retried', async () => {
    const req = { ...request(), screenshotMissing: { failure: 'no_permission' as const, detail: null } };
    const first = await registrar().register(req, 7);
    await registrar().register(req, 7);
    const missing = (await records.eventsFor(first.recordId)).filter((e) => e.type === 'screenshot_missing');
    expect(missing).toEqual([expect.objectContaining({ failure: 'no_permission', detail: null })]);
  });
});
