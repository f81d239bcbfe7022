/**
 * Fills reply templates. Placeholders are `{name}` in Swedish or English; a template with a
 * placeholder we do not know is never filled, so no raw braces ever reach a reply.
 */

export const PLACEHOLDERS = {
  författare: 'author',
  namn: 'name',
  titel: 'title',
  enhet: 'unit',
  länk: 'link',
  datum: 'date',
  signatur: 'signature',
} as const;

export type PlaceholderKey = (typeof PLACEHOLDERS)[keyof typeof PLACEHOLDERS];

const ALIASES: Record<string, PlaceholderKey> = Object.fromEntries(
  Object.entries(PLACEHOLDERS).flatMap(([swedish, key]) => [
    [swedish, key],
    [key, key],
  ]),
);

const PLACEHOLDER = /\{([^{}\s]{1,40})\}/g;

export type PlaceholderValues = Partial<Record<PlaceholderKey, string>>;

export interface FillResult {
  text: string;
  /** Known placeholders with no value (for example a signature not yet entered). */
  missing: PlaceholderKey[];
  /** Placeholders we do not know; the text is not usable while there are any. */
  unknown: string[];
}

/** The placeholders a template uses that we do not know, e.g. a misspelt `{titl}`. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] as string;
    if (!(name.toLowerCase() in ALIASES)) unknown.add(name);
  }
  return [...unknown];
}

export function fillTemplate(template: string, values: PlaceholderValues): FillResult {
  const unknown = unknownPlaceholders(template);
  const missing = new Set<PlaceholderKey>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = ALIASES[name.toLowerCase()];
    if (!key) return whole;
    const value = values[key]?.trim();
    if (!value) {
      missing.add(key);
      return '';
    }
    return value;
  });
  return { text, missing: [...missing], unknown };
}
