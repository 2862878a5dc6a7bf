// Types only: the renderer imports these with `import type`, so nothing here may pull in
// electron or any other value at run time.
import type { ApiResult } from '../core/api/errors';
import type { Locale } from '../../src-shared/i18n';

/** What a call carries besides its input: its job id (long calls) and the screen's language. */
export interface InvokeOptions {
  jobId?: string;
  locale?: Locale;
}

/** What `desktop.invoke` resolves to: the registry's answer without the session token. */
export interface InvokeAnswer {
  status: number;
  body: ApiResult<unknown>;
}

/**
 * Answer of the OS helpers as it crosses IPC. The preload turns a failure into a rejected
 * promise whose message is already in Indonesian, so the renderer only sees void / a path.
 */
export type DesktopAnswer<T> = ApiResult<T>;

/** The one object the preload exposes as `window.desktop`; nothing else crosses the bridge. */
export interface DesktopBridge {
  /**
   * Calls an API method of the registry; the session stays in the main process. A job id names
   * a long call, for jobs.progress and jobs.cancel; the locale is the language the answer's
   * words (errors, labels) come in.
   */
  invoke(method: string, input: unknown, options?: InvokeOptions): Promise<InvokeAnswer>;
  /** Opens the PDF in the computer's PDF viewer, from which the clerk prints it. */
  printPdf(bytes: Uint8Array, title: string): Promise<void>;
  /**
   * Opens the system print dialog with the PDF (webContents printing, no viewer in between);
   * resolves with whether it was printed (false: the dialog was closed without printing).
   */
  printDocument(bytes: Uint8Array, title: string): Promise<{ printed: boolean }>;
  /** Asks where to save the PDF; resolves to the chosen path, or null when cancelled. */
  savePdf(bytes: Uint8Array, suggestedName: string): Promise<string | null>;
}
