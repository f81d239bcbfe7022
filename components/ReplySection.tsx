import { useContext, useMemo, useState } from 'preact/hooks';
import type { LabelClassification } from '../lib/classifier';
import { t } from '../lib/i18n/strings';
import type { CommentSnapshot } from '../lib/platforms/types';
import { type ComposedReply, composeReply } from '../lib/replies/compose';
import { templatesFor } from '../lib/replies/templates';
import { copyText, LabelContextValue } from './label-context';

interface Props {
  snapshot: CommentSnapshot;
  classification: LabelClassification;
}

/** Templates that fit the comment, a preview with everything filled in, and "insert reply". */
export function ReplySection({ snapshot, classification }: Props) {
  const context = useContext(LabelContextValue);
  const { settings } = context;
  const language = settings.language;
  const offered = useMemo(
    () => templatesFor(settings.templates, classification.category, classification.hints, language),
    [settings.templates, classification, language],
  );
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = offered.find((template) => template.id === chosenId) ?? offered[0];
  if (!chosen) return null;
  const reply = composeReply(chosen, {
    authorName: snapshot.authorName,
    signature: settings.signature,
    homepageUrl: settings.homepageUrl,
    now: context.now(),
  });

  const insert = async (text: string) => {
    setStatus(null);
    const result = await context.insertReply(snapshot.commentId, text);
    if (result.ok) {
      setStatus({ ok: true, text: t(language, 'replyInserted') });
      return;
    }
    const copied = await copyText(text);
    setStatus({
      ok: copied,
      text: t(language, copied ? 'replyFallback' : 'replyFailed', { reason: result.reason }),
    });
  };

  return (
    <section aria-label={t(language, 'replyHeading')}>
      <h3>{t(language, 'replyHeading')}</h3>
      <label class="field">
        {t(language, 'replyTemplate')}
        <select
          data-field="reply-template"
          value={chosen.id}
          onChange={(event) => {
            setChosenId(event.currentTarget.value);
            setStatus(null);
          }}
        >
          {offered.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </select>
      </label>
      <ReplyPreview reply={reply} language={language} onOpenOptions={context.openOptions} />
      {reply.ok && (
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-action="reply-template"
            onClick={() => void insert(reply.text)}
          >
            {t(language, 'replyInsert')}
          </button>
          <button
            type="button"
            data-action="copy-reply"
            onClick={() =>
              void copyText(reply.text).then(
                (ok) => ok && setStatus({ ok: true, text: t(language, 'replyCopied') }),
              )
            }
          >
            {t(language, 'replyCopy')}
          </button>
        </div>
      )}
      {status && (
        <p class={status.ok ? 'status ok' : 'status error'} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}

function ReplyPreview({
  reply,
  language,
  onOpenOptions,
}: {
  reply: ComposedReply;
  language: 'sv' | 'en';
  onOpenOptions: () => void;
}) {
  if (reply.ok) {
    return (
      <>
        <h4 class="muted">{t(language, 'replyPreview')}</h4>
        <pre class="text preview" data-field="reply-preview">
          {reply.text}
        </pre>
      </>
    );
  }
  const message =
    reply.problem === 'signature_missing'
      ? t(language, 'replySignatureMissing')
      : t(language, 'replyUnknownPlaceholders', { list: reply.placeholders.map((p) => `{${p}}`).join(', ') });
  return (
    <p class="status error" role="alert">
      {message}{' '}
      <button type="button" class="link" data-action="open-options" onClick={onOpenOptions}>
        {t(language, 'openOptions')}
      </button>
    </p>
  );
}
