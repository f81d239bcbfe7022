/**
 * Compiles lexicon entries once into lookup tables: whole words and compound starts/ends are
 * found by Map lookups on the tokens of the normalised text (a few per token, whatever the size
 * of the lexicons), multi-word phrases by their first word, and the few regular-expression
 * entries run only when a cheap substring pre-filter says they can match.
 */
import { foldSwedish, type NormalisedText, normaliseKey } from './normalise';
import type { Group, Hit, LexiconEntry, LexiconFile } from './types';

interface CompiledEntry {
  group: Group;
  role: string;
  weight: number;
  rule: string;
  /** The normalised key with å, ä, ö kept (checked for noFold entries). */
  key: string;
  noFold: boolean;
  capital: boolean;
}

interface CompiledPattern {
  entry: CompiledEntry;
  regex: RegExp;
  requires: readonly string[];
  onOriginal: boolean;
}

export interface Matcher {
  match(original: string, normalised: NormalisedText): Hit[];
}

type Mode = 'word' | 'prefix' | 'suffix' | 'infix';

/** In the normalised text words are separated by single spaces, so a word edge touches a space. */
const WORD_EDGE = '(?:(?<= )|(?= ))';
/** Prefix and suffix keys are looked up only for tokens sharing their first or last letters. */
const GATE = 3;

/** Lets å, ä, ö in a pattern also match a, a, o (outside character classes). */
export function foldTolerant(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === '\\') {
      out += char + source.charAt(i + 1);
      i++;
      continue;
    }
    if (char === '[') inClass = true;
    if (char === ']') inClass = false;
    out +=
      !inClass && (char === 'å' || char === 'ä' || char === 'ö') ? `[${char}${foldSwedish(char)}]` : char;
  }
  return out;
}

function ruleOf(file: LexiconFile, entry: LexiconEntry): string {
  return `${file.group}.${file.lang}:${entry.word ?? entry.id ?? entry.pattern ?? '?'}`;
}

function compiled(file: LexiconFile, entry: LexiconEntry, key: string): CompiledEntry {
  return {
    group: file.group,
    role: entry.role ?? 'main',
    weight: entry.weight ?? 2,
    rule: ruleOf(file, entry),
    key,
    noFold: entry.noFold === true,
    capital: entry.capital === true,
  };
}

function compilePattern(file: LexiconFile, entry: LexiconEntry, pattern: string): CompiledPattern {
  const onOriginal = entry.source === 'original';
  const source = onOriginal ? pattern : pattern.replaceAll('\\b', WORD_EDGE);
  const flags = onOriginal ? (entry.caseSensitive ? 'gu' : 'giu') : 'g';
  return {
    entry: compiled(file, entry, ''),
    regex: new RegExp(onOriginal || entry.noFold ? source : foldTolerant(source), flags),
    requires: (entry.requires ?? []).map((item) =>
      onOriginal ? item.toLowerCase() : foldSwedish(item.toLowerCase()),
    ),
    onOriginal,
  };
}

class KeyTable {
  /** Single-word keys by folded key. */
  readonly words = new Map<string, CompiledEntry[]>();
  /** Multi-word keys by their folded first word. */
  readonly phrases = new Map<string, { key: string; entries: CompiledEntry[] }[]>();
  readonly gates = new Set<string>();
  lengths: number[] = [];

  add(key: string, entry: CompiledEntry, mode: Mode): void {
    const folded = foldSwedish(key);
    const space = folded.indexOf(' ');
    if (space < 0) {
      push(this.words, folded, entry);
      if (!this.lengths.includes(folded.length)) this.lengths.push(folded.length);
      this.gates.add(mode === 'suffix' ? folded.slice(-GATE) : folded.slice(0, GATE));
      return;
    }
    const first = folded.slice(0, space);
    const list = this.phrases.get(first) ?? [];
    const existing = list.find((item) => item.key === folded);
    if (existing) existing.entries.push(entry);
    else list.push({ key: folded, entries: [entry] });
    this.phrases.set(first, list);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function compileMatcher(files: readonly LexiconFile[]): Matcher {
  const tables: Record<Mode, KeyTable> = {
    word: new KeyTable(),
    prefix: new KeyTable(),
    suffix: new KeyTable(),
    infix: new KeyTable(),
  };
  const patterns: CompiledPattern[] = [];
  for (const file of files) {
    for (const entry of file.entries) {
      if (entry.pattern !== undefined) {
        patterns.push(compilePattern(file, entry, entry.pattern));
        continue;
      }
      const key = normaliseKey(entry.word ?? '');
      if (key.length === 0) continue;
      const mode = entry.match ?? 'word';
      tables[mode].add(key, compiled(file, entry, key), mode);
    }
  }
  const infixKeys = [...tables.infix.words.keys()];
  const originalGate = literalGate(patterns.filter((pattern) => pattern.onOriginal));
  const normalisedGate = literalGate(patterns.filter((pattern) => !pattern.onOriginal));
  return {
    match(original, normalised) {
      const hits: Hit[] = [];
      const { text, origStart, origEnd } = normalised;
      const { folded } = normalised;
      const emit = (entries: readonly CompiledEntry[], start: number, end: number) => {
        for (const entry of entries) {
          const exact = text.slice(start, end);
          const isPattern = entry.key === '';
          if (!isPattern && (entry.noFold ? exact !== entry.key : !keepsDiacritics(exact, entry.key)))
            continue;
          const origS = origStart[start] ?? 0;
          const origE = origEnd[end - 1] ?? origS;
          if (entry.capital && !isCapital(original, origS)) continue;
          hits.push(hitOf(entry, origS, origE));
        }
      };
      matchTokens(folded, tables, emit);
      for (const key of infixKeys) {
        for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
          emit(tables.infix.words.get(key) ?? [], at, at + key.length);
        }
      }
      const present = originalGate(original.toLowerCase());
      normalisedGate(folded, present);
      for (const pattern of patterns) {
        if (pattern.requires.length > 0 && !pattern.requires.some((item) => present.has(item))) continue;
        scanPattern(pattern, pattern.onOriginal ? original : text, (start, end) => {
          if (pattern.onOriginal) hits.push(hitOf(pattern.entry, start, end));
          else emit([pattern.entry], start, end);
        });
      }
      return hits;
    },
  };
}

/** One scan for all pre-filter strings of the patterns: returns which of them occur in a text. */
function literalGate(
  patterns: readonly CompiledPattern[],
): (text: string, found?: Set<string>) => Set<string> {
  const literals = [...new Set(patterns.flatMap((pattern) => pattern.requires))].sort(
    (a, b) => b.length - a.length,
  );
  const regex = new RegExp(
    literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'gu',
  );
  return (text, found = new Set<string>()) => {
    if (literals.length === 0) return found;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      found.add(m[0]);
      regex.lastIndex = m.index + 1;
      if (text.charCodeAt(m.index) >= 0xd800 && text.charCodeAt(m.index) <= 0xdbff) regex.lastIndex++;
    }
    return found;
  };
}

function matchTokens(
  folded: string,
  tables: Record<Mode, KeyTable>,
  emit: (entries: readonly CompiledEntry[], start: number, end: number) => void,
): void {
  let start = 1;
  while (start < folded.length) {
    const end = folded.indexOf(' ', start);
    if (end < 0) break;
    if (end > start) matchToken(folded, start, end, tables, emit);
    start = end + 1;
  }
}

function matchToken(
  folded: string,
  start: number,
  end: number,
  tables: Record<Mode, KeyTable>,
  emit: (entries: readonly CompiledEntry[], start: number, end: number) => void,
): void {
  const token = folded.slice(start, end);
  const word = tables.word.words.get(token);
  if (word) emit(word, start, end);
  matchPhrases(folded, start, tables.word.phrases.get(token), true, emit);
  matchPhrases(folded, start, tables.prefix.phrases.get(token), false, emit);
  if (token.length >= GATE && tables.prefix.gates.has(token.slice(0, GATE))) {
    for (const length of tables.prefix.lengths) {
      if (length > token.length) continue;
      const entries = tables.prefix.words.get(length === token.length ? token : token.slice(0, length));
      if (entries) emit(entries, start, start + length);
    }
  }
  if (token.length >= GATE && tables.suffix.gates.has(token.slice(-GATE))) {
    for (const length of tables.suffix.lengths) {
      if (length > token.length) continue;
      const entries = tables.suffix.words.get(length === token.length ? token : token.slice(-length));
      if (entries) emit(entries, end - length, end);
    }
  }
}

function matchPhrases(
  folded: string,
  start: number,
  phrases: readonly { key: string; entries: CompiledEntry[] }[] | undefined,
  wholeWord: boolean,
  emit: (entries: readonly CompiledEntry[], start: number, end: number) => void,
): void {
  if (!phrases) return;
  for (const phrase of phrases) {
    const after = start + phrase.key.length;
    if (folded.startsWith(phrase.key, start) && (!wholeWord || folded.charAt(after) === ' ')) {
      emit(phrase.entries, start, after);
    }
  }
}

/** "javla" may match the key "jävla", but "höra" must not match "hora". */
function keepsDiacritics(exact: string, key: string): boolean {
  for (let i = 0; i < exact.length; i++) {
    const char = exact.charAt(i);
    if ((char === 'å' || char === 'ä' || char === 'ö') && key.charAt(i) !== char) return false;
  }
  return true;
}

function hitOf(entry: CompiledEntry, start: number, end: number): Hit {
  return { group: entry.group, role: entry.role, weight: entry.weight, rule: entry.rule, start, end };
}

function scanPattern(
  pattern: CompiledPattern,
  text: string,
  push: (start: number, end: number) => void,
): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length > 0) push(m.index, m.index + m[0].length);
    regex.lastIndex = m.index + Math.max(1, m[0].length);
    if (text.charCodeAt(regex.lastIndex - 1) >= 0xd800 && text.charCodeAt(regex.lastIndex - 1) <= 0xdbff) {
      regex.lastIndex++;
    }
  }
}

function isCapital(original: string, offset: number): boolean {
  const char = original.charAt(offset);
  return char !== char.toLowerCase();
}
