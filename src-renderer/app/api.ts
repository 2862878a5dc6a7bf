// The renderer's API client, typed from the main process's registry (types only cross over).
// Inside Electron the preload's `desktop.invoke` carries the call over IPC; in a browser the
// same call is POSTed to the office server. Screens never know which.
import type { Api, MethodName } from '../../src-main/api';
import type { ApiError } from '../../src-main/core/api/errors';
import type { DesktopBridge } from '../../src-main/shell/bridge';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export type { Api, MethodName };
export type Input<K extends MethodName> = Api[K]['input'];
export type Output<K extends MethodName> = Api[K]['output'];

/** A refused call, with the server's Indonesian message and per-field messages. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly fields: Record<string, string>;
  readonly status: number;
  constructor(error: ApiError, status: number) {
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

async function transport(method: string, input: unknown, options: CallOptions): Promise<{ status: number; body: any }> {
  if (window.desktop) return window.desktop.invoke(method, input, options);
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}), ...(options.jobId ? { 'X-Job-Id': options.jobId } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { status: 0, body: { ok: false, error: { code: 'internal', message: 'Server kantor tidak dapat dihubungi. Periksa jaringan atau apakah server masih berjalan.' } } };
  }
  const body = await res.json().catch(() => ({ ok: false, error: { code: 'internal', message: `Jawaban server tidak dapat dibaca (HTTP ${res.status}).` } }));
  return { status: res.status, body };
}

export async function invoke<K extends MethodName>(method: K, input: Input<K>, options: CallOptions = {}): Promise<Output<K>> {
  const { status, body } = await transport(method, input, options);
  if (body.ok) return body.value as Output<K>;
  if (status === 401 && method !== 'auth.login') listeners.forEach((fn) => fn());
  throw new ApiCallError(body.error, status);
}
