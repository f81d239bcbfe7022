/**
 * The fixed ids of ../shared/policy/LABELS.md: categories (Bilaga 1), flags (prohibited
 * content) and hints. Exports, stored records and tests all use these ids.
 */

/** In decision order: the first that matches wins. */
export const CATEGORY_IDS = ['offensive_confidential', 'fault_report', 'question', 'praise'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const FLAG_IDS = [
  'personal_attack',
  'profanity',
  'commercial',
  'hate_speech',
  'copyright',
  'violence_porn',
  'incitement',
  'illegal_other',
  'offensive_personal_data',
  'confidential',
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export const HINT_IDS = ['political', 'needs_review'] as const;
export type HintId = (typeof HINT_IDS)[number];

export type Language = 'sv' | 'en';

interface LabelText {
  /** A short word for the label chip. */
  short: string;
  /** The policy's own words. */
  long: string;
}

export const CATEGORY_TEXT: Record<CategoryId, Record<Language, LabelText>> = {
  offensive_confidential: {
    sv: { short: 'Ta bort', long: 'Kränkande inlägg och sekretessbelagda uppgifter' },
    en: { short: 'Remove', long: 'Offensive posts and confidential information' },
  },
  fault_report: {
    sv: { short: 'Felanmälan', long: 'Felanmälan' },
    en: { short: 'Fault report', long: 'Fault report' },
  },
  question: {
    sv: { short: 'Fråga', long: 'Frågor och synpunkter' },
    en: { short: 'Question', long: 'Questions and suggestions' },
  },
  praise: {
    sv: { short: 'Beröm', long: 'Beröm, allmänt tyckande' },
    en: { short: 'Praise', long: 'Praise, general opinion' },
  },
};

export const FLAG_TEXT: Record<FlagId, Record<Language, LabelText>> = {
  personal_attack: {
    sv: { short: 'Personangrepp', long: 'Personangrepp, förtal, påhopp mot enskilda personer' },
    en: { short: 'Personal attack', long: 'Personal attacks, defamation' },
  },
  profanity: {
    sv: { short: 'Svordomar', long: 'Svordomar eller obscena ord' },
    en: { short: 'Profanity', long: 'Swearing or obscene words' },
  },
  commercial: {
    sv: { short: 'Reklam', long: 'Kommersiella budskap eller reklam' },
    en: { short: 'Advertising', long: 'Commercial messages or advertising' },
  },
  hate_speech: {
    sv: { short: 'Hets mot folkgrupp', long: 'Hets mot folkgrupp' },
    en: { short: 'Hate speech', long: 'Agitation against a population group' },
  },
  copyright: {
    sv: { short: 'Upphovsrätt', long: 'Intrång i upphovsrätt' },
    en: { short: 'Copyright', long: 'Copyright infringement' },
  },
  violence_porn: {
    sv: { short: 'Våld/porr', long: 'Våldsskildringar och pornografi' },
    en: { short: 'Violence/porn', long: 'Depictions of violence, pornography' },
  },
  incitement: {
    sv: { short: 'Uppmaning till brott', long: 'Uppmaningar till brott' },
    en: { short: 'Incitement', long: 'Incitement to crime' },
  },
  illegal_other: {
    sv: { short: 'Olagligt', long: 'Annat som strider mot lag' },
    en: { short: 'Unlawful', long: 'Anything else against the law' },
  },
  offensive_personal_data: {
    sv: { short: 'Kränkande personuppgifter', long: 'Kränkande personuppgifter' },
    en: { short: 'Offensive personal data', long: 'Offensive personal data' },
  },
  confidential: {
    sv: { short: 'Sekretess', long: 'Sekretessbelagda uppgifter' },
    en: { short: 'Confidential', long: 'Confidential information' },
  },
};

export const HINT_TEXT: Record<HintId, Record<Language, LabelText>> = {
  political: {
    sv: { short: 'Politisk', long: 'Politisk fråga: hänvisa till partierna eller Frågepanelen' },
    en: { short: 'Political', long: 'Political question: refer to the parties or Frågepanelen' },
  },
  needs_review: {
    sv: { short: 'Granska', long: 'Osäker bedömning: en person bör titta' },
    en: { short: 'Review', long: 'Uncertain: a person should look' },
  },
};
