import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import { type ClassifierApi, loadClassifier, publishClassifier } from './classifier-loader';

const api: ClassifierApi = { classify, prepareClassifierStep };

describe('loading the classifier into a content script', () => {
  it('runs the script, then takes the classifier it published', async () => {
    const world = {};
    const runScript = vi.fn(async () => publishClassifier(world, api));
    const loaded = await loadClassifier(world, runScript);
    expect(runScript).toHaveBeenCalledTimes(1);
    expect(loaded.classify('Varför är badhuset stängt?').category).toBe(
      classify('Varför är badhuset stängt?').category,
    );
  });

  it('runs nothing when the world already has a classifier (a second content script, or a re-injected one)', async () => {
    const world = {};
    publishClassifier(world, api);
    const runScript = vi.fn(async () => {});
    await loadClassifier(world, runScript);
    expect(runScript).not.toHaveBeenCalled();
  });

  it('keeps the first classifier when the script runs twice', () => {
    const world: Record<string, unknown> = {};
    publishClassifier(world, api);
    const first = Object.values(world)[0];
    publishClassifier(world, { classify: () => ({}) as never, prepareClassifierStep: () => false });
    expect(Object.values(world)).toEqual([first]);
  });

  it('fails with the reason when the script cannot be loaded', async () => {
    const blocked = async () => {
      throw new TypeError('Failed to fetch dynamically imported module: chrome-extension://x/classifier.js');
    };
    await expect(loadClassifier({}, blocked)).rejects.toThrow(
      'the classifier could not be loaded: Failed to fetch dynamically imported module',
    );
  });

  it('fails clearly when the script ran but left no classifier behind', async () => {
    const world = { __modereraClassifier: { classify: 'not a function' } };
    await expect(loadClassifier(world, async () => {})).rejects.toThrow('published no classifier');
  });
});
