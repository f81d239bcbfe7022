/**
 * Decides flags, category and hints from the hits of lexicons, cue tables and detectors.
 * Each flag has a rule over roles: a strong entry fires alone, weaker cues need company
 * (a group word and contempt in one sentence, a violent act and an exhortation, …).
 */
import type { FlagId } from '../policy/labels';
import type { TextStructure } from './text-structure';
import type { Group, Hit } from './types';

export interface FlagResult {
  flag: FlagId;
  hits: Hit[];
  /** How sure the rule is: 0.9 for a strong entry, less for a combination of weaker cues. */
  strength: number;
}

/** Returned for a group or role without hits; shared, so never modified. */
const NO_HITS: Hit[] = [];

/** Hits of one comment, indexed by group and role. Lists it returns must not be modified. */
export class HitIndex {
  private readonly byGroup = new Map<Group, Hit[]>();

  constructor(
    hits: readonly Hit[],
    readonly structure: TextStructure,
  ) {
    for (const hit of hits) {
      const list = this.byGroup.get(hit.group);
      if (list) list.push(hit);
      else this.byGroup.set(hit.group, [hit]);
    }
  }

  /** The hits of `group` in text order, only those with one of `roles` when given. */
  of(group: Group, roles?: readonly string[]): Hit[] {
    const hits = this.byGroup.get(group);
    if (hits === undefined) return NO_HITS;
    if (roles === undefined) return hits;
    let out: Hit[] | null = null;
    for (const hit of hits) {
      if (roles.includes(hit.role)) {
        if (out === null) out = [hit];
        else out.push(hit);
      }
    }
    return out ?? NO_HITS;
  }

  has(group: Group): boolean {
    return this.byGroup.has(group);
  }

  weight(hits: readonly Hit[]): number {
    let sum = 0;
    for (const hit of hits) sum += hit.weight;
    return sum;
  }

  sameSentence(a: Hit, b: Hit): boolean {
    return this.structure.sentenceOf(a.start) === this.structure.sentenceOf(b.start);
  }
}

/** Flags whose words are not meant when they stand in quotation marks (reported speech). */
const QUOTE_SENSITIVE = new Set<Group>([
  'profanity',
  'personal_attack',
  'hate_speech',
  'incitement',
  'offensive_personal_data',
]);

export function dropQuoted(hits: readonly Hit[], structure: TextStructure): Hit[] {
  return hits.filter((hit) => !(QUOTE_SENSITIVE.has(hit.group) && structure.isQuoted(hit.start)));
}

const MAIN = ['main'];
const WEAK = ['weak'];
const SPECIFIC_PERSON = ['role', 'relative', 'family', 'pupil', 'mention', 'name'];
const ATTACK_TARGET = [...SPECIFIC_PERSON, 'second', 'third'];
const ROLE_OR_NAME = ['role', 'name'];
const THIRD = ['third'];
const IDENTIFIER = ['identifier'];
const SENSITIVE = ['sensitive'];
const PROTECTED = ['protected'];
const ID_NUMBER_OR_ACCOUNT = ['id-number', 'bank-account'];
const GROUP = ['group'];
const CONTEMPT = ['contempt'];
const ACT = ['act'];
const EXHORT = ['exhort'];
const GORE = ['gore'];
const MEDIA = ['media'];
const GOODS = ['goods'];
const SALE = ['sale'];
const PRIVATE = ['private'];
const DEGRADING = ['degrading'];
const MARK = ['mark'];

function strong(index: HitIndex, flag: FlagId): Hit[] {
  const hits = index.of(flag, MAIN);
  return index.weight(hits) >= 2 ? hits : NO_HITS;
}

/** Cues of `roles` that share a sentence with one of `anchors`. */
function pairedInSentence(index: HitIndex, anchors: readonly Hit[], partners: readonly Hit[]): Hit[] {
  if (anchors.length === 0 || partners.length === 0) return NO_HITS;
  const out: Hit[] = [];
  for (const anchor of anchors) {
    const mates = partners.filter((partner) => index.sameSentence(anchor, partner));
    if (mates.length > 0) out.push(anchor, ...mates);
  }
  return out;
}

/** Identifiable people: names, roles, relatives; a bare "hon" counts only if someone is named. */
function identifiablePeople(index: HitIndex): Hit[] {
  if (!index.has('person') && !index.has('confidential')) return NO_HITS;
  const specific = index.of('person', SPECIFIC_PERSON).concat(index.of('confidential', IDENTIFIER));
  if (specific.length === 0) return NO_HITS;
  return specific.concat(index.of('person', THIRD));
}

function personalAttack(index: HitIndex): FlagResult | null {
  if (!index.has('personal_attack') && !index.has('profanity')) return null;
  const direct = strong(index, 'personal_attack');
  if (direct.length > 0) return { flag: 'personal_attack', hits: direct, strength: 0.9 };
  const weak = index.of('personal_attack', WEAK);
  if (weak.length > 0) {
    const targets = index.of('person', ATTACK_TARGET);
    for (const hit of weak) {
      const sentenceWeak = weak.filter((other) => index.sameSentence(hit, other));
      const sentenceTargets = targets.filter((target) => index.sameSentence(hit, target));
      if (index.weight(sentenceWeak) >= 2 && sentenceTargets.length > 0) {
        return { flag: 'personal_attack', hits: [...sentenceWeak, ...sentenceTargets], strength: 0.75 };
      }
    }
  }
  const swears = index.of('profanity');
  if (swears.length === 0) return null;
  const named = index.of('person', ROLE_OR_NAME);
  for (const swear of swears) {
    const person = named.find((target) => target.start >= swear.end && target.start - swear.end <= 2);
    if (person) return { flag: 'personal_attack', hits: [swear, person], strength: 0.75 };
  }
  return null;
}

/** Contempt for a group in one sentence, or a threat or call to crime aimed at a group. */
function hateSpeech(index: HitIndex, incited: FlagResult | null): FlagResult | null {
  if (!index.has('hate_speech')) return null;
  const direct = strong(index, 'hate_speech');
  if (direct.length > 0) return { flag: 'hate_speech', hits: direct, strength: 0.9 };
  const groups = index.of('hate_speech', GROUP);
  if (groups.length === 0) return null;
  const paired = pairedInSentence(index, groups, index.of('hate_speech', CONTEMPT));
  if (paired.length > 0) return { flag: 'hate_speech', hits: paired, strength: 0.75 };
  const threatened = incited
    ? pairedInSentence(index, groups, incited.hits.concat(index.of('incitement')))
    : [];
  return threatened.length > 0 ? { flag: 'hate_speech', hits: threatened, strength: 0.75 } : null;
}

function incitement(index: HitIndex): FlagResult | null {
  if (!index.has('incitement')) return null;
  const direct = strong(index, 'incitement');
  if (direct.length > 0) return { flag: 'incitement', hits: direct, strength: 0.9 };
  const acts = index.of('incitement', ACT);
  const imperative = acts.filter((act) => index.structure.startsSentence(act.start));
  if (imperative.length > 0) return { flag: 'incitement', hits: imperative, strength: 0.7 };
  const paired = pairedInSentence(index, acts, index.of('incitement', EXHORT));
  return paired.length > 0 ? { flag: 'incitement', hits: paired, strength: 0.7 } : null;
}

function violencePorn(index: HitIndex): FlagResult | null {
  if (!index.has('violence_porn')) return null;
  const direct = strong(index, 'violence_porn');
  if (direct.length > 0) return { flag: 'violence_porn', hits: direct, strength: 0.9 };
  const gore = index.of('violence_porn', GORE);
  const media = index.of('violence_porn', MEDIA);
  return gore.length > 0 && media.length > 0
    ? { flag: 'violence_porn', hits: [...gore, ...media], strength: 0.7 }
    : null;
}

/**
 * Flags built from weighted cues. A question ("Varför kostar det 40 kr? Det var gratis förut")
 * names prices without selling, so weak cues alone need more weight there.
 */
function summed(index: HitIndex, flag: FlagId): FlagResult | null {
  const hits = index.of(flag, MAIN);
  if (hits.length === 0) return null;
  const weight = index.weight(hits);
  const hasStrong = hits.some((hit) => hit.weight >= 2);
  const asks = index.of('question', MARK).length > 0;
  if (weight < (asks && !hasStrong ? 3 : 2)) return null;
  return { flag, hits, strength: hasStrong || weight >= 3 ? 0.9 : 0.7 };
}

function illegalOther(index: HitIndex, commercial: FlagResult | null): FlagResult | null {
  if (!index.has('illegal_other')) return null;
  const direct = strong(index, 'illegal_other');
  if (direct.length > 0) return { flag: 'illegal_other', hits: direct, strength: 0.9 };
  const goods = index.of('illegal_other', GOODS);
  const sale = index.of('illegal_other', SALE).concat(commercial?.hits ?? []);
  return goods.length > 0 && sale.length > 0
    ? { flag: 'illegal_other', hits: [...goods, ...sale], strength: 0.75 }
    : null;
}

function offensivePersonalData(index: HitIndex, people: readonly Hit[]): FlagResult | null {
  if (people.length === 0 || !index.has('offensive_personal_data')) return null;
  const privateMatters = pairedInSentence(index, index.of('offensive_personal_data', PRIVATE), people);
  if (privateMatters.length > 0)
    return { flag: 'offensive_personal_data', hits: privateMatters, strength: 0.75 };
  const degrading = index.of('offensive_personal_data', DEGRADING);
  const exposed = pairedInSentence(index, index.of('confidential', SENSITIVE), people);
  if (degrading.length > 0 && exposed.length > 0) {
    return { flag: 'offensive_personal_data', hits: [...exposed, ...degrading], strength: 0.7 };
  }
  return null;
}

function confidential(index: HitIndex, people: readonly Hit[]): FlagResult | null {
  if (!index.has('confidential')) return null;
  const direct = strong(index, 'confidential').concat(index.of('confidential', ID_NUMBER_OR_ACCOUNT));
  if (direct.length > 0) return { flag: 'confidential', hits: direct, strength: 0.95 };
  const sensitive = index.of('confidential', SENSITIVE);
  const identifiers = index.of('confidential', IDENTIFIER);
  if (sensitive.length > 0 && identifiers.length > 0) {
    return { flag: 'confidential', hits: [...sensitive, ...identifiers], strength: 0.8 };
  }
  const aboutSomeone = pairedInSentence(index, sensitive, people);
  if (aboutSomeone.length > 0) return { flag: 'confidential', hits: aboutSomeone, strength: 0.7 };
  const protectedId = index.of('confidential', PROTECTED);
  if (protectedId.length > 0 && people.length > 0) {
    return { flag: 'confidential', hits: [...protectedId, ...people], strength: 0.8 };
  }
  return null;
}

/** The flags in the order of FLAG_IDS (the order the rules run in). */
export function decideFlags(index: HitIndex): FlagResult[] {
  const commercial = summed(index, 'commercial');
  const incited = incitement(index);
  const people = identifiablePeople(index);
  const found: FlagResult[] = [];
  const add = (result: FlagResult | null) => {
    if (result !== null) found.push(result);
  };
  add(personalAttack(index));
  const profanity = strong(index, 'profanity');
  if (profanity.length > 0) found.push({ flag: 'profanity', hits: profanity, strength: 0.9 });
  add(commercial);
  add(hateSpeech(index, incited));
  add(summed(index, 'copyright'));
  add(violencePorn(index));
  add(incited);
  add(illegalOther(index, commercial));
  add(offensivePersonalData(index, people));
  add(confidential(index, people));
  return found;
}
