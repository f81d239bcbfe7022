import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import {
  CLASSIFIER_MODULE,
  type ClassifierApi,
  LABELLING_MODULE,
  loadWorldModule,
  publish,
} from './world-modules';

const api: ClassifierApi = { classify, prepareClassifierStep };

describe('modules imported into the content scripts’ world', () => {
  it('runs the script, then takes what it published', async () => {
    const world = {};
    const runScript = vi.fn(async () => publish(world, CLASSIFIER_MODULE, api));
    const loaded = await loadWorldModule(world, CLASSIFIER_MODULE, runScript);
    expect(runScript).toHaveBeenCalledWith('/classifier.js');
    const text = 'Varför är badhuset stängt?';
    expect(loaded.classify(text).category).toBe(classify(text).category);
  });

  it('runs nothing when the world has it already (a second content script, or a re-injected one)', async () => {
    const world = {};
    publish(world, CLASSIFIER_MODULE, api);
    const runScript = vi.fn(async () => {});
    await loadWorldModule(world, CLASSIFIER_MODULE, runScript);
    expect(runScript).not.toHaveBeenCalled();
  });

  it('keeps what the first run published when the script runs twice', () => {
    const world: Record<string, unknown> = {};
    publish(world, CLASSIFIER_MODULE, api);
    const first = Object.values(world)[0];
    publish(world, CLASSIFIER_MODULE, { classify: () => ({}) as never, prepareClassifierStep: () => false });
    expect(Object.values(world)).toEqual([first]);
  });

  it('keeps the modules apart', async () => {
    const world = {};
    publish(world, CLASSIFIER_MODULE, api);
    await expect(loadWorldModule(world, LABELLING_MODULE, async () => {})).rejects.toThrow(
      'the labelling script ran but published nothing',
    );
  });

  it('fails with the reason when the script cannot be loaded', async () => {
    const blocked = async () => {
      throw new TypeError('Failed to fetch dynamically imported module: chrome-extension://x/classifier.js');
    };
    await expect(loadWorldModule({}, CLASSIFIER_MODULE, blocked)).rejects.toThrow(
      'the classifier script could not be loaded: Failed to fetch dynamically imported module',
    );
  });

  it('fails clearly when the script ran but published something else', async () => {
    const world = { __modereraClassifier: { classify: 'not a function' } };
    await expect(loadWorldModule(world, CLASSIFIER_MODULE, async () => {})).rejects.toThrow(
      'the classifier script ran but published nothing',
    );
  });
});
