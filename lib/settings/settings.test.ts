import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  SETTINGS_KEY,
  SettingsError,
  saveSettings,
} from './settings';

describe('settings', () => {
  it('are the defaults when nothing is stored', async () => {
    fakeBrowser.reset();
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trip through storage, with blog hosts normalised', async () => {
    fakeBrowser.reset();
    const saved = await saveSettings(fakeBrowser.storage.local, {
      ...DEFAULT_SETTINGS,
      language: 'en',
      blogHosts: ['Blogg.Tyreso.se'],
      extraWords: { profanity: ['tjockis'] },
    });
    expect(saved.blogHosts).toEqual(['blogg.tyreso.se']);
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(saved);
  });

  it('refuse a newer version instead of guessing', () => {
    expect(() => parseSettings({ version: 99 })).toThrow(SettingsError);
  });

  it('refuse an invalid host or word with a clear error', () => {
    expect(() => parseSettings({ version: 2, blogHosts: ['https://x'] })).toThrow(/ogiltiga/);
    expect(() => parseSettings({ version: 2, extraWords: { profanity: [''] } })).toThrow(SettingsError);
  });

  it('trim words and texts, and say what is wrong with one that is too long', () => {
    const parsed = parseSettings({
      ...DEFAULT_SETTINGS,
      extraWords: { profanity: ['  tjockis '] },
      signature: { name: ' Anna ', title: '', unit: '' },
    });
    expect(parsed.extraWords.profanity).toEqual(['tjockis']);
    expect(parsed.signature.name).toBe('Anna');
    expect(() =>
      parseSettings({ ...DEFAULT_SETTINGS, signature: { name: 'x'.repeat(201), title: '', unit: '' } }),
    ).toThrow(/signature\.name.*200/);
  });

  it('fall back to defaults when the stored value is corrupt, leaving it in place', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toBe('garbage');
  });

  it('migrate version 1 (before replies) to the current version, keeping what the user had', () => {
    const migrated = parseSettings({
      version: 1,
      language: 'en',
      blogHosts: ['blogg.tyreso.se'],
      extraWords: { profanity: ['x'] },
    });
    expect(migrated).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'en',
      blogHosts: ['blogg.tyreso.se'],
      extraWords: { profanity: ['x'] },
    });
    expect(migrated.version).toBe(3);
    expect(migrated.templates.length).toBeGreaterThan(5);
  });

  it('migrate version 2 to 3: keeps the signature and templates, adds organisation and an empty channel register', () => {
    const v2 = {
      ...DEFAULT_SETTINGS,
      version: 2,
      signature: { name: 'Anna', title: 'Kommunikatör', unit: 'Kommunikationsenheten' },
    } as Record<string, unknown>;
    delete v2.organisation;
    delete v2.channels;
    const migrated = parseSettings(v2);
    expect(migrated.version).toBe(3);
    expect(migrated.signature.name).toBe('Anna');
    expect(migrated.organisation.name).toBe('Tyresö kommun');
    expect(migrated.channels).toEqual([]);
  });

  it('refuse a channel without an address', () => {
    const channel = {
      id: 'c1',
      name: 'Tyresö kommun på Facebook',
      url: '',
      administrator: 'A',
      substitute: 'B',
    };
    expect(() => parseSettings({ ...DEFAULT_SETTINGS, channels: [channel] })).toThrow(/channels\.0\.url/);
  });

  it('refuse a template with an unknown placeholder, naming it', () => {
    const bad = {
      ...DEFAULT_SETTINGS,
      templates: [{ ...DEFAULT_SETTINGS.templates[0], text: 'Hej {nman}' }],
    };
    expect(() => parseSettings(bad)).toThrow(/templates\.0\.text.*\{nman\}/);
  });

  it('refuse a mailbox without a valid e-mail address', () => {
    expect(() =>
      parseSettings({ ...DEFAULT_SETTINGS, mailboxes: [{ id: 'a', name: 'Gata', email: 'gata' }] }),
    ).toThrow(/mailboxes\.0\.email/);
  });
});
