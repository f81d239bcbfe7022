import type { CategoryId, FlagId, HintId } from '../policy/labels';

/** Cue tables that are not flags: they decide the category, the hints and the context of flags. */
export const CUE_GROUPS = ['fault', 'question', 'praise', 'political', 'person'] as const;
export type CueGroup = (typeof CUE_GROUPS)[number];
export type Group = FlagId | CueGroup;

/** One entry of a lexicon or cue file, as written in lexicon/*.json. */
export interface LexiconEntry {
  /** A word or phrase, matched on the normalised text (lowercase, no punctuation). */
  word?: string;
  /** A regular expression (no capturing groups), matched on the normalised or the original text. */
  pattern?: string;
  /** A stable id for a pattern entry (words use the word itself). */
  id?: string;
  /** How a word must sit in the text: a whole word (default), the start or end of a compound, or anywhere. */
  match?: 'word' | 'prefix' | 'suffix' | 'infix';
  /** Where a pattern is matched; the normalised text by default. */
  source?: 'normalised' | 'original';
  /** What the entry contributes to its group's rule (e.g. 'group' and 'contempt' for hate speech). */
  role?: string;
  /** 2 (default) fires on its own, 1 needs another cue. */
  weight?: number;
  /** Do not also match the word spelt without å, ä, ö (when that spelling is an everyday word). */
  noFold?: boolean;
  /** A pattern runs only if the (lowercased) text contains one of these strings: a cheap pre-filter. */
  requires?: string[];
  /** An original-text pattern is case-sensitive (party abbreviations). */
  caseSensitive?: boolean;
  /** The match must start with a capital letter in the original text (names). */
  capital?: boolean;
  note: string;
  /** A comment on which the entry fires and its flag (or cue) is given. */
  example: string;
}

export interface LexiconFile {
  group: Group;
  lang: 'sv' | 'en' | 'user';
  entries: readonly LexiconEntry[];
}

export interface Evidence {
  target: FlagId | CategoryId | HintId;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** A stable id of the rule that fired, e.g. 'profanity.sv:fan' or 'confidential:personnummer'. */
  rule: string;
}

export interface Classification {
  category: CategoryId;
  flags: FlagId[];
  hints: HintId[];
  evidence: Evidence[];
  /** How sure the classifier is of the category and flags, in [0, 1]. */
  confidence: number;
}

/**
 * What a label shows: the classification without its evidence. Content scripts get this for
 * every comment, and the evidence only for a label whose panel is opened: 2,000 classifications
 * with evidence were ~960 KB to send and check on the page's main thread, ~180 KB without.
 */
export type LabelClassification = Omit<Classification, 'evidence'>;

export interface ClassifierSettings {
  /** The user's own words per flag, merged into the lexicons at run time. A trailing * matches a prefix. */
  extraWords?: Partial<Record<FlagId, readonly string[]>>;
}

/** One place where a lexicon entry, cue or detector matched, in original offsets. */
export interface Hit {
  group: Group;
  role: string;
  weight: number;
  rule: string;
  start: number;
  end: number;
}
