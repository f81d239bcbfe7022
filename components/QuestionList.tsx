import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORM_NAMES } from '../lib/export/describe';
import { lt } from '../lib/i18n/log-strings';
import type { Language } from '../lib/policy/labels';
import { markAnswered, type OpenQuestion, openQuestions } from '../lib/questions/questions';

const locale = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');

function formatDue(due: Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'Europe/Stockholm',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(due);
}

/** The count of open questions, for the tab's title. */
export function useOpenQuestions(): [OpenQuestion[] | null, () => void] {
  const [questions, setQuestions] = useState<OpenQuestion[] | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    void openQuestions(browser.storage.local, new Date()).then(setQuestions);
  }, [round]);
  return [questions, () => setRound((n) => n + 1)];
}

export function QuestionList({
  questions,
  language,
  onChanged,
}: {
  questions: OpenQuestion[];
  language: Language;
  onChanged: () => void;
}) {
  if (questions.length === 0) return <p class="muted">{lt(language, 'questionsNone')}</p>;
  const answered = async (question: OpenQuestion) => {
    await markAnswered(browser.storage.local, question, new Date());
    onChanged();
  };
  return (
    <ol class="questions">
      {questions.map((question) => (
        <li key={question.key} data-comment-id={question.commentId} data-overdue={String(question.overdue)}>
          <div class="line">
            <span>{PLATFORM_NAMES[question.platform]}</span>
            <strong>{question.authorName}</strong>
            {question.permalink && /^https?:\/\//.test(question.permalink) && (
              <a href={question.permalink} target="_blank" rel="noopener noreferrer">
                {lt(language, 'open')}
              </a>
            )}
          </div>
          <div class="excerpt">{question.excerpt}</div>
          <div class={question.overdue ? 'error' : 'muted'}>
            {lt(language, question.overdue ? 'questionOverdue' : 'questionDue', {
              due: formatDue(question.due, language),
            })}{' '}
            <button type="button" data-action="mark-answered" onClick={() => void answered(question)}>
              {lt(language, 'questionAnswered')}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}
