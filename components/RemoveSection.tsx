import { useContext, useState } from 'preact/hooks';
import type { CaptureFailure } from '../lib/capture/messages';
import type { Classification } from '../lib/classifier';
import { type StringKey, t } from '../lib/i18n/strings';
import type { RemovalMode } from '../lib/platforms/types';
import { FLAG_IDS, FLAG_TEXT, type FlagId } from '../lib/policy/labels';
import type { FlowResult, ScreenshotState } from '../lib/register/flow';
import { LabelContextValue } from './label-context';

/** OSL provisions that commonly apply to comments (OSL 5 kap. 5 §: a marking names one). */
const PROVISIONS = [
  { id: 'OSL 21 kap. 1 §', sv: 'hälsa, sexualliv', en: 'health, sexual life' },
  { id: 'OSL 21 kap. 3 §', sv: 'skyddade personuppgifter', en: 'protected personal data' },
  { id: 'OSL 23 kap. 2 §', sv: 'förskola, skola, elevhälsa', en: 'pre-school, school, pupil health' },
  { id: 'OSL 25 kap. 1 §', sv: 'hälso- och sjukvård', en: 'health care' },
  { id: 'OSL 26 kap. 1 §', sv: 'socialtjänst (LVU, LVM, LSS)', en: 'social services (LVU, LVM, LSS)' },
] as const;

/** A first guess at the provision from the evidence: social services words point to 26 kap. */
function suggestedProvision(classification: Classification): string {
  const rules = classification.evidence.map((item) => `${item.rule} ${item.text}`.toLowerCase()).join(' ');
  if (/social|lvu|lss|lvm|försörjningsstöd|placer|soc\b/.test(rules)) return 'OSL 26 kap. 1 §';
  if (/skyddad|protected/.test(rules)) return 'OSL 21 kap. 3 §';
  if (/elev|skol|pupil/.test(rules)) return 'OSL 23 kap. 2 §';
  return 'OSL 21 kap. 1 §';
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'confirm'; removing: boolean }
  | { kind: 'working' }
  | { kind: 'done'; result: FlowResult };

interface Props {
  commentId: string;
  classification: Classification;
  onRegistered: (shortId: string) => void;
}

export function RemoveSection({ commentId, classification, onRegistered }: Props) {
  const context = useContext(LabelContextValue);
  const language = context.settings.language;
  const modes = context.removalModes();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [flags, setFlags] = useState<FlagId[]>(classification.flags);
  const [mode, setMode] = useState<RemovalMode>(modes[0] ?? 'delete');
  const [note, setNote] = useState('');
  const [secret, setSecret] = useState(classification.flags.includes('confidential'));
  const [provision, setProvision] = useState(() => suggestedProvision(classification));

  const confirm = async (removing: boolean) => {
    setStage({ kind: 'working' });
    const result = await context.registerComment(commentId, classification, {
      flags,
      action: removing ? mode : 'register_only',
      note: note.trim(),
      secrecyProvision: secret ? provision : null,
    });
    if (result.stage === 'registered') onRegistered(result.shortId);
    setStage({ kind: 'done', result });
  };

  if (stage.kind === 'done') return <Outcome result={stage.result} language={language} />;
  if (stage.kind === 'working') {
    return (
      <p class="status" role="status">
        {t(language, 'removeWorking')}
      </p>
    );
  }
  if (stage.kind === 'idle') {
    return (
      <section aria-label={t(language, 'removeHeading')}>
        <h3>{t(language, 'removeHeading')}</h3>
        <div class="actions">
          {modes.length > 0 && (
            <button
              type="button"
              class="danger"
              data-action="remove-and-register"
              onClick={() => setStage({ kind: 'confirm', removing: true })}
            >
              {t(language, 'removeAndRegister')}
            </button>
          )}
          <button
            type="button"
            data-action="register-only"
            onClick={() => setStage({ kind: 'confirm', removing: false })}
          >
            {t(language, 'registerOnly')}
          </button>
        </div>
      </section>
    );
  }
  const { removing } = stage;
  return (
    <section aria-label={t(language, removing ? 'removeAndRegister' : 'registerOnly')}>
      <h3>{t(language, removing ? 'removeAndRegister' : 'registerOnly')}</h3>
      <fieldset class="flags">
        <legend>{t(language, 'removeFlags')}</legend>
        {FLAG_IDS.map((flag) => (
          <label key={flag} class="check">
            <input
              type="checkbox"
              name={`flag.${flag}`}
              checked={flags.includes(flag)}
              onChange={(event) =>
                setFlags(event.currentTarget.checked ? [...flags, flag] : flags.filter((f) => f !== flag))
              }
            />
            {FLAG_TEXT[flag][language].short}
          </label>
        ))}
      </fieldset>
      {removing && modes.length > 1 && (
        <fieldset class="flags">
          <legend>{t(language, 'removeMode')}</legend>
          {modes.map((m) => (
            <label key={m} class="check">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(language, m === 'hide' ? 'removeModeHide' : 'removeModeDelete')}
            </label>
          ))}
        </fieldset>
      )}
      <label class="field column">
        {t(language, 'removeNote')}
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="secret"
          checked={secret}
          onChange={(e) => setSecret(e.currentTarget.checked)}
        />
        {t(language, 'removeSecret')}
      </label>
      {secret && (
        <label class="field">
          {t(language, 'removeProvision')}
          <select name="provision" value={provision} onChange={(e) => setProvision(e.currentTarget.value)}>
            {PROVISIONS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p[language]})
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="actions">
        <button
          type="button"
          class={removing ? 'danger' : 'primary'}
          data-action="confirm"
          onClick={() => void confirm(removing)}
        >
          {t(language, 'confirm')}
        </button>
        <button type="button" data-action="cancel" onClick={() => setStage({ kind: 'idle' })}>
          {t(language, 'cancel')}
        </button>
      </div>
    </section>
  );
}

function Outcome({ result, language }: { result: FlowResult; language: 'sv' | 'en' }) {
  if (result.stage === 'not_registered') {
    return (
      <p class="status error" role="alert">
        {t(language, 'removeNotRegistered', { reason: result.message })}
      </p>
    );
  }
  const id = result.shortId;
  const { removal } = result;
  const text = !removal
    ? t(language, 'registerOnlyDone', { id })
    : removal.ok
      ? t(language, removal.outcome === 'hidden' ? 'removeHidden' : 'removeDone', { id })
      : t(language, 'removeFailed', { id, reason: removal.reason });
  const missing = screenshotMissing(result.screenshot, language);
  return (
    <p
      class={removal && !removal.ok ? 'status error' : 'status ok'}
      role={removal && !removal.ok ? 'alert' : 'status'}
      data-screenshot={result.screenshot.stored ? 'stored' : result.screenshot.failure}
    >
      {missing ? `${text} ${missing}` : text}
    </p>
  );
}

const SCREENSHOT_FAILURE_TEXT: Record<CaptureFailure, StringKey> = {
  no_permission: 'screenshotNoPermission',
  tab_hidden: 'screenshotTabHidden',
  not_visible: 'screenshotNotVisible',
  failed: 'screenshotFailed',
  rejected: 'screenshotRejected',
  unavailable: 'screenshotUnavailable',
};

/** Why the record has no screenshot, in a sentence; null when it has one. */
function screenshotMissing(state: ScreenshotState, language: 'sv' | 'en'): string | null {
  if (state.stored) return null;
  const reason = t(language, SCREENSHOT_FAILURE_TEXT[state.failure], { detail: state.detail ?? '–' });
  return t(language, 'screenshotMissing', { reason });
}
