/**
 * The user's settings, kept in storage.local under one key, validated with zod and versioned:
 * an older shape is migrated step by step to the current one when read.
 */
import { z } from 'zod';
import { normaliseBlogHost } from '../hosts/blog-hosts';
import { FLAG_IDS } from '../policy/labels';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

const word = z.string().trim().min(1).max(100);

const blogHost = z.string().transform((value, ctx) => {
  try {
    return normaliseBlogHost(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  language: z.enum(['sv', 'en']),
  /** Self-hosted WordPress hosts added in options (granted at run time). */
  blogHosts: z.array(blogHost).max(200),
  /** The user's own words per flag, merged into the classifier's lexicons. */
  extraWords: z.partialRecord(z.enum(FLAG_IDS), z.array(word).max(1000)),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'sv',
  blogHosts: [],
  extraWords: {},
};

/** Each step takes the shape of version N to version N + 1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object') throw new SettingsError('Inställningarna är skadade (inte ett objekt).');
  let value = raw as Record<string, unknown>;
  let version = typeof value.version === 'number' ? value.version : 0;
  if (version > SETTINGS_VERSION) {
    throw new SettingsError(`Inställningarna kommer från en nyare version (${version}) av Moderera.`);
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new SettingsError(`Ingen migrering finns från inställningsversion ${version}.`);
    value = step(value);
    version++;
  }
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...value });
  if (!parsed.success) {
    throw new SettingsError(`Inställningarna är ogiltiga: ${parsed.error.issues[0]?.message ?? 'okänt fel'}`);
  }
  return parsed.data;
}

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Settings as stored; defaults when none are stored or when they cannot be read (the error is logged). */
export async function loadSettings(area: StorageAreaLike): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  try {
    return parseSettings(stored[SETTINGS_KEY]);
  } catch (error) {
    console.error('Moderera: settings unreadable, using defaults', error);
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(area: StorageAreaLike, settings: Settings): Promise<Settings> {
  const valid = settingsSchema.parse(settings);
  await area.set({ [SETTINGS_KEY]: valid });
  return valid;
}
