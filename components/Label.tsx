import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Classification, Evidence, LabelClassification } from '../lib/classifier';
import { segmentsOf } from '../lib/content/highlight';
import type { LabelModel } from '../lib/content/labeller';
import { t } from '../lib/i18n/strings';
import type { CommentIdentity, CommentSnapshot } from '../lib/platforms/types';
import {
  CATEGORY_TEXT,
  type CategoryId,
  FLAG_TEXT,
  type FlagId,
  HINT_TEXT,
  type Language,
} from '../lib/policy/labels';
import { ForwardSection } from './ForwardSection';
import { LabelContextValue } from './label-context';
import { RemoveSection } from './RemoveSection';
import { ReplySection } from './ReplySection';

/** The glyph shown before the category's word (the colour is never the only sign). */
const GLYPH: Record<CategoryId, string> = {
  offensive_confidential: '!',
  fault_report: '⚒',
  question: '?',
  praise: '✓',
};

/**
 * The badge's own text: glyph and word in one text node. One node, not a span each, because a
 * page may carry thousands of badges and every extra box costs style, layout and paint in each.
 */
export function badgeText(category: CategoryId, language: Language): string {
  return `${GLYPH[category]} ${CATEGORY_TEXT[category][language].short}`;
}

export interface LabelProps extends LabelModel {
  language: Language;
}

export function Label({ comment, classification, details, language }: LabelProps) {
  const [open, setOpen] = useState(false);
  const badge = useRef<HTMLButtonElement>(null);
  const context = useContext(LabelContextValue);
  const [registered, setRegistered] = useState(context.registrations.get(comment.commentId)?.shortId ?? null);
  const { category, flags, hints } = classification;
  const flagNames = flags.map((flag) => FLAG_TEXT[flag][language].short);
  const ariaLabel = t(language, 'labelAria', {
    category: CATEGORY_TEXT[category][language].long,
    flags:
      (flagNames.length > 0 ? t(language, 'flagsAria', { flags: flagNames.join(', ') }) : '') +
      (registered ? `${t(language, 'registered')} ${registered}. ` : ''),
  });

  const close = () => {
    setOpen(false);
    badge.current?.focus();
  };

  return (
    <>
      <button
        ref={badge}
        type="button"
        class={`badge cat-${category}`}
        data-action="open-panel"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={CATEGORY_TEXT[category][language].long}
        onClick={() => setOpen(!open)}
      >
        {badgeText(category, language)}
        {flags.map((flag) => (
          <span key={flag} class="chip" aria-hidden="true">
            {FLAG_TEXT[flag][language].short}
          </span>
        ))}
        {hints.map((hint) => (
          <span key={hint} class="chip hint" aria-hidden="true">
            {HINT_TEXT[hint][language].short}
          </span>
        ))}
        {registered && (
          <span class="chip registered" data-registered={registered}>
            {t(language, 'registered')} {registered}
          </span>
        )}
      </button>
      {open && (
        <Panel
          anchor={badge.current}
          comment={comment}
          details={details}
          classification={classification}
          language={language}
          onClose={close}
          onRegistered={setRegistered}
        />
      )}
    </>
  );
}

interface PanelProps {
  anchor: HTMLElement | null;
  comment: CommentIdentity;
  details: () => CommentSnapshot | null;
  classification: LabelClassification;
  language: Language;
  onClose: () => void;
  onRegistered: (shortId: string) => void;
}

function Panel({ anchor, comment, details, classification, language, onClose, onRegistered }: PanelProps) {
  // Read as the panel opens, and again if the comment is edited while it is open; the text is
  // the one classified, which the evidence points into. (`details` is a new function each render.)
  const snapshot = useMemo(() => {
    const found = details();
    return found && { ...found, text: comment.text };
  }, [comment.commentId, comment.text]);
  const { text } = comment;
  const panel = useRef<HTMLDivElement>(null);
  const position = usePanelPosition(anchor);
  const { category, flags, hints } = classification;
  const explained = useExplanation(text, classification);
  const evidence = explained?.classification?.evidence ?? [];

  useEffect(() => {
    panel.current?.focus();
  }, []);

  return (
    <div
      ref={panel}
      class="panel"
      role="dialog"
      aria-label={t(language, 'panelTitle')}
      tabIndex={-1}
      style={position}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" class="close" aria-label={t(language, 'close')} onClick={onClose}>
        ×
      </button>
      <h2>{CATEGORY_TEXT[category][language].long}</h2>
      <h3>{t(language, 'flags')}</h3>
      {flags.length === 0 ? (
        <p>{t(language, 'noFlags')}</p>
      ) : (
        <ul>
          {flags.map((flag) => (
            <FlagReason key={flag} flag={flag} evidence={evidence} language={language} />
          ))}
        </ul>
      )}
      {hints.length > 0 && (
        <>
          <h3>{t(language, 'hints')}</h3>
          <ul>
            {hints.map((hint) => (
              <li key={hint}>{HINT_TEXT[hint][language].long}</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t(language, 'evidence')}</h3>
      {!explained && <p role="status">{t(language, 'explaining')}</p>}
      {explained?.failed && <p role="status">{t(language, 'explainFailed', { reason: explained.failed })}</p>}
      <ul>
        {evidence
          .filter((item) => item.target === category)
          .map((item) => (
            <li key={`${item.start}-${item.rule}`}>
              <span class="words">{item.text}</span> <span class="rule">({item.rule})</span>
            </li>
          ))}
      </ul>
      <h3>
        {t(language, 'commentText')}
        {snapshot && ` – ${snapshot.authorName}`}
      </h3>
      <p class="text">
        {segmentsOf(text, evidence).map((segment, index) =>
          segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text,
        )}
      </p>
      {snapshot ? (
        <>
          <ReplySection snapshot={snapshot} classification={classification} />
          {explained && (
            <RemoveSection
              commentId={snapshot.commentId}
              classification={explained.classification ?? { ...classification, evidence: [] }}
              onRegistered={onRegistered}
            />
          )}
          {(category === 'fault_report' || category === 'question') && (
            <ForwardSection snapshot={snapshot} kind={category} />
          )}
        </>
      ) : (
        <p role="status">{t(language, 'panelGone')}</p>
      )}
    </div>
  );
}

interface Explanation {
  classification: Classification | null;
  /** Why the classification with its evidence could not be had. */
  failed?: string;
}

/**
 * The comment's classification with its evidence, asked for as the panel opens (labels carry
 * theirs without: lib/classifier/types.ts), and again when the label's classification changes
 * (an edited comment, or the user's words); null until it comes. The removal section waits for
 * it, since it guesses the provision from the evidence and registers the evidence.
 */
function useExplanation(text: string, label: LabelClassification): Explanation | null {
  const context = useContext(LabelContextValue);
  const [explained, setExplained] = useState<(Explanation & { label: LabelClassification }) | null>(null);
  useEffect(() => {
    let current = true;
    context.explain(text).then(
      (classification) => current && setExplained({ label, classification }),
      (error: unknown) =>
        current &&
        setExplained({
          label,
          classification: null,
          failed: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [text, label]);
  return explained?.label === label ? explained : null;
}

function FlagReason({
  flag,
  evidence,
  language,
}: {
  flag: FlagId;
  evidence: readonly Evidence[];
  language: Language;
}) {
  const items = evidence.filter((item) => item.target === flag);
  return (
    <li>
      {FLAG_TEXT[flag][language].long}
      {items.map((item) => (
        <div key={`${item.start}-${item.rule}`}>
          <span class="words">”{item.text}”</span> <span class="rule">{item.rule}</span>
        </div>
      ))}
    </li>
  );
}

/** Places the panel under the badge in viewport coordinates, following scrolls while open. */
function usePanelPosition(anchor: HTMLElement | null) {
  const [position, setPosition] = useState<Record<string, string>>({ top: '0px', left: '0px' });
  useLayoutEffect(() => {
    if (!anchor) return;
    const view = anchor.ownerDocument.defaultView;
    if (!view) return;
    const update = () => {
      const rect = anchor.getBoundingClientRect();
      const width = Math.min(380, view.innerWidth - 16);
      const left = Math.max(8, Math.min(rect.left, view.innerWidth - width - 8));
      const below = view.innerHeight - rect.bottom - 14;
      const above = rect.top - 14;
      // Open where there is more room, and never past the edge: the panel scrolls inside.
      setPosition(
        below >= 320 || below >= above
          ? {
              top: `${Math.round(rect.bottom + 6)}px`,
              left: `${Math.round(left)}px`,
              maxHeight: `${Math.round(Math.min(520, below))}px`,
            }
          : {
              bottom: `${Math.round(view.innerHeight - rect.top + 6)}px`,
              left: `${Math.round(left)}px`,
              maxHeight: `${Math.round(Math.min(520, above))}px`,
            },
      );
    };
    update();
    view.addEventListener('scroll', update, { passive: true, capture: true });
    view.addEventListener('resize', update);
    return () => {
      view.removeEventListener('scroll', update, { capture: true });
      view.removeEventListener('resize', update);
    };
  }, [anchor]);
  return position;
}
