/** User-facing text of the extension's own UI, Swedish first, English available. */
import type { Language } from '../policy/labels';

const sv = {
  labelAria: 'Moderera: {category}. {flags}Öppna detaljer.',
  flagsAria: 'Flaggor: {flags}. ',
  panelTitle: 'Moderera – bedömning',
  close: 'Stäng',
  category: 'Kategori',
  flags: 'Flaggor',
  noFlags: 'Inga flaggor',
  hints: 'Tips',
  evidence: 'Därför',
  rule: 'regel',
  commentText: 'Kommentarens text',
  author: 'Författare',
  layoutProblem:
    'Moderera hittar inga kommentarer på den här sidan. Plattformen kan ha ändrat sin layout – märkningen fungerar inte här just nu.',
  dismiss: 'Dölj',
  popupTitle: 'Moderera',
  popupToday: 'Idag',
  popupActivate: 'Aktivera på den här sidan',
  popupActivated: 'Moderera körs nu på sidan.',
  popupActivateFailed: 'Det gick inte att aktivera Moderera på sidan: {reason}',
  optionsTitle: 'Moderera – inställningar',
  optionsLanguage: 'Språk',
  optionsBlogHosts: 'Egna bloggar (WordPress)',
  optionsBlogHostsHelp:
    'Lägg till värdnamnet för en WordPress-blogg, t.ex. blogg.tyreso.se. Webbläsaren frågar om lov för just den adressen.',
  optionsAddHost: 'Lägg till',
  optionsRemoveHost: 'Ta bort',
  optionsSaved: 'Sparat.',
  optionsPermissionDenied: 'Webbläsaren gav inte tillgång till {host}.',
} as const;

export type StringKey = keyof typeof sv;

const en: Record<StringKey, string> = {
  labelAria: 'Moderera: {category}. {flags}Open details.',
  flagsAria: 'Flags: {flags}. ',
  panelTitle: 'Moderera – assessment',
  close: 'Close',
  category: 'Category',
  flags: 'Flags',
  noFlags: 'No flags',
  hints: 'Hints',
  evidence: 'Why',
  rule: 'rule',
  commentText: 'Comment text',
  author: 'Author',
  layoutProblem:
    'Moderera finds no comments on this page. The platform may have changed its layout – labelling does not work here right now.',
  dismiss: 'Hide',
  popupTitle: 'Moderera',
  popupToday: 'Today',
  popupActivate: 'Activate on this page',
  popupActivated: 'Moderera is now running on the page.',
  popupActivateFailed: 'Could not activate Moderera on the page: {reason}',
  optionsTitle: 'Moderera – settings',
  optionsLanguage: 'Language',
  optionsBlogHosts: 'Own blogs (WordPress)',
  optionsBlogHostsHelp:
    'Add the host name of a WordPress blog, e.g. blogg.tyreso.se. The browser asks for permission for that address only.',
  optionsAddHost: 'Add',
  optionsRemoveHost: 'Remove',
  optionsSaved: 'Saved.',
  optionsPermissionDenied: 'The browser did not grant access to {host}.',
};

const tables: Record<Language, Record<StringKey, string>> = { sv, en };

/** The text for `key` in `language`, with `{name}` placeholders filled from `values`. */
export function t(language: Language, key: StringKey, values: Record<string, string> = {}): string {
  return tables[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
