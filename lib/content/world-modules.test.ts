import { describe, expect, it, vi } from 'vitest';
import { classify, prepareClassifierStep } from '../classifier';
import {
  CLASSIFIER_MODULE,
  type ClassifierApi,
  labellingModule,
  loadWorldModule,
  PAGE_FAMILIES,
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

  it('takes what the latest run published (a reloaded extension’s script replaces an orphaned one’s)', async () => {
    const world = {};
    const orphaned = { classify: () => ({}) as never, prepareClassifierStep: () => false };
    publish(world, CLASSIFIER_MODULE, orphaned);
    const loaded = await loadWorldModule(world, CLASSIFIER_MODULE, async () =>
      publish(world, CLASSIFIER_MODULE, api),
    );
    expect(loaded.classify).toBe(classify);
  });

  it('cannot be shadowed by a page element named like it', async () => {
    const world: Record<string, unknown> = {
      __modereraLabelling: { start: () => {} },
      'moderera.labelling': { start: () => {} },
    };
    await expect(loadWorldModule(world, labellingModule('facebook'), async () => {})).rejects.toThrow(
      'the labelling script ran but published nothing',
    );
  });

  it('keeps the modules apart, and each family’s labelling apart from the others’', async () => {
    const world = {};
    publish(world, CLASSIFIER_MODULE, api);
    publish(world, labellingModule('youtube'), { start: async () => {} });
    await expect(loadWorldModule(world, labellingModule('facebook'), async () => {})).rejects.toThrow(
      'the labelling script ran but published nothing',
    );
  });

  it('names each family’s labelling script after the family', () => {
    expect(PAGE_FAMILIES.map((family) => labellingModule(family).file)).toEqual([
      '/labelling-facebook.js',
      '/labelling-youtube.js',
      '/labelling-blog.js',
    ]);
  });

  it('fails with the reason when the script cannot be loaded', async () => {
    const blocked = async () => {
      throw new TypeError('Failed to fetch dynamically imported module: chrome-extension://x/classifier.js');
    };
    const failure = loadWorldModule({}, CLASSIFIER_MODULE, blocked);
    await expect(failure).rejects.toThrow(
      'the classifier script could not be loaded: Failed to fetch dynamically imported module',
    );
    await expect(failure).rejects.toHaveProperty('cause.name', 'TypeError');
  });

  it('fails clearly when the script ran but published something else', async () => {
    const world = { [CLASSIFIER_MODULE.key]: { classify: 'not a function' } };
    await expect(loadWorldModule(world, CLASSIFIER_MODULE, async () => {})).rejects.toThrow(
      'the classifier script ran but published nothing',
    );
  });
});
