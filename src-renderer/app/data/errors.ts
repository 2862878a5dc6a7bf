// The one error path of the renderer: every refused or failed call becomes one message for the
// user and, when the server named fields, one message per field. Nothing else turns an error
// into text, and no screen swallows one.
import { ApiCallError } from '../api';
import type { Translate } from '../i18n';

/** The message shown for an error: the server's words for a refusal, the catalogue's otherwise. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiCallError) {
    if (error.code === 'unreachable') return t('error.unreachable');
    if (error.code === 'unreadable') return t('error.unreadable', { status: error.status });
    return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return t('error.unknown');
}

/** The server's per-field messages (path → message); empty when it named none. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiCallError ? error.fields : {};
}

/** Whether the error is the server's refusal with this code ('conflict', 'not_found', …). */
export function isRefusal(error: unknown, code: string): error is ApiCallError {
  return error instanceof ApiCallError && error.code === code;
}
