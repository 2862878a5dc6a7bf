// The renderer's API client, typed from the main process's registry (types only cross over).
// Inside Electron the preload's `desktop.invoke` carries the call over IPC; in a browser the
// same call is POSTed to the office server. Screens never know which.
import type { Api, MethodName } from '../../src-main/api';
import type { ApiError } from '../../src-main/core/api/errors';
import type { DesktopBridge, InvokeAnswer } from '../../src-main/shell/bridge';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export type { Api, MethodName };
export type Input<K extends MethodName> = Api[K]['input'];
export type Output<K extends MethodName> = Api[K]['output'];

/** The server's codes, and the transport's own: no answer at all, or one that is not JSON. */
export type CallErrorCode = ApiError['code'] | 'unreachable' | 'unreadable';

/**
 * A refused call, with the server's message and per-field messages. Screens do not read it:
 * the data layer (./data) turns it into what the user sees.
 */
export class ApiCallError extends Error {
  readonly code: CallErrorCode;
  readonly fields: Record<string, string>;
  readonly status: number;
  constructor(error: { code: CallErrorCode; message: string; fields?: Record<string, string> }, status: number) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? {};
    this.status = status;
  }
}

let csrfToken: string | null = null;
/** The CSRF token of the browser session; the transport adds it to every call. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

let callLocale: 'id' | 'en' = 'id';
/**
 * The screen's language; the transport sends it with every call (Accept-Language, or over IPC)
 * so that the server's messages come in the language the screen is in, not the browser's.
 */
export const setCallLocale = (locale: 'id' | 'en') => {
  callLocale = locale;
};

const listeners = new Set<() => void>();
/** Called when any call finds the session gone, so the app can show the login screen. */
export const onSessionLost = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** Options of one call: a job id names a long call so that its progress can be asked and it can be cancelled. */
export interface CallOptions {
  jobId?: string;
}

/** The answer as the transport hands it over: the registry's, or the transport's own failure. */
type Answer = InvokeAnswer | { status: number; body: { ok: false; error: { code: CallErrorCode; message: string } } };

async function transport(method: string, input: unknown, options: CallOptions): Promise<Answer> {
  if (window.desktop) return window.desktop.invoke(method, input, { ...options, locale: callLocale });
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': callLocale,
        ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...(options.jobId ? { 'X-Job-Id': options.jobId } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    // The words for these two are the catalogue's (data/errors.ts), in the user's language.
    return { status: 0, body: { ok: false, error: { code: 'unreachable', message: 'unreachable' } } };
  }
  try {
    // The office server answers in the registry's one shape (src-main/core/api/errors.ts).
    return { status: res.status, body: (await res.json()) as InvokeAnswer['body'] };
  } catch {
    return { status: res.status, body: { ok: false, error: { code: 'unreadable', message: 'unreadable' } } };
  }
}

/** The raw call. Only the data layer (./data) uses it; screens use its hooks. */
export async function invoke<K extends MethodName>(method: K, input: Input<K>, options: CallOptions = {}): Promise<Output<K>> {
  const { status, body } = await transport(method, input, options);
  if (body.ok) return body.value as Output<K>;
  if (status === 401 && method !== 'auth.login') listeners.forEach((fn) => fn());
  throw new ApiCallError(body.error, status);
}
