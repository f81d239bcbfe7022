import { z } from 'zod';

export type StoreErrorCode = 'quota' | 'closed' | 'invalid' | 'not_found' | 'conflict' | 'unknown';

const MESSAGES: Record<StoreErrorCode, { sv: string; en: string }> = {
  quota: {
    sv: 'Lagringsutrymmet är fullt. Inget sparades. Exportera och registrera poster, och frigör sedan utrymme.',
    en: 'Storage is full. Nothing was saved. Export and register records, then free up space.',
  },
  closed: {
    sv: 'Databasen är stängd. Försök igen; inget sparades.',
    en: 'The database is closed. Try again; nothing was saved.',
  },
  invalid: { sv: 'Ogiltiga uppgifter. Inget sparades.', en: 'Invalid data. Nothing was saved.' },
  not_found: { sv: 'Posten finns inte.', en: 'The record does not exist.' },
  conflict: {
    sv: 'Åtgärden är inte tillåten för posten.',
    en: 'The operation is not allowed for this record.',
  },
  unknown: {
    sv: 'Ett oväntat fel uppstod i databasen. Inget sparades.',
    en: 'An unexpected database error occurred. Nothing was saved.',
  },
};

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly messageSv: string;
  readonly messageEn: string;

  constructor(
    readonly code: StoreErrorCode,
    detail?: { sv?: string; en?: string },
    options?: { cause?: unknown },
  ) {
    const base = MESSAGES[code];
    const sv = detail?.sv ? `${base.sv} ${detail.sv}` : base.sv;
    const en = detail?.en ? `${base.en} ${detail.en}` : base.en;
    super(`${sv} / ${en}`, options);
    this.messageSv = sv;
    this.messageEn = en;
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.') || '(root)';
  if (issue.code === 'too_big') return `${path}: max ${String(issue.maximum)}`;
  return `${path}: ${issue.message}`;
}

export function invalidInput(error: z.ZodError): StoreError {
  const detail = error.issues.slice(0, 5).map(describeIssue).join('; ');
  return new StoreError('invalid', { sv: `Fel: ${detail}`, en: `Problems: ${detail}` }, { cause: error });
}

/** Turns whatever IndexedDB, idb or zod threw into a StoreError. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  const name = errorName(error);
  if (name === 'QuotaExceededError') return new StoreError('quota', undefined, { cause: error });
  if (name === 'InvalidStateError') return new StoreError('closed', undefined, { cause: error });
  if (name === 'VersionError') {
    const detail = {
      sv: 'En nyare version av databasen finns: starta om tillägget.',
      en: 'A newer version of the database exists: restart the extension.',
    };
    return new StoreError('closed', detail, { cause: error });
  }
  // A transaction aborted by a failed request reports AbortError; the request's error says why.
  if (name === 'AbortError' && typeof error === 'object' && error !== null && 'cause' in error) {
    return toStoreError(error.cause);
  }
  return new StoreError('unknown', undefined, { cause: error });
}
