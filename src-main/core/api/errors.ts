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

/** Field path (dotted) -> message in Indonesian. */
export type FieldErrors = Record<string, string>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * A failure the caller can act on. Thrown anywhere inside a handler; the registry turns it into
 * the error answer and rolls the transaction back.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toJSON(): ApiError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const badInput = (field: string, message: string) => new AppError('bad_input', message, { [field]: message });
export const notFound = (what: string) => new AppError('not_found', `${what} tidak ditemukan.`);
export const conflict = (message: string, fields?: FieldErrors) => new AppError('conflict', message, fields);
export const forbidden = (message = 'Peran Anda tidak berhak melakukan tindakan ini.') => new AppError('forbidden', message);
export const cancelledError = () => new AppError('cancelled', 'Dibatalkan.');
