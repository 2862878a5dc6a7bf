import { DEFAULT_LOCALE, type Locale, type Phrase } from '../../../src-shared/i18n';

/** The error codes a caller can receive, each with its HTTP status. */
export const errorStatus = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  payload_too_large: 413,
  /** The caller cancelled a long call (batch printing, export, import) before it finished. */
  cancelled: 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Field path (dotted) -> message, as the caller receives it (in the caller's language). */
export type FieldErrors = Record<string, string>;

/** Field path (dotted) -> message in both languages, until the answer is written. */
export type FieldPhrases = Record<string, Phrase>;

/** An error as the caller receives it: its message and field messages in the caller's language. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * A failure the caller can act on. Thrown anywhere inside a handler; the registry turns it into
 * the error answer, in the caller's language, and rolls the transaction back. Its words are
 * phrases (both languages): a message in one language only does not type-check.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly phrase: Phrase,
    readonly fieldPhrases?: FieldPhrases,
  ) {
    // The Indonesian text as the Error's message: logs and stack traces read it.
    super(phrase.id);
    this.name = 'AppError';
  }
  /** The field messages in one language. */
  fields(locale: Locale = DEFAULT_LOCALE): FieldErrors | undefined {
    return this.fieldPhrases ? Object.fromEntries(Object.entries(this.fieldPhrases).map(([k, p]) => [k, p[locale]])) : undefined;
  }
  /** The answer's error in the caller's language. */
  toJSON(locale: Locale = DEFAULT_LOCALE): ApiError {
    const fields = this.fields(locale);
    return fields ? { code: this.code, message: this.phrase[locale], fields } : { code: this.code, message: this.phrase[locale] };
  }
}

export const badInput = (field: string, message: Phrase) => new AppError('bad_input', message, { [field]: message });
/** A call that needs a signed-in user and has none (its session ended). */
export const sessionEnded = () =>
  new AppError('unauthenticated', {
    id: 'Sesi Anda berakhir atau belum masuk. Silakan masuk kembali.',
    en: 'Your session has ended or you have not logged in. Please log in again.',
  });

/** The caller of a method open only to signed-in users (the dispatcher has checked the session). */
export function signedInUser<U>(ctx: { user: U | null }): U {
  if (!ctx.user) throw sessionEnded();
  return ctx.user;
}

export const notFound = (what: Phrase) => new AppError('not_found', { id: `${what.id} tidak ditemukan.`, en: `${what.en} not found.` });
export const conflict = (message: Phrase, fields?: FieldPhrases) => new AppError('conflict', message, fields);
export const forbidden = (message: Phrase = { id: 'Peran Anda tidak berhak melakukan tindakan ini.', en: 'Your role may not do this.' }) =>
  new AppError('forbidden', message);
export const cancelledError = () => new AppError('cancelled', { id: 'Dibatalkan.', en: 'Cancelled.' });
