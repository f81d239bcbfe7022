/**
 * The comment classifier: a pure, deterministic function of the text and the user's settings.
 * It follows ../../../shared/policy/LABELS.md: any flag makes the category offensive_confidential,
 * then fault_report, then question, else praise.
 */
import type { CategoryId, FlagId, HintId } from '../policy/labels';
import { detectIdentifiers } from './confidential';
import { CUE_TABLES, FLAG_LEXICONS } from './lexicon';
import { compileSteps, type Matcher } from './matcher';
import { inputCodes, normaliseCodes } from './normalise';
import { decideFlags, dropQuoted, type FlagResult, HitIndex } from './rules';
import { analyseStructure } from './text-structure';
import type { Classification, ClassifierSettings, Evidence, Hit, LexiconFile } from './types';

export type { Classification, ClassifierSettings, Evidence, LabelClassification } from './types';

export { CLASSIFIER_VERSION } from './version';

let builtIn: Matcher | null = null;
let compiling: Generator<void, Matcher> | null = null;

/** Compiled user words, keyed by the settings' extraWords object (an invisible memo). */
const userMatchers = new WeakMap<object, Matcher | null>();
const userCompiling = new WeakMap<object, Generator<void, Matcher | null>>();

/**
 * Does one step of compiling the built-in lexicons (~30-50 ms in all in a content script's
 * first moments), then the user's words of `settings`; returns whether any is left. A content
 * script spreads the steps over tasks of its own; `classify` finishes whatever is left.
 */
export function prepareClassifierStep(settings?: ClassifierSettings): boolean {
  if (!builtIn) {
    compiling ??= compileSteps([...FLAG_LEXICONS, ...CUE_TABLES]);
    const step = compiling.next();
    if (!step.done) return true;
    builtIn = step.value;
    compiling = null;
  }
  const extra = settings?.extraWords;
  if (!extra || userMatchers.has(extra)) return false;
  let steps = userCompiling.get(extra);
  if (!steps) {
    steps = compileUserWords(extra);
    userCompiling.set(extra, steps);
  }
  const step = steps.next();
  if (!step.done) return true;
  userMatchers.set(extra, step.value);
  userCompiling.delete(extra);
  return false;
}

export function prepareClassifier(settings?: ClassifierSettings): void {
  while (prepareClassifierStep(settings)) {
    // each step is a file or a stage of the compilation
  }
}

function* compileUserWords(
  extra: NonNullable<ClassifierSettings['extraWords']>,
): Generator<void, Matcher | null> {
  const files: LexiconFile[] = [];
  for (const [flag, words] of Object.entries(extra) as [FlagId, readonly string[] | undefined][]) {
    const entries = (words ?? [])
      .map((word) => word.trim())
      .filter((word) => word.replace(/\*$/, '').length > 0)
      .map((word) => ({
        word: word.replace(/\*$/, ''),
        match: word.endsWith('*') ? ('prefix' as const) : ('word' as const),
        note: 'user word',
        example: word,
      }));
    if (entries.length > 0) files.push({ group: flag, lang: 'user', entries });
  }
  return files.length > 0 ? yield* compileSteps(files) : null;
}

interface CategoryDecision {
  category: CategoryId;
  hits: Hit[];
  confidence: number;
}

function decideCategory(index: HitIndex, flags: readonly FlagResult[]): CategoryDecision {
  const question = questionScore(index);
  if (flags.length > 0) {
    let strength = -Infinity;
    const hits: Hit[] = [];
    for (const flag of flags) {
      if (flag.strength > strength) strength = flag.strength;
      for (const hit of flag.hits) hits.push(hit);
    }
    const unsure = strength <= 0.7 && question.score >= 2;
    return { category: 'offensive_confidential', hits, confidence: unsure ? 0.55 : strength };
  }
  const fault = faultScore(index);
  if (fault.isFault) {
    const weakFault = fault.stateWeight < 2;
    const confidence = weakFault && question.requests > 0 ? 0.55 : weakFault ? 0.7 : 0.85;
    return { category: 'fault_report', hits: fault.hits(), confidence };
  }
  if (question.score >= 2) {
    const confidence = question.hasMark ? 0.85 : question.requests > 0 ? 0.75 : 0.6;
    return { category: 'question', hits: question.hits(), confidence };
  }
  const praise = index.of('praise');
  const conflicting = question.score > 0 && praise.length === 0;
  const confidence = praise.length > 0 ? 0.85 : conflicting ? 0.55 : 0.65;
  return { category: 'praise', hits: praise, confidence };
}

function faultScore(index: HitIndex) {
  // index.of('fault', ['state']) and index.of('fault', ['object']) in one pass.
  const states: Hit[] = [];
  const objects: Hit[] = [];
  for (const hit of index.of('fault')) {
    if (hit.role === 'state') states.push(hit);
    else if (hit.role === 'object') objects.push(hit);
  }
  const stateWeight = index.weight(states);
  const isFault = stateWeight >= 2 || (stateWeight >= 1 && objects.length > 0);
  return { isFault, stateWeight, hits: () => [...states, ...objects] };
}

function questionScore(index: HitIndex) {
  // The question cues by role, each in text order, in one pass.
  const marks: Hit[] = [];
  const interrogatives: Hit[] = [];
  const requests: Hit[] = [];
  const complaints: Hit[] = [];
  let social = 0;
  for (const hit of index.of('question')) {
    switch (hit.role) {
      case 'mark':
        marks.push(hit);
        break;
      case 'interrogative':
        interrogatives.push(hit);
        break;
      case 'request':
        requests.push(hit);
        break;
      case 'complaint':
        complaints.push(hit);
        break;
      case 'social':
        social++;
        break;
    }
  }
  const openers = interrogatives.filter(
    (hit) => index.structure.startsSentence(hit.start) && !index.structure.exclaims(hit.start),
  );
  const openerWeight = Math.min(2, index.weight(openers));
  let score = (marks.length > 0 ? 2 : 0) + openerWeight + index.weight(requests) + index.weight(complaints);
  if (social > 0 && requests.length === 0) score = Math.min(score, 1);
  return {
    score,
    hasMark: marks.length > 0,
    requests: requests.length,
    hits: () => [...marks, ...openers, ...requests, ...complaints],
  };
}

/**
 * Appends the evidence of `hits` for one target to `out`, in text order, each span and rule once.
 * (Every target is evidenced by one call, so duplicates can only come from the same call.)
 */
function addEvidence(text: string, target: Evidence['target'], hits: readonly Hit[], out: Evidence[]): void {
  const from = out.length;
  let keys: Set<string> | null = null;
  for (const hit of hits) {
    if (hit.end <= hit.start) continue;
    if (out.length - from >= 16) {
      // Many hits: a set of keys instead of comparing with every earlier one.
      if (keys === null) {
        keys = new Set<string>();
        for (let i = from; i < out.length; i++) {
          const item = out[i] as Evidence;
          keys.add(`${item.start}|${item.end}|${item.rule}`);
        }
      }
      const key = `${hit.start}|${hit.end}|${hit.rule}`;
      if (keys.has(key)) continue;
      keys.add(key);
    } else {
      let duplicate = false;
      for (let i = from; i < out.length; i++) {
        const item = out[i] as Evidence;
        if (item.start === hit.start && item.end === hit.end && item.rule === hit.rule) {
          duplicate = true;
          break;
        }
      }
      if (duplicate) continue;
    }
    out.push({
      target,
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      rule: hit.rule,
    });
  }
  if (out.length - from > 1) sortEvidence(out, from);
}

/** Sorts out[from…] by start, then end, keeping the order of ties (a stable insertion sort). */
function sortEvidence(out: Evidence[], from: number): void {
  if (out.length - from > 32) {
    const sorted = out.slice(from).sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < sorted.length; i++) out[from + i] = sorted[i] as Evidence;
    return;
  }
  for (let i = from + 1; i < out.length; i++) {
    const item = out[i] as Evidence;
    let j = i - 1;
    while (j >= from) {
      const other = out[j] as Evidence;
      if (other.start < item.start || (other.start === item.start && other.end <= item.end)) break;
      out[j + 1] = other;
      j--;
    }
    out[j + 1] = item;
  }
}

export function classify(text: string, settings?: ClassifierSettings): Classification {
  // Compiled first: compiling normalises the lexicons' words, which reuses the scratch buffers.
  prepareClassifier(settings);
  const extra = settings?.extraWords ? (userMatchers.get(settings.extraWords) ?? null) : null;
  const codes = inputCodes(text);
  const structure = analyseStructure(text);
  const normalised = normaliseCodes(codes, text.length);
  const raw: Hit[] = [];
  (builtIn as Matcher).matchCodes(text, normalised, raw, codes);
  const identifiers = detectIdentifiers(text, codes);
  for (const hit of identifiers) raw.push(hit);
  if (extra) extra.matchCodes(text, normalised, raw, codes);
  const index = new HitIndex(dropQuoted(raw, structure), structure);

  const flags = decideFlags(index);
  const decision = decideCategory(index, flags);
  const hints: HintId[] = [];
  const political = index.of('political');
  const isPolitical = decision.category === 'question' && index.weight(political) >= 2;
  if (isPolitical) hints.push('political');
  if (decision.confidence < 0.6) hints.push('needs_review');

  const evidence: Evidence[] = [];
  const flagIds: FlagId[] = [];
  for (const flag of flags) {
    flagIds.push(flag.flag);
    addEvidence(text, flag.flag, flag.hits, evidence);
  }
  addEvidence(text, decision.category, decision.hits, evidence);
  if (isPolitical) addEvidence(text, 'political', political, evidence);
  return {
    category: decision.category,
    flags: flagIds,
    hints,
    evidence,
    confidence: decision.confidence,
  };
}
