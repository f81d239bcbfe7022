/**
 * The comment classifier: a pure, deterministic function of the text and the user's settings.
 * It follows ../../../shared/policy/LABELS.md: any flag makes the category offensive_confidential,
 * then fault_report, then question, else praise.
 */
import type { CategoryId, FlagId, HintId } from '../policy/labels';
import { detectIdentifiers } from './confidential';
import { CUE_TABLES, FLAG_LEXICONS } from './lexicon';
import { compileMatcher, type Matcher } from './matcher';
import { normalise } from './normalise';
import { decideFlags, dropQuoted, type FlagResult, HitIndex } from './rules';
import { analyseStructure } from './text-structure';
import type { Classification, ClassifierSettings, Evidence, Hit, LexiconFile } from './types';

export type { Classification, ClassifierSettings, Evidence } from './types';

export const CLASSIFIER_VERSION = '1.0.0';

const BUILT_IN: Matcher = compileMatcher([...FLAG_LEXICONS, ...CUE_TABLES]);

/** Compiled user words, keyed by the settings' extraWords object (an invisible memo). */
const userMatchers = new WeakMap<object, Matcher | null>();

function userMatcher(settings: ClassifierSettings | undefined): Matcher | null {
  const extra = settings?.extraWords;
  if (!extra) return null;
  const cached = userMatchers.get(extra);
  if (cached !== undefined) return cached;
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
  const matcher = files.length > 0 ? compileMatcher(files) : null;
  userMatchers.set(extra, matcher);
  return matcher;
}

interface CategoryDecision {
  category: CategoryId;
  hits: Hit[];
  confidence: number;
}

function decideCategory(index: HitIndex, flags: readonly FlagResult[]): CategoryDecision {
  const question = questionScore(index);
  if (flags.length > 0) {
    const strength = Math.max(...flags.map((flag) => flag.strength));
    const unsure = strength <= 0.7 && question.score >= 2;
    return {
      category: 'offensive_confidential',
      hits: flags.flatMap((flag) => flag.hits),
      confidence: unsure ? 0.55 : strength,
    };
  }
  const fault = faultScore(index);
  if (fault.isFault) {
    const weakFault = fault.stateWeight < 2;
    const confidence = weakFault && question.requests > 0 ? 0.55 : weakFault ? 0.7 : 0.85;
    return { category: 'fault_report', hits: fault.hits, confidence };
  }
  if (question.score >= 2) {
    const confidence = question.hasMark ? 0.85 : question.requests > 0 ? 0.75 : 0.6;
    return { category: 'question', hits: question.hits, confidence };
  }
  const praise = index.of('praise');
  const conflicting = question.score > 0 && praise.length === 0;
  const confidence = praise.length > 0 ? 0.85 : conflicting ? 0.55 : 0.65;
  return { category: 'praise', hits: praise, confidence };
}

function faultScore(index: HitIndex) {
  const states = index.of('fault', 'state');
  const objects = index.of('fault', 'object');
  const stateWeight = index.weight(states);
  const isFault = stateWeight >= 2 || (stateWeight >= 1 && objects.length > 0);
  return { isFault, stateWeight, hits: [...states, ...objects] };
}

function questionScore(index: HitIndex) {
  const marks = index.of('question', 'mark');
  const openers = index
    .of('question', 'interrogative')
    .filter((hit) => index.structure.startsSentence(hit.start) && !index.structure.exclaims(hit.start));
  const requests = index.of('question', 'request');
  const complaints = index.of('question', 'complaint');
  const social = index.of('question', 'social');
  const openerWeight = Math.min(2, index.weight(openers));
  let score = (marks.length > 0 ? 2 : 0) + openerWeight + index.weight(requests) + index.weight(complaints);
  if (social.length > 0 && requests.length === 0) score = Math.min(score, 1);
  return {
    score,
    hasMark: marks.length > 0,
    requests: requests.length,
    hits: [...marks, ...openers, ...requests, ...complaints],
  };
}

function evidenceOf(
  text: string,
  target: Evidence['target'],
  hits: readonly Hit[],
  seen: Set<string>,
): Evidence[] {
  const out: Evidence[] = [];
  for (const hit of hits) {
    const key = `${target}|${hit.start}|${hit.end}|${hit.rule}`;
    if (seen.has(key) || hit.end <= hit.start) continue;
    seen.add(key);
    out.push({
      target,
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      rule: hit.rule,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function classify(text: string, settings?: ClassifierSettings): Classification {
  const structure = analyseStructure(text);
  const normalised = normalise(text);
  const raw = BUILT_IN.match(text, normalised).concat(detectIdentifiers(text));
  const extra = userMatcher(settings);
  if (extra) raw.push(...extra.match(text, normalised));
  const index = new HitIndex(dropQuoted(raw, structure), structure);

  const flags = decideFlags(index);
  const decision = decideCategory(index, flags);
  const hints: HintId[] = [];
  const political = index.of('political');
  const isPolitical = decision.category === 'question' && index.weight(political) >= 2;
  if (isPolitical) hints.push('political');
  if (decision.confidence < 0.6) hints.push('needs_review');

  const seen = new Set<string>();
  const evidence = [
    ...flags.flatMap((flag) => evidenceOf(text, flag.flag, flag.hits, seen)),
    ...evidenceOf(text, decision.category, decision.hits, seen),
    ...(isPolitical ? evidenceOf(text, 'political', political, seen) : []),
  ];
  return {
    category: decision.category,
    flags: flags.map((flag) => flag.flag),
    hints,
    evidence,
    confidence: decision.confidence,
  };
}
