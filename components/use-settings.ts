import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, loadSettings, type Settings, saveSettings } from '../lib/settings/settings';

/** The stored settings for an extension page, and a function that saves a new version. */
export function useSettings(): [Settings, (next: Settings) => Promise<Settings>] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings(browser.storage.local).then(setSettings);
  }, []);
  const save = async (next: Settings) => {
    const saved = await saveSettings(browser.storage.local, next);
    setSettings(saved);
    return saved;
  };
  return [settings, save];
}
