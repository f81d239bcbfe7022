import { describe, expect, it, vi } from 'vitest';
import { type CapturerDeps, createCapturer, pngDataUrlBytes } from './capturer';
import type { CaptureCommentRequest } from './messages';
import { TINY_PNG_BASE64, tinyPng } from './testing';

const request: CaptureCommentRequest = {
  rect: { x: 80, y: 575, width: 848, height: 70 },
  viewport: { width: 1280, height: 900 },
};
const DATA_URL = `data:image/png;base64,${TINY_PNG_BASE64}`;

function deps(overrides: Partial<CapturerDeps> = {}) {
  return {
    tab: vi.fn(async () => ({ active: true, windowId: 3 })),
    captureVisibleTab: vi.fn(async () => DATA_URL),
    allowed: vi.fn(async () => true),
    cropPng: vi.fn<CapturerDeps['cropPng']>(async (_png, region) => {
      expect(region({ width: 2560, height: 1800 })).toEqual({ x: 160, y: 1150, width: 1696, height: 140 });
      return tinyPng();
    }),
    pause: async () => {},
    ...overrides,
  };
}

describe('capturing a comment in the background', () => {
  it('captures the sending tab’s window and crops to the comment, scaled to the capture', async () => {
    const d = deps();
    const outcome = await createCapturer(d)(request, 7);
    expect(outcome).toEqual({ ok: true, base64: TINY_PNG_BASE64 });
    expect(d.tab).toHaveBeenCalledWith(7);
    expect(d.captureVisibleTab).toHaveBeenCalledWith(3);
    expect(d.cropPng).toHaveBeenCalledWith(tinyPng(), expect.any(Function));
  });

  it('captures nothing when the sending tab is not the one shown', async () => {
    const d = deps({ tab: async () => ({ active: false, windowId: 3 }) });
    expect(await createCapturer(d)(request, 7)).toEqual({ ok: false, failure: 'tab_hidden', detail: null });
    expect(d.captureVisibleTab).not.toHaveBeenCalled();
  });

  it('says the permission is missing when the browser refuses and it is not granted', async () => {
    const refuse = async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    };
    expect(
      await createCapturer(deps({ captureVisibleTab: refuse, allowed: async () => false }))(request, 7),
    ).toEqual({ ok: false, failure: 'no_permission', detail: null });
    // Granted, yet the browser failed: its own words.
    expect(await createCapturer(deps({ captureVisibleTab: refuse }))(request, 7)).toEqual({
      ok: false,
      failure: 'failed',
      detail: "Either the '<all_urls>' or 'activeTab' permission is required.",
    });
  });

  it('tries once more after Chromium’s two-captures-a-second quota', async () => {
    const capture = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(
        new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.'),
      )
      .mockResolvedValueOnce(DATA_URL);
    const pause = vi.fn(async () => {});
    expect(await createCapturer(deps({ captureVisibleTab: capture, pause }))(request, 7)).toMatchObject({
      ok: true,
    });
    expect(capture).toHaveBeenCalledTimes(2);
    expect(pause).toHaveBeenCalledOnce();
  });

  it('reports a comment outside the capture, a closed tab and a failed crop', async () => {
    expect(await createCapturer(deps({ cropPng: async () => null }))(request, 7)).toEqual({
      ok: false,
      failure: 'not_visible',
      detail: null,
    });
    const gone = async () => {
      throw new Error('No tab with id: 7.');
    };
    expect(await createCapturer(deps({ tab: gone }))(request, 7)).toEqual({
      ok: false,
      failure: 'failed',
      detail: 'No tab with id: 7.',
    });
    const broken = async () => {
      throw new Error('The source image could not be decoded.');
    };
    expect(await createCapturer(deps({ cropPng: broken }))(request, 7)).toMatchObject({
      failure: 'failed',
      detail: 'The source image could not be decoded.',
    });
    expect(
      await createCapturer(deps({ captureVisibleTab: async () => 'data:image/jpeg;base64,/9j/' }))(
        request,
        7,
      ),
    ).toMatchObject({ failure: 'failed' });
  });
});

describe('the bytes of a data: URL', () => {
  it('are read from a PNG data URL only', () => {
    expect(pngDataUrlBytes(DATA_URL)).toEqual(tinyPng());
    expect(pngDataUrlBytes('data:image/jpeg;base64,/9j/')).toBeNull();
    expect(pngDataUrlBytes('data:image/png;base64,***')).toBeNull();
  });
});
