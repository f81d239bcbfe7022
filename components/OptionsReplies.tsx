/** Options for replies: signature (section 3.2), links, department mailboxes and templates. */

import { CATEGORY_IDS, CATEGORY_TEXT, type CategoryId, type Language } from '../lib/policy/labels';
import { unknownPlaceholders } from '../lib/replies/placeholders';
import { DEFAULT_TEMPLATES, type ReplyTemplate } from '../lib/replies/templates';
import type { Settings } from '../lib/settings/settings';

interface DraftProps {
  draft: Settings;
  setDraft: (next: Settings) => void;
}

const sv = (language: Language, swedish: string, english: string) => (language === 'sv' ? swedish : english);

export function SignatureFields({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  const field = (key: keyof Settings['signature'], label: string, placeholder: string) => (
    <label class="row">
      <span class="label">{label}</span>
      <input
        name={`signature.${key}`}
        value={draft.signature[key]}
        placeholder={placeholder}
        onInput={(event) =>
          setDraft({ ...draft, signature: { ...draft.signature, [key]: event.currentTarget.value } })
        }
      />
    </label>
  );
  return (
    <section>
      <h2>{sv(language, 'Signatur', 'Signature')}</h2>
      <p class="muted">
        {sv(
          language,
          'Svar undertecknas med namn, titel och enhet (riktlinjerna 3.2).',
          'Replies are signed with name, title and unit (policy 3.2).',
        )}
      </p>
      {field('name', sv(language, 'Namn', 'Name'), 'Maria Ek')}
      {field('title', sv(language, 'Titel', 'Title'), 'kommunikatör')}
      {field('unit', sv(language, 'Enhet', 'Unit'), 'Kommunikationsenheten')}
    </section>
  );
}

export function LinkFields({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  return (
    <section>
      <h2>{sv(language, 'Länkar', 'Links')}</h2>
      <label class="row">
        <span class="label">
          {sv(language, 'Kommunens webbplats ({länk})', 'Municipal website ({link})')}
        </span>
        <input
          name="homepageUrl"
          value={draft.homepageUrl}
          onInput={(event) => setDraft({ ...draft, homepageUrl: event.currentTarget.value })}
        />
      </label>
      <label class="row">
        <span class="label">{sv(language, 'Webbformulär för felanmälan', 'Fault report web form')}</span>
        <input
          name="faultReportUrl"
          value={draft.faultReportUrl}
          placeholder="https://"
          onInput={(event) => setDraft({ ...draft, faultReportUrl: event.currentTarget.value })}
        />
      </label>
    </section>
  );
}

export function MailboxFields({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  const update = (index: number, change: Partial<Settings['mailboxes'][number]>) =>
    setDraft({ ...draft, mailboxes: draft.mailboxes.map((m, i) => (i === index ? { ...m, ...change } : m)) });
  return (
    <section>
      <h2>{sv(language, 'Förvaltningarnas brevlådor', 'Department mailboxes')}</h2>
      <ul class="plain">
        {draft.mailboxes.map((mailbox, index) => (
          <li key={mailbox.id}>
            <input
              name={`mailboxes.${index}.name`}
              value={mailbox.name}
              placeholder={sv(language, 'Gatuenheten', 'Streets unit')}
              onInput={(event) => update(index, { name: event.currentTarget.value })}
            />
            <input
              name={`mailboxes.${index}.email`}
              type="email"
              value={mailbox.email}
              placeholder="gata@tyreso.se"
              onInput={(event) => update(index, { email: event.currentTarget.value })}
            />
            <button
              type="button"
              onClick={() => setDraft({ ...draft, mailboxes: draft.mailboxes.filter((_, i) => i !== index) })}
            >
              {sv(language, 'Ta bort', 'Remove')}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-action="add-mailbox"
        onClick={() =>
          setDraft({ ...draft, mailboxes: [...draft.mailboxes, { id: newId('mb'), name: '', email: '' }] })
        }
      >
        {sv(language, 'Lägg till brevlåda', 'Add mailbox')}
      </button>
    </section>
  );
}

export function TemplateFields({ draft, setDraft }: DraftProps) {
  const language = draft.language;
  const templates = draft.templates;
  const set = (next: ReplyTemplate[]) => setDraft({ ...draft, templates: next });
  const update = (index: number, change: Partial<ReplyTemplate>) =>
    set(templates.map((template, i) => (i === index ? { ...template, ...change } : template)));
  const move = (index: number, by: number) => {
    const target = index + by;
    if (target < 0 || target >= templates.length) return;
    const next = [...templates];
    [next[index], next[target]] = [next[target] as ReplyTemplate, next[index] as ReplyTemplate];
    set(next);
  };
  return (
    <section>
      <h2>{sv(language, 'Svarsmallar', 'Reply templates')}</h2>
      <p class="muted">
        {sv(
          language,
          'Platshållare: {författare}, {namn}, {titel}, {enhet}, {länk}, {datum}, {signatur}. Signaturen läggs till sist om mallen inte placerar den.',
          'Placeholders: {author}, {name}, {title}, {unit}, {link}, {date}, {signature}. The signature is added last unless the template places it.',
        )}
      </p>
      {templates.map((template, index) => {
        const unknown = unknownPlaceholders(template.text);
        return (
          <fieldset key={template.id} class="template" data-template-id={template.id}>
            <div class="row">
              <input
                name={`templates.${index}.title`}
                value={template.title}
                onInput={(event) => update(index, { title: event.currentTarget.value })}
              />
              <select
                name={`templates.${index}.language`}
                value={template.language}
                onChange={(event) => update(index, { language: event.currentTarget.value as Language })}
              >
                <option value="sv">sv</option>
                <option value="en">en</option>
              </select>
              <select
                name={`templates.${index}.category`}
                value={template.categories[0] ?? ''}
                onChange={(event) => {
                  const value = event.currentTarget.value as CategoryId | '';
                  update(index, { categories: value ? [value] : [] });
                }}
              >
                <option value="">{sv(language, 'alla', 'any')}</option>
                {CATEGORY_IDS.map((category) => (
                  <option key={category} value={category}>
                    {CATEGORY_TEXT[category][language].short}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={sv(language, 'Flytta upp', 'Move up')}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={sv(language, 'Flytta ned', 'Move down')}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button type="button" onClick={() => set(templates.filter((_, i) => i !== index))}>
                {sv(language, 'Ta bort', 'Remove')}
              </button>
            </div>
            <textarea
              name={`templates.${index}.text`}
              rows={3}
              value={template.text}
              onInput={(event) => update(index, { text: event.currentTarget.value })}
            />
            {unknown.length > 0 && (
              <p class="error" role="alert">
                {sv(language, 'Okända platshållare', 'Unknown placeholders')}:{' '}
                {unknown.map((u) => `{${u}}`).join(', ')}
              </p>
            )}
          </fieldset>
        );
      })}
      <div class="row">
        <button
          type="button"
          data-action="add-template"
          onClick={() =>
            set([
              ...templates,
              {
                id: newId('tpl'),
                language,
                title: sv(language, 'Ny mall', 'New template'),
                categories: [],
                text: '',
              },
            ])
          }
        >
          {sv(language, 'Lägg till mall', 'Add template')}
        </button>
        <button type="button" data-action="reset-templates" onClick={() => set(DEFAULT_TEMPLATES)}>
          {sv(language, 'Återställ standardmallarna', 'Reset to defaults')}
        </button>
      </div>
    </section>
  );
}

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
