/**
 * Compiles lexicon entries once into lookup tables: whole words, compound starts and multi-word
 * phrases are found by walking a trie of their folded keys from the start of each token of the
 * normalised text, compound ends by walking a trie of reversed keys from the end of each token,
 * and the few regular-expression entries run only when a cheap substring pre-filter says they can
 * match. Hits come out in a fixed order: per token whole word, phrases, compound phrases, compound
 * starts (by key length, in lexicon order), compound ends; then infixes; then patterns.
 */
import { lowerUnit, SPECIAL_LOWER } from './chars';
import { decode, foldSwedish, type NormalisedCodes, type NormalisedText, normaliseKey } from './normalise';
import type { Group, Hit, LexiconEntry, LexiconFile } from './types';

interface CompiledEntry {
  group: Group;
  role: string;
  weight: number;
  rule: string;
  /** The normalised key with å, ä, ö kept (checked for noFold entries). */
  key: string;
  keyCodes: Uint16Array;
  /** A pattern entry: no key to check. */
  isPattern: boolean;
  noFold: boolean;
  capital: boolean;
}

interface CompiledPattern {
  entry: CompiledEntry;
  /** [entry], for emit. */
  entries: readonly CompiledEntry[];
  regex: RegExp;
  /**
   * For a normalised-text pattern that starts with a word edge: the pattern without it. It finds
   * candidates far faster; where the edge holds, its match is the whole pattern's match.
   */
  afterEdge: RegExp | null;
  requires: readonly string[];
  /** Ids of `requires` in the literal table. */
  requireIds: readonly number[];
  onOriginal: boolean;
}

export interface Matcher {
  match(original: string, normalised: NormalisedText): Hit[];
  /**
   * Appends the hits on a comment, given its normalisation in codes, to `hits`. `originalCodes`
   * may hold the comment's code units (from `inputCodes`).
   */
  matchCodes(original: string, normalised: NormalisedCodes, hits: Hit[], originalCodes?: Uint16Array): void;
}

type Mode = 'word' | 'prefix' | 'suffix' | 'infix';

/** In the normalised text words are separated by single spaces, so a word edge touches a space. */
const WORD_EDGE = '(?:(?<= )|(?= ))';
/** Prefix and suffix keys are looked up only for tokens sharing their first or last letters. */
const GATE = 3;
const SPACE = 32;

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

/** Whether a regular expression source has a `|` outside any group or character class. */
function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === '\\') {
      i++;
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
    } else if (char === '|' && depth === 0) {
      return true;
    }
  }
  return false;
}

function ruleOf(file: LexiconFile, entry: LexiconEntry): string {
  return `${file.group}.${file.lang}:${entry.word ?? entry.id ?? entry.pattern ?? '?'}`;
}

function codesOf(value: string): Uint16Array {
  const codes = new Uint16Array(value.length);
  for (let i = 0; i < value.length; i++) codes[i] = value.charCodeAt(i);
  return codes;
}

function compiled(file: LexiconFile, entry: LexiconEntry, key: string, isPattern: boolean): CompiledEntry {
  return {
    group: file.group,
    role: entry.role ?? 'main',
    weight: entry.weight ?? 2,
    rule: ruleOf(file, entry),
    key,
    keyCodes: codesOf(key),
    isPattern,
    noFold: entry.noFold === true,
    capital: entry.capital === true,
  };
}

function compilePattern(file: LexiconFile, entry: LexiconEntry, pattern: string): CompiledPattern {
  const onOriginal = entry.source === 'original';
  const source = onOriginal ? pattern : pattern.replaceAll('\\b', WORD_EDGE);
  const flags = onOriginal ? (entry.caseSensitive ? 'gu' : 'giu') : 'g';
  const full = onOriginal || entry.noFold ? source : foldTolerant(source);
  const edged = !onOriginal && full.startsWith(WORD_EDGE) && !hasTopLevelAlternative(full);
  const patternEntry = compiled(file, entry, '', true);
  return {
    entry: patternEntry,
    entries: [patternEntry],
    regex: new RegExp(full, flags),
    afterEdge: edged ? new RegExp(full.slice(WORD_EDGE.length), flags) : null,
    requires: (entry.requires ?? []).map((item) =>
      onOriginal ? item.toLowerCase() : foldSwedish(item.toLowerCase()),
    ),
    requireIds: [],
    onOriginal,
  };
}

interface Phrase {
  key: string;
  entries: CompiledEntry[];
}

class KeyTable {
  /** Single-word keys by folded key. */
  readonly words = new Map<string, CompiledEntry[]>();
  /** Multi-word keys by their folded first word. */
  readonly phrases = new Map<string, Phrase[]>();
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

/** What ends at a trie node; `rank` orders hits found for one token as the lexicon order does. */
class NodeInfo {
  word: CompiledEntry[] | null = null;
  wordPhrase: CompiledEntry[] | null = null;
  wordPhraseRank = 0;
  prefixPhrase: CompiledEntry[] | null = null;
  prefixPhraseRank = 0;
  prefixWord: CompiledEntry[] | null = null;
  prefixWordRank = 0;
  suffixWord: CompiledEntry[] | null = null;
  suffixWordRank = 0;
  /** The first GATE letters of a prefix key (forward trie) or the last of a suffix key (backward). */
  gate = false;
}

/**
 * Keys are folded (å, ä, ö spelt a, a, o) and walked over the normalised text, not its folded copy:
 * å, ä, ö take the columns of a, a, o.
 */
function foldSwedishColumns(columnOf: Uint16Array, columns: ReadonlyMap<number, number>): void {
  columnOf[0xe5] = columns.get(0x61) ?? 0;
  columnOf[0xe4] = columns.get(0x61) ?? 0;
  columnOf[0xf6] = columns.get(0x6f) ?? 0;
}

/** A table of state numbers, as small as they allow (small tables stay in the processor's caches). */
function stateTable(size: number, states: number): Uint16Array | Uint32Array {
  return states <= 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
}

/** A trie over character codes, flattened into one table: child = table[node * width + alpha[code]]. */
class Trie {
  readonly alpha: Uint16Array;
  readonly width: number;
  readonly table: Uint16Array | Uint32Array;
  readonly infos: (NodeInfo | undefined)[];

  constructor(builder: TrieBuilder) {
    const letters = new Map<number, number>();
    for (const children of builder.children) {
      for (const code of children.keys()) if (!letters.has(code)) letters.set(code, letters.size + 1);
    }
    this.alpha = new Uint16Array(Math.max(0xf6, ...letters.keys()) + 1);
    for (const [code, index] of letters) this.alpha[code] = index;
    foldSwedishColumns(this.alpha, letters);
    this.width = letters.size + 1;
    this.table = stateTable(builder.children.length * this.width, builder.children.length);
    builder.children.forEach((children, node) => {
      for (const [code, child] of children) this.table[node * this.width + (letters.get(code) ?? 0)] = child;
    });
    this.infos = builder.infos;
  }
}

class TrieBuilder {
  readonly children: Map<number, number>[] = [new Map()];
  readonly infos: (NodeInfo | undefined)[] = [undefined];

  /** The info of the node reached by `key` (read backwards when `reverse`), created as needed. */
  info(key: string, reverse = false): NodeInfo {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(reverse ? key.length - 1 - i : i);
      const children = this.children[node] as Map<number, number>;
      let child = children.get(code);
      if (child === undefined) {
        child = this.children.length;
        this.children.push(new Map());
        this.infos.push(undefined);
        children.set(code, child);
      }
      node = child;
    }
    let info = this.infos[node];
    if (!info) {
      info = new NodeInfo();
      this.infos[node] = info;
    }
    return info;
  }
}

/** Symbol of a code unit that lowercases to more than one unit or by context (İ, Σ). */
const SPECIAL_SYMBOL = 0xffff;
/** Symbol of a code unit not yet looked up (lowercase automata fill their table on demand). */
const UNKNOWN_SYMBOL = 0xfffe;

/**
 * A set of strings found in one pass over a text: an Aho–Corasick automaton flattened into a
 * table, one lookup per character. `symbols` maps a code unit to its column (0: in no string).
 */
class Automaton {
  readonly symbols: Uint16Array;
  private readonly columns: Map<number, number>;
  readonly width: number;
  readonly delta: Uint16Array | Uint32Array;
  /** Per state, the indices of the strings that end there (longest first), or undefined. */
  readonly outputs: (readonly number[] | undefined)[];
  readonly hasOutput: Uint8Array;
  readonly lengths: readonly number[];
  /** Where found strings are recorded by `scan`: string index and start, `count` of them. */
  found = { count: 0, index: new Int32Array(16), start: new Int32Array(16) };

  /**
   * `mode` 'lowercase': columns for the lowercase of each unit, special units marked SPECIAL_SYMBOL;
   * 'folded': å, ä, ö take the columns of a, a, o (the strings are folded).
   */
  constructor(strings: readonly string[], mode: 'lowercase' | 'folded') {
    const lowercase = mode === 'lowercase';
    this.lengths = strings.map((string) => string.length);
    const columns = new Map<number, number>();
    for (const string of strings) {
      for (let i = 0; i < string.length; i++) {
        const code = string.charCodeAt(i);
        if (!columns.has(code)) columns.set(code, columns.size + 1);
      }
    }
    this.width = columns.size + 1;
    this.columns = columns;
    this.symbols = new Uint16Array(lowercase ? 0x10000 : Math.max(0xf6, ...columns.keys()) + 1);
    if (lowercase) {
      this.symbols.fill(UNKNOWN_SYMBOL);
    } else {
      for (const [code, column] of columns) this.symbols[code] = column;
      foldSwedishColumns(this.symbols, columns);
    }
    // The trie of the strings.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    strings.forEach((string, index) => {
      let state = 0;
      for (let i = 0; i < string.length; i++) {
        const column = columns.get(string.charCodeAt(i)) ?? 0;
        const map = children[state] as Map<number, number>;
        let next = map.get(column);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          map.set(column, next);
        }
        state = next;
      }
      ends[state]?.push(index);
    });
    // Failure links in breadth-first order, folded into a full transition table.
    const width = this.width;
    const delta = stateTable(children.length * width, children.length);
    const fail = new Int32Array(children.length);
    const outputs: (number[] | undefined)[] = new Array(children.length).fill(undefined);
    const queue: number[] = [];
    for (const [column, child] of children[0] as Map<number, number>) {
      delta[column] = child;
      queue.push(child);
    }
    const collectOutputs = (state: number) => {
      const own = ends[state] ?? [];
      const inherited = outputs[fail[state] ?? 0] ?? [];
      const all = [...own, ...inherited];
      outputs[state] = all.length > 0 ? all : undefined;
    };
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      collectOutputs(state);
      for (let column = 1; column < width; column++) {
        const child = (children[state] as Map<number, number>).get(column);
        const fallback = delta[(fail[state] ?? 0) * width + column] ?? 0;
        if (child === undefined) {
          delta[state * width + column] = fallback;
        } else {
          delta[state * width + column] = child;
          fail[child] = fallback;
          queue.push(child);
        }
      }
    }
    this.delta = delta;
    this.outputs = outputs;
    this.hasOutput = Uint8Array.from(outputs, (list) => (list === undefined ? 0 : 1));
  }

  /**
   * Records every occurrence of every string in codes[0, length) in `found`, by end position.
   * Returns false, having stopped, at a special unit (lowercase automata only).
   */
  scan(codes: Uint16Array, length: number): boolean {
    const { symbols, width, delta, hasOutput } = this;
    this.found.count = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i] ?? 0;
      let symbol = symbols[code] ?? 0;
      if (symbol === UNKNOWN_SYMBOL) symbol = this.lowerSymbol(code);
      if (symbol === SPECIAL_SYMBOL) return false;
      state = delta[state * width + symbol] ?? 0;
      if (hasOutput[state] === 1) this.record(state, i);
    }
    return true;
  }

  /** The symbol of the lowercase of a code unit, remembered. */
  private lowerSymbol(code: number): number {
    const lower = lowerUnit(code);
    const symbol = lower === SPECIAL_LOWER ? SPECIAL_SYMBOL : (this.columns.get(lower) ?? 0);
    this.symbols[code] = symbol;
    return symbol;
  }

  /** Records the strings that end at `end` in `state`. */
  record(state: number, end: number): void {
    const found = this.found;
    for (const index of this.outputs[state] ?? []) {
      if (found.count === found.index.length) {
        const index2 = new Int32Array(found.count * 2);
        const start2 = new Int32Array(found.count * 2);
        index2.set(found.index);
        start2.set(found.start);
        found.index = index2;
        found.start = start2;
      }
      found.index[found.count] = index;
      found.start[found.count] = end + 1 - (this.lengths[index] ?? 0);
      found.count++;
    }
  }
}

/**
 * Marks the pre-filter strings found by `automaton` (strings [0, limit) of it, sorted longest
 * first) as present. A scan with one alternation of all of them marks, at every position, the
 * first of them that starts there: a string is present when it occurs where no earlier one does.
 */
function markFirst(
  automaton: Automaton,
  limit: number,
  ids: readonly number[],
  matcher: CompiledMatcher,
): void {
  const { count, index, start } = automaton.found;
  for (let i = 0; i < count; i++) {
    const order = index[i] ?? 0;
    if (order >= limit) continue;
    const at = start[i] ?? 0;
    let first = true;
    for (let j = 0; j < count; j++) {
      if (start[j] === at && (index[j] ?? 0) < order) {
        first = false;
        break;
      }
    }
    if (first) matcher.markPresent(ids[order] ?? 0);
  }
}

/**
 * Whether a pre-filter string of an original-text pattern can be found by lowercasing unit by
 * unit: its only surrogates are emoji pairs (no cased letters share their high surrogate).
 */
function lowersByUnit(literal: string): boolean {
  for (let i = 0; i < literal.length; i++) {
    const code = literal.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    const low = literal.charCodeAt(i + 1);
    if (code < 0xd83c || code > 0xd83e || !(low >= 0xdc00 && low <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** Literals that a plain first-character scan would not treat as a regex alternation does. */
function unusualLiteral(literal: string): boolean {
  return (
    literal.length === 0 || /[\ud800-\udfff]/.test(literal.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))
  );
}

function sortedLiterals(patterns: readonly CompiledPattern[]): string[] {
  return [...new Set(patterns.flatMap((pattern) => pattern.requires))].sort((a, b) => b.length - a.length);
}

/** One scan for all pre-filter strings of the patterns, as a regular expression (the general case). */
function regexGate(literals: readonly string[]): (text: string, found: Set<string>) => void {
  const regex = new RegExp(
    literals.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'gu',
  );
  return (text, found) => {
    if (literals.length === 0) return;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      found.add(m[0]);
      regex.lastIndex = m.index + 1;
      if (text.charCodeAt(m.index) >= 0xd800 && text.charCodeAt(m.index) <= 0xdbff) regex.lastIndex++;
    }
  };
}

interface Collected {
  count: number;
  ranks: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  entries: CompiledEntry[][];
}

function collector(): Collected {
  return {
    count: 0,
    ranks: new Int32Array(64),
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    entries: [],
  };
}

function collect(into: Collected, rank: number, entries: CompiledEntry[], start: number, end: number): void {
  if (into.count === into.ranks.length) {
    const size = into.count * 2;
    const grow = (array: Int32Array) => {
      const next = new Int32Array(size);
      next.set(array);
      return next;
    };
    into.ranks = grow(into.ranks);
    into.starts = grow(into.starts);
    into.ends = grow(into.ends);
  }
  into.ranks[into.count] = rank;
  into.starts[into.count] = start;
  into.ends[into.count] = end;
  into.entries[into.count] = entries;
  into.count++;
}

class CompiledMatcher implements Matcher {
  private readonly forward: Trie;
  private readonly backward: Trie;
  private readonly hasSuffixWords: boolean;
  /**
   * One pass over the folded text finds the pre-filter strings of normalised-text patterns (the
   * first `normalisedLiterals` strings) and the infix keys (in lexicon order, after them).
   */
  private readonly foldedAutomaton: Automaton | null;
  private readonly normalisedLiterals: number;
  private readonly normalisedIds: readonly number[];
  private readonly infixEntries: CompiledEntry[][];
  private readonly patterns: CompiledPattern[];
  private readonly originalAutomaton: Automaton | null;
  private readonly originalIds: readonly number[];
  /** Set when a pre-filter string is unusual: the gates then run as regular expressions. */
  private readonly regexGates: {
    original: (text: string, found: Set<string>) => void;
    normalised: (text: string, found: Set<string>) => void;
  } | null;
  /** Per pre-filter string, whether it is present in the comment being matched. */
  private readonly present: Uint8Array;
  /** Per pre-filter string, the patterns that require it. */
  private readonly literalPatterns: number[][];
  /** Per pattern, whether it runs for the comment being matched; and those that always run. */
  private readonly runs: Uint8Array;
  private readonly alwaysRuns: Uint8Array;
  /** Whether the original-text gate may lowercase the comment unit by unit. */
  private readonly lowerByUnit: boolean;
  private readonly hasOriginalLiterals: boolean;
  /** The original-text gate for comments with a unit that does not lowercase on its own. */
  private readonly originalRegexGate: (text: string, found: Set<string>) => void;

  // Per-call state (the matcher is synchronous and not re-entrant).
  private readonly phrasesFound = collector();
  private readonly compoundPhrasesFound = collector();
  private readonly startsFound = collector();
  private readonly endsFound = collector();
  private original = '';
  private norm: NormalisedCodes | null = null;
  private hits: Hit[] = [];

  constructor(parts: MatcherParts) {
    this.forward = parts.forward;
    this.backward = parts.backward;
    this.hasSuffixWords = parts.hasSuffixWords;
    this.foldedAutomaton = parts.foldedAutomaton;
    this.normalisedLiterals = parts.normalisedLiterals;
    this.normalisedIds = parts.normalisedIds;
    this.infixEntries = parts.infixEntries;
    this.patterns = parts.patterns;
    this.originalAutomaton = parts.originalAutomaton;
    this.originalIds = parts.originalIds;
    this.regexGates = parts.regexGates;
    this.present = new Uint8Array(Math.max(1, parts.literalCount));
    this.literalPatterns = Array.from({ length: parts.literalCount }, () => []);
    this.patterns.forEach((pattern, index) => {
      for (const id of pattern.requireIds) this.literalPatterns[id]?.push(index);
    });
    this.runs = new Uint8Array(parts.patterns.length);
    this.alwaysRuns = Uint8Array.from(this.patterns, (pattern) => (pattern.requires.length === 0 ? 1 : 0));
    this.lowerByUnit = parts.lowerByUnit;
    this.hasOriginalLiterals = parts.hasOriginalLiterals;
    this.originalRegexGate = parts.originalRegexGate;
  }

  match(original: string, normalised: NormalisedText): Hit[] {
    const { length } = normalised.text;
    const codes: NormalisedCodes = {
      length,
      codes: codesOf(normalised.text),
      origStart: Int32Array.from(normalised.origStart),
      origEnd: Int32Array.from(normalised.origEnd),
    };
    const hits: Hit[] = [];
    this.matchCodes(original, codes, hits, undefined, normalised.text);
    return hits;
  }

  matchCodes(
    original: string,
    normalised: NormalisedCodes,
    hits: Hit[],
    originalCodes?: Uint16Array,
    text?: string,
  ): void {
    this.original = original;
    this.norm = normalised;
    this.hits = hits;
    const { codes, length } = normalised;
    // One pass: the tokens between spaces, and the strings of the folded automaton.
    const automaton = this.foldedAutomaton;
    if (automaton === null) {
      let start = 1;
      for (let i = 1; i < length; i++) {
        if (codes[i] !== SPACE) continue;
        if (i > start) this.matchToken(codes, length, start, i);
        start = i + 1;
      }
    } else {
      automaton.found.count = 0;
      const { symbols, width, delta, hasOutput } = automaton;
      let state = 0;
      let start = 1;
      for (let i = 0; i < length; i++) {
        const code = codes[i] ?? 0;
        state = delta[state * width + (symbols[code] ?? 0)] ?? 0;
        if (hasOutput[state] === 1) automaton.record(state, i);
        if (code !== SPACE) continue;
        if (i > start) this.matchToken(codes, length, start, i);
        start = i + 1;
      }
      this.matchInfixes(automaton);
    }
    if (this.patterns.length > 0) this.matchPatterns(original, normalised, text, originalCodes);
    this.original = '';
    this.norm = null;
    this.hits = [];
  }

  private matchToken(codes: Uint16Array, length: number, start: number, end: number): void {
    const tokenLength = end - start;
    const phrases = this.phrasesFound;
    const compoundPhrases = this.compoundPhrasesFound;
    const starts = this.startsFound;
    phrases.count = 0;
    compoundPhrases.count = 0;
    starts.count = 0;
    let prefixGate = false;
    const { alpha, width, table, infos } = this.forward;
    let node = 0;
    let p = start;
    while (p < length) {
      const letter = alpha[codes[p] ?? 0] ?? 0;
      if (letter === 0) break;
      node = table[node * width + letter] ?? 0;
      if (node === 0) break;
      p++;
      const info = infos[node];
      if (info === undefined) continue;
      const depth = p - start;
      if (depth <= tokenLength) {
        if (depth === GATE) prefixGate = info.gate;
        if (info.prefixWord !== null) collect(starts, info.prefixWordRank, info.prefixWord, start, p);
        if (depth === tokenLength && info.word !== null) this.emit(info.word, start, end);
      } else {
        if (info.wordPhrase !== null && p < length && codes[p] === SPACE) {
          collect(phrases, info.wordPhraseRank, info.wordPhrase, start, p);
        }
        if (info.prefixPhrase !== null) {
          collect(compoundPhrases, info.prefixPhraseRank, info.prefixPhrase, start, p);
        }
      }
    }
    if (phrases.count > 0) this.emitCollected(phrases);
    if (compoundPhrases.count > 0) this.emitCollected(compoundPhrases);
    // Compound starts count only when the token's first GATE letters begin some compound start key.
    if (starts.count > 0 && prefixGate && tokenLength >= GATE) this.emitCollected(starts);
    if (this.hasSuffixWords && tokenLength >= GATE) this.matchSuffixes(codes, start, end);
  }

  private matchSuffixes(codes: Uint16Array, start: number, end: number): void {
    const found = this.endsFound;
    found.count = 0;
    let gate = false;
    const { alpha, width, table, infos } = this.backward;
    let node = 0;
    for (let p = end - 1; p >= start; p--) {
      const letter = alpha[codes[p] ?? 0] ?? 0;
      if (letter === 0) break;
      node = table[node * width + letter] ?? 0;
      if (node === 0) break;
      const info = infos[node];
      if (info === undefined) continue;
      if (end - p === GATE) gate = info.gate;
      if (info.suffixWord !== null) collect(found, info.suffixWordRank, info.suffixWord, p, end);
    }
    if (found.count > 0 && gate) this.emitCollected(found);
  }

  /** Emits collected matches in rank order (ranks are distinct within one token). */
  private emitCollected(found: Collected): void {
    const { count, ranks, starts, ends, entries } = found;
    if (count === 1) {
      this.emit(entries[0] as CompiledEntry[], starts[0] ?? 0, ends[0] ?? 0);
      return;
    }
    let previous = -1;
    for (let n = 0; n < count; n++) {
      let best = -1;
      for (let i = 0; i < count; i++) {
        const rank = ranks[i] ?? 0;
        if (rank > previous && (best < 0 || rank < (ranks[best] ?? 0))) best = i;
      }
      if (best < 0) break;
      previous = ranks[best] ?? 0;
      this.emit(entries[best] as CompiledEntry[], starts[best] ?? 0, ends[best] ?? 0);
    }
  }

  /** Every occurrence of every infix key, by key (in lexicon order), then by position. */
  private matchInfixes(automaton: Automaton): void {
    const { count, index, start } = automaton.found;
    const first = this.normalisedLiterals;
    // Emit in (key, position) order: repeatedly take the smallest remaining pair.
    let previousKey = -1;
    let previousStart = -1;
    for (let n = 0; n < count; n++) {
      let best = -1;
      let bestKey = 0;
      let bestStart = 0;
      for (let i = 0; i < count; i++) {
        const key = index[i] ?? 0;
        if (key < first) continue;
        const at = start[i] ?? 0;
        const after = key > previousKey || (key === previousKey && at > previousStart);
        if (!after) continue;
        if (best < 0 || key < bestKey || (key === bestKey && at < bestStart)) {
          best = i;
          bestKey = key;
          bestStart = at;
        }
      }
      if (best < 0) break;
      previousKey = bestKey;
      previousStart = bestStart;
      const keyLength = automaton.lengths[bestKey] ?? 0;
      this.emit(this.infixEntries[bestKey - first] ?? [], bestStart, bestStart + keyLength);
    }
  }

  /** Marks a pre-filter string present: the patterns that require it run. */
  markPresent(id: number): void {
    if (this.present[id] === 1) return;
    this.present[id] = 1;
    for (const pattern of this.literalPatterns[id] ?? []) this.runs[pattern] = 1;
  }

  private matchPatterns(
    original: string,
    normalised: NormalisedCodes,
    knownText: string | undefined,
    originalCodes: Uint16Array | undefined,
  ): void {
    this.present.fill(0);
    this.runs.set(this.alwaysRuns);
    if (this.regexGates) {
      const found = new Set<string>();
      this.regexGates.original(original.toLowerCase(), found);
      this.regexGates.normalised(foldSwedish(decode(normalised.codes, normalised.length)), found);
      for (const pattern of this.patterns) {
        pattern.requires.forEach((item, i) => {
          if (found.has(item)) this.markPresent(pattern.requireIds[i] ?? 0);
        });
      }
    } else {
      if (this.hasOriginalLiterals) {
        const lowered =
          this.originalAutomaton !== null &&
          originalCodes !== undefined &&
          this.originalAutomaton.scan(originalCodes, original.length);
        if (lowered && this.originalAutomaton !== null) {
          markFirst(this.originalAutomaton, this.originalIds.length, this.originalIds, this);
        } else {
          const found = new Set<string>();
          this.originalRegexGate(original.toLowerCase(), found);
          for (const pattern of this.patterns) {
            pattern.requires.forEach((item, i) => {
              if (found.has(item)) this.markPresent(pattern.requireIds[i] ?? 0);
            });
          }
        }
      }
      if (this.foldedAutomaton !== null && this.normalisedLiterals > 0) {
        markFirst(this.foldedAutomaton, this.normalisedLiterals, this.normalisedIds, this);
      }
    }
    let text = knownText;
    const { patterns, runs } = this;
    for (let index = 0; index < patterns.length; index++) {
      if (runs[index] !== 1) continue;
      const pattern = patterns[index] as CompiledPattern;
      if (pattern.onOriginal) {
        this.scanPattern(pattern, original);
      } else {
        text ??= decode(normalised.codes, normalised.length);
        this.scanPattern(pattern, text);
      }
    }
  }

  private scanPattern(pattern: CompiledPattern, text: string): void {
    const { regex, entry, entries, onOriginal } = pattern;
    if (pattern.afterEdge !== null) {
      this.scanAfterEdge(pattern.afterEdge, entries, text);
      return;
    }
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const matched = m[0].length;
      if (matched > 0) {
        if (onOriginal) this.hits.push(hitOf(entry, m.index, m.index + matched));
        else this.emit(entries, m.index, m.index + matched);
      }
      regex.lastIndex = m.index + Math.max(1, matched);
      if (text.charCodeAt(regex.lastIndex - 1) >= 0xd800 && text.charCodeAt(regex.lastIndex - 1) <= 0xdbff) {
        regex.lastIndex++;
      }
    }
  }

  /**
   * Scans the normalised text as the whole pattern (word edge + rest) would: the leftmost match
   * of the whole pattern is the leftmost match of the rest at a position where the edge holds
   * (a space before or at it), since the edge only asserts and the rest matches the same there.
   */
  private scanAfterEdge(regex: RegExp, entries: readonly CompiledEntry[], text: string): void {
    const codes = (this.norm as NormalisedCodes).codes;
    const length = text.length;
    let from = 0;
    while (from <= length) {
      regex.lastIndex = from;
      const m = regex.exec(text);
      if (m === null) return;
      const at = m.index;
      const edge = (at > 0 && codes[at - 1] === SPACE) || (at < length && codes[at] === SPACE);
      if (!edge) {
        from = at + 1;
        continue;
      }
      const matched = m[0].length;
      if (matched > 0) this.emit(entries, at, at + matched);
      from = at + Math.max(1, matched);
      if (text.charCodeAt(from - 1) >= 0xd800 && text.charCodeAt(from - 1) <= 0xdbff) from++;
    }
  }

  private emit(entries: readonly CompiledEntry[], start: number, end: number): void {
    const norm = this.norm as NormalisedCodes;
    for (const entry of entries) {
      if (!entry.isPattern) {
        const ok = entry.noFold
          ? sameCodes(norm.codes, start, end, entry.keyCodes)
          : keepsDiacritics(norm.codes, start, end, entry.keyCodes);
        if (!ok) continue;
      }
      const origS = norm.origStart[start] ?? 0;
      const origE = end - 1 < norm.length ? (norm.origEnd[end - 1] ?? origS) : origS;
      if (entry.capital && !isCapital(this.original, origS)) continue;
      this.hits.push(hitOf(entry, origS, origE));
    }
  }
}

type Gate = (text: string, found: Set<string>) => void;

/** What a compiled matcher is made of, built by `compileSteps`. */
interface MatcherParts {
  forward: Trie;
  backward: Trie;
  hasSuffixWords: boolean;
  foldedAutomaton: Automaton | null;
  normalisedLiterals: number;
  normalisedIds: readonly number[];
  infixEntries: CompiledEntry[][];
  patterns: CompiledPattern[];
  originalAutomaton: Automaton | null;
  originalIds: readonly number[];
  regexGates: { original: Gate; normalised: Gate } | null;
  literalCount: number;
  lowerByUnit: boolean;
  hasOriginalLiterals: boolean;
  originalRegexGate: Gate;
}

/**
 * Compiles lexicons into a matcher, a step at a time: it yields after each file and between
 * the stages, so that a caller can spread the work over several tasks (the built-in lexicons
 * take ~30-50 ms in a content script's first moments, too long for one task).
 */
export function* compileSteps(files: readonly LexiconFile[]): Generator<void, Matcher> {
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
      tables[mode].add(key, compiled(file, entry, key, false), mode);
    }
    yield;
  }
  const forward = new TrieBuilder();
  for (const [key, entries] of tables.word.words) forward.info(key).word = entries;
  for (const list of tables.word.phrases.values()) {
    list.forEach((phrase, rank) => {
      const info = forward.info(phrase.key);
      info.wordPhrase = phrase.entries;
      info.wordPhraseRank = rank;
    });
  }
  for (const list of tables.prefix.phrases.values()) {
    list.forEach((phrase, rank) => {
      const info = forward.info(phrase.key);
      info.prefixPhrase = phrase.entries;
      info.prefixPhraseRank = rank;
    });
  }
  for (const [key, entries] of tables.prefix.words) {
    const info = forward.info(key);
    info.prefixWord = entries;
    info.prefixWordRank = tables.prefix.lengths.indexOf(key.length);
  }
  // A token is looked up for compound starts only if its first GATE letters begin some key.
  for (const gate of tables.prefix.gates) if (gate.length === GATE) forward.info(gate).gate = true;
  yield;
  const backward = new TrieBuilder();
  for (const gate of tables.suffix.gates) if (gate.length === GATE) backward.info(gate, true).gate = true;
  for (const [key, entries] of tables.suffix.words) {
    const info = backward.info(key, true);
    info.suffixWord = entries;
    info.suffixWordRank = tables.suffix.lengths.indexOf(key.length);
  }
  // Suffix and infix phrases are never looked up.
  yield;
  const forwardTrie = new Trie(forward);
  yield;
  const backwardTrie = new Trie(backward);
  yield;

  const originalLiterals = sortedLiterals(patterns.filter((pattern) => pattern.onOriginal));
  const normalisedLiterals = sortedLiterals(patterns.filter((pattern) => !pattern.onOriginal));
  const ids = new Map<string, number>();
  for (const literal of [
    ...originalLiterals,
    ...normalisedLiterals,
    ...patterns.flatMap((p) => p.requires),
  ]) {
    if (!ids.has(literal)) ids.set(literal, ids.size);
  }
  const idsOf = (literals: readonly string[]) => literals.map((literal) => ids.get(literal) ?? 0);
  const lowerByUnit = originalLiterals.every(lowersByUnit);
  const originalAutomaton =
    originalLiterals.length > 0 && lowerByUnit ? new Automaton(originalLiterals, 'lowercase') : null;
  yield;
  const foldedStrings = [...normalisedLiterals, ...tables.infix.words.keys()];
  const foldedAutomaton = foldedStrings.length > 0 ? new Automaton(foldedStrings, 'folded') : null;
  yield;
  return new CompiledMatcher({
    forward: forwardTrie,
    backward: backwardTrie,
    hasSuffixWords: tables.suffix.words.size > 0,
    foldedAutomaton,
    normalisedLiterals: normalisedLiterals.length,
    normalisedIds: idsOf(normalisedLiterals),
    infixEntries: [...tables.infix.words.values()],
    patterns: patterns.map((pattern) => ({
      ...pattern,
      requireIds: pattern.requires.map((item) => ids.get(item) ?? 0),
    })),
    originalAutomaton,
    originalIds: idsOf(originalLiterals),
    regexGates: [...originalLiterals, ...normalisedLiterals].some(unusualLiteral)
      ? { original: regexGate(originalLiterals), normalised: regexGate(normalisedLiterals) }
      : null,
    literalCount: ids.size,
    lowerByUnit,
    hasOriginalLiterals: originalLiterals.length > 0,
    originalRegexGate: regexGate(originalLiterals),
  });
}

export function compileMatcher(files: readonly LexiconFile[]): Matcher {
  const steps = compileSteps(files);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function sameCodes(codes: Uint16Array, start: number, end: number, key: Uint16Array): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (codes[start + i] !== key[i]) return false;
  return true;
}

/** "javla" may match the key "jävla", but "höra" must not match "hora". */
function keepsDiacritics(codes: Uint16Array, start: number, end: number, key: Uint16Array): boolean {
  for (let i = start; i < end; i++) {
    const code = codes[i] ?? 0;
    if ((code === 0xe5 || code === 0xe4 || code === 0xf6) && key[i - start] !== code) return false;
  }
  return true;
}

function hitOf(entry: CompiledEntry, start: number, end: number): Hit {
  return { group: entry.group, role: entry.role, weight: entry.weight, rule: entry.rule, start, end };
}

function isCapital(original: string, offset: number): boolean {
  const char = original.charAt(offset);
  return char !== char.toLowerCase();
}
