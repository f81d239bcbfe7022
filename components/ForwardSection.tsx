import { useContext, useState } from 'preact/hooks';
import { t } from '../lib/i18n/strings';
import type { CommentSnapshot } from '../lib/platforms/types';
import { faultReportText, forwardMail } from '../lib/replies/forward';
import { copyText, LabelContextValue } from './label-context';

interface Props {
  snapshot: CommentSnapshot;
  kind: 'fault_report' | 'question';
}

/** Bilaga 1: pass a question or fault report on to the department, with the mail shown first. */
export function ForwardSection({ snapshot, kind }: Props) {
  const context = useContext(LabelContextValue);
  const { settings } = context;
  const language = settings.language;
  const [mailboxId, setMailboxId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const mailbox = settings.mailboxes.find((m) => m.id === mailboxId) ?? settings.mailboxes[0];
  const mail = mailbox ? forwardMail(snapshot, mailbox, kind, context.now()) : null;

  return (
    <section aria-label={t(language, 'forwardHeading')}>
      <h3>{t(language, 'forwardHeading')}</h3>
      {mail && mailbox ? (
        <>
          <label class="field">
            {t(language, 'forwardMailbox')}
            <select
              data-field="mailbox"
              value={mailbox.id}
              onChange={(event) => setMailboxId(event.currentTarget.value)}
            >
              {settings.mailboxes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.email})
                </option>
              ))}
            </select>
          </label>
          <pre class="text preview" data-field="forward-preview">
            {`${mail.subject}\n\n${mail.body}`}
          </pre>
          <div class="actions">
            <a class="button" href={mail.href} data-action="forward">
              {t(language, 'forwardOpenMail')}
            </a>
          </div>
        </>
      ) : (
        <p class="muted">
          {t(language, 'forwardNoMailboxes')}{' '}
          <button type="button" class="link" data-action="open-options" onClick={context.openOptions}>
            {t(language, 'openOptions')}
          </button>
        </p>
      )}
      {kind === 'fault_report' && (
        <div class="actions">
          <button
            type="button"
            data-action="copy-fault-report"
            onClick={() =>
              void copyText(faultReportText(snapshot, context.now())).then(
                (ok) => ok && setStatus(t(language, 'forwardFaultCopied')),
              )
            }
          >
            {t(language, 'forwardCopyFault')}
          </button>
          {settings.faultReportUrl && (
            <a class="button" href={settings.faultReportUrl} target="_blank" rel="noopener noreferrer">
              {t(language, 'forwardFaultForm')}
            </a>
          )}
        </div>
      )}
      {status && (
        <p class="status ok" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
