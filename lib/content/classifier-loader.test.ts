import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import { type ClassifierApi, loadClassifier, publishClassifier } from './classifier-loader';

const api: ClassifierApi = { classify, prepareClassifierStep };

describe('loading the classifier into a content script', () => {
  it('asks the background for the script, then takes the classifier it published', async () => {
    const world = {};
    const requestInjection = vi.fn(async () => {
      publishClassifier(world, api);
      return { ok: true, data: { loaded: true } };
    });
    const loaded = await loadClassifier(world, requestInjection);
    expect(requestInjection).toHaveBeenCalledTimes(1);
    expect(loaded.classify('Varför är badhuset stängt?').category).toBe(
      classify('Varför är badhuset stängt?').category,
    );
  });

  it('asks nothing when the world already has a classifier (a second content script, or a re-injected one)', async () => {
    const world = {};
    publishClassifier(world, api);
    const requestInjection = vi.fn(async () => ({ ok: true, data: { loaded: true } }));
    await loadClassifier(world, requestInjection);
    expect(requestInjection).not.toHaveBeenCalled();
  });

  it('keeps the first classifier when the script runs twice', () => {
    const world: Record<string, unknown> = {};
    publishClassifier(world, api);
    const first = Object.values(world)[0];
    publishClassifier(world, { classify: () => ({}) as never, prepareClassifierStep: () => false });
    expect(Object.values(world)).toEqual([first]);
  });

  it('fails with the background’s reason when the injection is refused', async () => {
    const refused = async () => ({
      ok: false,
      error: { code: 'failed', message: 'Cannot access contents of the page' },
    });
    await expect(loadClassifier({}, refused)).rejects.toThrow(
      'the classifier could not be loaded: Cannot access contents of the page',
    );
  });

  it('fails clearly when the message cannot be sent (the extension was reloaded)', async () => {
    const gone = async () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(loadClassifier({}, gone)).rejects.toThrow('Extension context invalidated.');
  });

  it('fails clearly when the script ran but left no classifier behind', async () => {
    const world = { __modereraClassifier: { classify: 'not a function' } };
    await expect(loadClassifier(world, async () => ({ ok: true, data: { loaded: true } }))).rejects.toThrow(
      'published no classifier',
    );
  });
});
