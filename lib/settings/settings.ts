/**
 * The user's settings, kept in storage.local under one key, validated with zod and versioned:
 * an older shape is migrated step by step to the current one when read.
 */
import { z } from 'zod/mini';
import { en } from 'zod/v4/locales';
import { normaliseBlogHost } from '../hosts/blog-hosts';
import { CATEGORY_IDS, FLAG_IDS, HINT_IDS } from '../policy/labels';
import { unknownPlaceholders } from '../replies/placeholders';
import { DEFAULT_TEMPLATES } from '../replies/templates';

import { SETTINGS_KEY } from './key';

export { SETTINGS_KEY };
export const SETTINGS_VERSION = 3;

/**
 * Built on first use, not when the module loads: a content script's first task is already the
 * evaluation of its whole bundle, and building zod schemas (and compiling zod's code to do it)
 * made it a long task. For the same reason this is zod's tree-shakable "mini" API: the content
 * scripts read settings, and classic zod was 85 KB of their bundle and ~40 % of its compile time.
 */
function buildSettingsSchema() {
  // Mini leaves its messages generic ("Invalid input") until a locale is set. Classic zod sets
  // English only where none is set yet; so does this, so a locale set elsewhere is kept.
  if (!z.config().localeError) z.config(en());
  const shortText = (max: number) => z.string().check(z.trim(), z.maxLength(max));
  const requiredText = (max: number) => shortText(max).check(z.minLength(1));

  const word = requiredText(100);

  const blogHost = z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      try {
        return normaliseBlogHost(value);
      } catch (error) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: error instanceof Error ? error.message : String(error),
        });
        return z.NEVER;
      }
    }),
  );

  const id = z.string().check(z.minLength(1), z.maxLength(100));

  const templateSchema = z.object({
    id,
    language: z.enum(['sv', 'en']),
    title: requiredText(200),
    categories: z.array(z.enum(CATEGORY_IDS)).check(z.maxLength(4)),
    hint: z.optional(z.enum(HINT_IDS)),
    text: z.string().check(
      z.maxLength(5000),
      z.refine((text) => text.trim().length > 0, 'Mallen har ingen text.'),
      z.superRefine((text, ctx) => {
        const unknown = unknownPlaceholders(text);
        if (unknown.length > 0) {
          ctx.addIssue({
            code: 'custom',
            message: `Okända platshållare: ${unknown.map((u) => `{${u}}`).join(', ')}`,
          });
        }
      }),
    ),
  });

  const httpUrl = shortText(2000).check(
    z.refine((value) => value === '' || /^https?:\/\/\S+$/.test(value), 'Adressen ska börja med https://'),
  );

  const channelSchema = z.object({
    id,
    name: requiredText(200),
    url: httpUrl.check(z.refine((value) => value !== '', 'Ange kanalens adress.')),
    administrator: shortText(200),
    substitute: shortText(200),
  });

  return z.object({
    version: z.literal(SETTINGS_VERSION),
    language: z.enum(['sv', 'en']),
    /** Self-hosted WordPress hosts added in options (granted at run time). */
    blogHosts: z.array(blogHost).check(z.maxLength(200)),
    /** The user's own words per flag, merged into the classifier's lexicons. */
    extraWords: z.partialRecord(z.enum(FLAG_IDS), z.array(word).check(z.maxLength(1000))),
    /** Section 3.2: answers are signed with name, title and unit. */
    signature: z.object({ name: shortText(200), title: shortText(200), unit: shortText(200) }),
    templates: z.array(templateSchema).check(z.maxLength(200)),
    /** Department mailboxes that questions and fault reports are passed on to (Bilaga 1). */
    mailboxes: z.array(z.object({ id, name: requiredText(200), email: z.email() })).check(z.maxLength(100)),
    faultReportUrl: httpUrl,
    homepageUrl: httpUrl,
    /** The archival creator and unit named in exports (ERMS, report). */
    organisation: z.object({ name: requiredText(200), unit: shortText(200) }),
    /** Section 1.3: the official channels, each with its responsible administrator and substitute. */
    channels: z.array(channelSchema).check(z.maxLength(200)),
  });
}

let settingsSchema: ReturnType<typeof buildSettingsSchema> | null = null;

export type Settings = z.infer<ReturnType<typeof buildSettingsSchema>>;
export type Channel = Settings['channels'][number];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'sv',
  blogHosts: [],
  extraWords: {},
  signature: { name: '', title: '', unit: '' },
  templates: DEFAULT_TEMPLATES,
  mailboxes: [],
  faultReportUrl: '',
  homepageUrl: 'https://www.tyreso.se',
  organisation: { name: 'Tyresö kommun', unit: '' },
  channels: [],
};

/** Each step takes the shape of version N to version N + 1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 brought replies: signature, templates, mailboxes and links, all new.
  1: (old) => ({
    ...old,
    version: 2,
    signature: { name: '', title: '', unit: '' },
    templates: DEFAULT_TEMPLATES,
    mailboxes: [],
    faultReportUrl: '',
    homepageUrl: 'https://www.tyreso.se',
  }),
  2: (old) => ({
    ...old,
    version: 3,
    organisation: { name: 'Tyresö kommun', unit: '' },
    channels: [],
  }),
};

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (typeof raw !== 'object') throw new SettingsError('Inställningarna är skadade (inte ett objekt).');
  let value = raw as Record<string, unknown>;
  let version = typeof value.version === 'number' ? value.version : 1;
  if (version > SETTINGS_VERSION) {
    throw new SettingsError(`Inställningarna kommer från en nyare version (${version}) av Moderera.`);
  }
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new SettingsError(`Ingen migrering finns från inställningsversion ${version}.`);
    value = step(value);
    version++;
  }
  return validateSettings({ ...DEFAULT_SETTINGS, ...value });
}

/** The settings if they are valid, or an error that says which field is wrong and why. */
export function validateSettings(value: unknown): Settings {
  settingsSchema ??= buildSettingsSchema();
  const parsed = settingsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new SettingsError(`Inställningarna är ogiltiga${where}: ${issue?.message ?? 'okänt fel'}`);
  }
  return parsed.data;
}

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Settings as stored; defaults when none are stored or when they cannot be read (the error is logged). */
export function loadSettings(area: StorageAreaLike): Promise<Settings> {
  return settingsFrom(area.get(SETTINGS_KEY));
}

/** Settings from a read of the storage already under way (see lib/content/boot.ts). */
export async function settingsFrom(read: Promise<Record<string, unknown>>): Promise<Settings> {
  const stored = await read;
  try {
    return parseSettings(stored[SETTINGS_KEY]);
  } catch (error) {
    console.error('Moderera: settings unreadable, using defaults', error);
    return DEFAULT_SETTINGS;
  }
}

export async function saveSettings(area: StorageAreaLike, settings: Settings): Promise<Settings> {
  const valid = validateSettings(settings);
  await area.set({ [SETTINGS_KEY]: valid });
  return valid;
}
