/**
 * Reply templates as data, grouped by Bilaga 1 category, with the policy's own texts as
 * defaults (Bilaga 1 and 3). The user edits them in options; these are the starting point
 * and what "reset to defaults" brings back.
 */
import type { CategoryId, HintId, Language } from '../policy/labels';

export interface ReplyTemplate {
  id: string;
  language: Language;
  title: string;
  /** The categories the template fits; they are offered first for such comments. */
  categories: CategoryId[];
  /** A hint that makes the template the first choice (political → the referral). */
  hint?: HintId;
  text: string;
}

export const DEFAULT_TEMPLATES: ReplyTemplate[] = [
  {
    id: 'sv-praise-thanks',
    language: 'sv',
    title: 'Tack för berömmet',
    categories: ['praise'],
    text: 'Tack för berömmet.',
  },
  {
    id: 'sv-praise-pass-on',
    language: 'sv',
    title: 'Tack, vi för det vidare',
    categories: ['praise'],
    text: 'Hej {författare}! Tack för dina fina ord – vi skickar dem vidare till dem som gjort jobbet.',
  },
  {
    id: 'sv-question-return',
    language: 'sv',
    title: 'Vi återkommer med svar',
    categories: ['question'],
    text: 'Tack för din fråga/synpunkt, vi återkommer med svar.',
  },
  {
    id: 'sv-question-link',
    language: 'sv',
    title: 'Svar med länk till tyreso.se',
    categories: ['question'],
    text: 'Hej {författare}! Tack för din fråga. Du hittar mer information på {länk}.',
  },
  {
    id: 'sv-question-political',
    language: 'sv',
    title: 'Politisk fråga: hänvisa till partierna',
    categories: ['question'],
    hint: 'political',
    text:
      'Hej {författare}! Tack för din fråga. Frågor om politiska ställningstaganden och beslut besvaras bäst ' +
      'av de politiska partierna. Du kan också ställa din fråga till politikerna i Frågepanelen på {länk}.',
  },
  {
    id: 'sv-fault-pass-on',
    language: 'sv',
    title: 'Skickar vidare till berörd verksamhet',
    categories: ['fault_report'],
    text: 'Tack för att du hör av dig! Skickar vidare till berörd verksamhet.',
  },
  {
    id: 'sv-fault-registered',
    language: 'sv',
    title: 'Felanmälan registrerad',
    categories: ['fault_report'],
    text:
      'Hej {författare}! Tack för felanmälan – vi har lagt in den i vårt felanmälningssystem och skickat den ' +
      'vidare till berörd verksamhet. Du kan också felanmäla direkt på {länk}.',
  },
  {
    id: 'sv-removed',
    language: 'sv',
    title: 'Inlägg borttaget enligt riktlinjerna',
    categories: ['offensive_confidential'],
    text:
      'Vi har tagit bort ett inlägg som inte följde våra riktlinjer för kommentarer. Kommentarer får inte ' +
      'innehålla personangrepp, svordomar, reklam eller uppgifter som omfattas av sekretess.',
  },
  {
    id: 'en-praise-thanks',
    language: 'en',
    title: 'Thanks for the praise',
    categories: ['praise'],
    text: 'Thank you for your kind words!',
  },
  {
    id: 'en-question-return',
    language: 'en',
    title: 'We will get back to you',
    categories: ['question'],
    text: 'Thank you for your question, we will get back to you with an answer.',
  },
  {
    id: 'en-question-political',
    language: 'en',
    title: 'Political question: refer to the parties',
    categories: ['question'],
    hint: 'political',
    text:
      'Hi {author}! Thank you for your question. Questions about political positions and decisions are best ' +
      'answered by the political parties. You can also ask the politicians in Frågepanelen at {link}.',
  },
  {
    id: 'en-fault-pass-on',
    language: 'en',
    title: 'Passing it on',
    categories: ['fault_report'],
    text: 'Thank you for letting us know! We are passing this on to the department concerned.',
  },
];

/**
 * The templates to offer for a comment: those that fit its hints, then its category, then the
 * rest; the moderator's UI language first within each group; order otherwise as the user set it.
 */
export function templatesFor(
  templates: readonly ReplyTemplate[],
  category: CategoryId,
  hints: readonly HintId[],
  language: Language,
): ReplyTemplate[] {
  const rank = (template: ReplyTemplate) => {
    const fit =
      template.hint && hints.includes(template.hint) ? 0 : template.categories.includes(category) ? 1 : 2;
    return fit * 2 + (template.language === language ? 0 : 1);
  };
  return templates
    .map((template, index) => ({ template, index, rank: rank(template) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.template);
}
