// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { classify, prepareClassifierStep } from '../classifier';
import { bootLabelling } from './boot';
import { CLASSIFIER_MODULE, type LabellingApi, labellingModule, publish } from './world-modules';

function setup(importScript: (world: object, file: string) => Promise<unknown>) {
  const world = {};
  const events: string[] = [];
  const cleanups: Array<() => void> = [];
  const ctx = {
    isInvalid: false,
    onInvalidated: (cleanup: () => void) => cleanups.push(cleanup),
  } as unknown as ContentScriptContext;
  const options = {
    scope: world,
    document,
    importScript: (file: string) => {
      events.push(`import ${file}`);
      return importScript(world, file);
    },
    nextTask: async () => {
      events.push('next task');
    },
    noticeCss: '.notice { position: fixed; }',
    prepareClassifier: () => events.push('prepare classifier'),
    readStoredSettings: async () => {
      events.push('read settings');
      return { settings: { language: 'en' } };
    },
  };
  const invalidate = () => {
    Object.assign(ctx, { isInvalid: true });
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  return { world, events, ctx, options, invalidate };
}

describe('a content script starting', () => {
  it('imports its family’s labelling in a later task and starts it; the classifier only when asked', async () => {
    const start = vi.fn<LabellingApi['start']>(async () => {
      events.push('start');
    });
    const other = vi.fn<LabellingApi['start']>(async () => {});
    const { events, ctx, options } = setup(async (world, file) => {
      const youtube = labellingModule('youtube');
      if (file === youtube.file) publish(world, youtube, { start });
      // Another family's labelling, had it been imported too, would not be what starts.
      publish(world, labellingModule('facebook'), { start: other });
      if (file === CLASSIFIER_MODULE.file)
        publish(world, CLASSIFIER_MODULE, { classify, prepareClassifierStep });
    });
    await bootLabelling(ctx, 'youtube', options);
    // The background classifies: /classifier.js is not imported unless the labelling asks for it.
    expect(events).toEqual([
      'next task',
      'prepare classifier',
      'read settings',
      'import /labelling-youtube.js',
      'next task', // the labelling starts in a task of its own, not the one that evaluated it
      'start',
    ]);
    expect(start).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
    const [startedCtx, early] = start.mock.calls[0] ?? [];
    expect(startedCtx).toBe(ctx);
    expect(await early?.storedSettings).toEqual({ settings: { language: 'en' } });
    expect((await early?.loadClassifier())?.classify('Tack!').category).toBe(classify('Tack!').category);
    expect(events.at(-1)).toBe('import /classifier.js');
  });

  it('shows one notice and logs why when the labelling cannot be imported', async () => {
    document.body.innerHTML = '<main>page</main>';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ctx, options } = setup(async (_world, file) => {
      throw new TypeError(`Failed to fetch dynamically imported module: ${file}`);
    });
    await bootLabelling(ctx, 'facebook', options);
    await bootLabelling(ctx, 'facebook', options);
    const notices = document.querySelectorAll('moderera-notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.shadowRoot?.querySelector('[role="status"]')?.textContent).toContain(
      'Moderera kunde inte starta på den här sidan',
    );
    // It wears the label UI's notice style, given, not a copy of it.
    expect(notices[0]?.shadowRoot?.querySelector('style')?.textContent).toBe('.notice { position: fixed; }');
    expect(notices[0]?.shadowRoot?.querySelector('[role="status"]')?.className).toBe('notice');
    expect(String(errors.mock.calls[0]?.[0])).toContain('the labelling script could not be loaded');
    errors.mockRestore();
  });

  it('takes its notice away when a newer instance takes over', async () => {
    document.body.innerHTML = '<main>page</main>';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ctx, options, invalidate } = setup(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    await bootLabelling(ctx, 'blog', options);
    expect(document.querySelectorAll('moderera-notice')).toHaveLength(1);
    invalidate();
    expect(document.querySelectorAll('moderera-notice')).toHaveLength(0);
    errors.mockRestore();
  });

  it('starts nothing when a newer instance took over while the import ran', async () => {
    const start = vi.fn<LabellingApi['start']>(async () => {});
    const { ctx, options, invalidate } = setup(async (world, file) => {
      invalidate();
      const blog = labellingModule('blog');
      if (file === blog.file) publish(world, blog, { start });
    });
    await bootLabelling(ctx, 'blog', options);
    expect(start).not.toHaveBeenCalled();
  });

  it('does nothing once its context is gone (a newer instance took over)', async () => {
    const { events, ctx, options } = setup(async () => {});
    Object.assign(ctx, { isInvalid: true });
    await bootLabelling(ctx, 'blog', options);
    expect(events).toEqual(['next task']); // nothing read, nothing imported
  });
});
