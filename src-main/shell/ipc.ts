import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { app as electronApp, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent, type SaveDialogOptions, type WebContents } from 'electron';
import type { App } from '../app';
import type { ApiError } from '../core/api/errors';
import type { DesktopAnswer, InvokeAnswer } from './bridge';
import { channels } from './channels';
import { isPdfBytes, pdfFileName, writeTempPdf } from './pdf-files';
import { printPdfFile } from './print';
import { isAppUrl } from './protocol';
import { DEFAULT_LOCALE, isLocale, type Locale, type Phrase } from '../../src-shared/i18n';

export { channels };

export const MAX_METHOD_LENGTH = 100;

/** A refusal of the bridge itself, in both languages until the window's language picks one. */
interface BridgeError {
  code: ApiError['code'];
  message: Phrase;
}

const REFUSED: BridgeError = {
  code: 'forbidden',
  message: { id: 'Permintaan ditolak: bukan berasal dari tampilan aplikasi ini.', en: 'Request refused: it does not come from this app’s window.' },
};
const NOT_PDF: BridgeError = {
  code: 'bad_input',
  message: { id: 'Data yang dikirim bukan berkas PDF yang valid.', en: 'The data sent is not a valid PDF file.' },
};
const NOT_PREPARED: BridgeError = {
  code: 'internal',
  message: { id: 'PDF tidak dapat disiapkan untuk dicetak.', en: 'The PDF could not be prepared for printing.' },
};

const inLanguage = (error: BridgeError, locale: Locale): ApiError => ({ code: error.code, message: error.message[locale] });
const answered = <T>(value: T): DesktopAnswer<T> => ({ ok: true, value });
const invokeFailure = (status: number, error: BridgeError, locale: Locale): InvokeAnswer => ({ status, body: { ok: false, error: inLanguage(error, locale) } });

/**
 * Only the top frame of our own page may call the main process. A subframe (an iframe showing a
 * PDF preview, say) or a page that somehow got loaded from elsewhere is refused even though it
 * shares the webContents and its preload.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    // No frame, or a subframe (one with a parent), or one gone.
    if (frame?.parent !== null || frame.detached) return false;
    // Frames are compared by id: two WebFrameMain objects may stand for the same frame.
    const main = event.sender.mainFrame;
    if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame disposed while its message was in flight throws on access: treat as a stranger.
    return false;
  }
}

export interface IpcRegistration {
  /** How many windows hold a session now (for tests and diagnostics; the tokens never leave). */
  sessionCount(): number;
  /** Removes the handlers, e.g. before registering again for a new App. */
  dispose(): void;
}

/**
 * Wires the renderer's bridge to the App. The session token of each window lives here, keyed by
 * its webContents id, and never crosses to the renderer: script injected into the page cannot
 * steal what it cannot see. The sender check stands in for the CSRF token of the HTTP transport.
 */
export function registerIpc(office: Pick<App, 'dispatch'>): IpcRegistration {
  const sessions = new Map<number, string>();
  // Each window's language, as its last call named it: the OS helpers answer in it too.
  const locales = new Map<number, Locale>();
  const watched = new WeakSet<WebContents>();
  const localeOf = (event: IpcMainInvokeEvent) => locales.get(event.sender.id) ?? DEFAULT_LOCALE;
  const failed = <T>(event: IpcMainInvokeEvent, error: BridgeError): DesktopAnswer<T> => ({ ok: false, error: inLanguage(error, localeOf(event)) });

  const watch = (contents: WebContents) => {
    if (watched.has(contents)) return;
    watched.add(contents);
    const id = contents.id;
    contents.once('destroyed', () => {
      sessions.delete(id);
      locales.delete(id);
    });
  };

  ipcMain.handle(channels.invoke, async (event, method: unknown, input: unknown, jobId: unknown = null, locale: unknown = null): Promise<InvokeAnswer> => {
    const language = isLocale(locale) ? locale : DEFAULT_LOCALE;
    if (!isTrustedSender(event)) return invokeFailure(403, REFUSED, language);
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return invokeFailure(400, { code: 'bad_input', message: { id: 'Nama metode API tidak valid.', en: 'Invalid API method name.' } }, language);
    }
    const contents = event.sender;
    const id = contents.id;
    watch(contents);
    locales.set(id, language);
    try {
      // The desktop window is the office PC itself.
      const response = await office.dispatch({
        method,
        input,
        sessionToken: sessions.get(id) ?? null,
        checkCsrf: false,
        clientAddress: 'desktop',
        jobId: typeof jobId === 'string' ? jobId : null,
        locale: language,
      });
      if (response.session === null) sessions.delete(id);
      // A window closed while its call ran must not leave a token behind.
      else if (response.session !== undefined && !contents.isDestroyed()) sessions.set(id, response.session);
      return { status: response.status, body: response.body };
    } catch (e) {
      // The dispatcher answers every failure itself; this is the last guard so nothing throws across IPC.
      console.error(e);
      return invokeFailure(
        500,
        {
          code: 'internal',
          message: { id: 'Terjadi kesalahan pada aplikasi. Data tidak diubah.', en: 'Something went wrong in the app. No data was changed.' },
        },
        language,
      );
    }
  });

  // Printing hands the PDF to the computer's own PDF viewer (shell.openPath) and the clerk
  // prints from there. Chosen over a hidden window + webContents.print(): Chromium's PDF viewer
  // in Electron needs plugins switched on, has printed blank pages for years (electron#30947,
  // fixed only in 32 by #43309), and gives no reliable "rendered" signal to print a hidden page
  // at. The OS viewer prints A4 at true size with the printer's own options, and the clerk sees
  // the legal document before it goes on paper.
  ipcMain.handle(channels.printPdf, async (event, bytes: unknown, title: unknown): Promise<DesktopAnswer<null>> => {
    if (!isTrustedSender(event)) return failed(event, REFUSED);
    if (!isPdfBytes(bytes)) return failed(event, NOT_PDF);
    try {
      const path = await writeTempPdf(bytes, pdfFileName(title));
      const problem = await shell.openPath(path);
      if (problem) {
        return failed(event, {
          code: 'internal',
          message: {
            id: `PDF tidak dapat dibuka untuk dicetak (${problem}). Pasang aplikasi pembaca PDF, atau simpan PDF lalu cetak dari aplikasi lain.`,
            en: `The PDF could not be opened for printing (${problem}). Install a PDF reader, or save the PDF and print it from another application.`,
          },
        });
      }
      return answered(null);
    } catch (e) {
      console.error(e);
      return failed(event, NOT_PREPARED);
    }
  });

  // The certificate at the counter prints in place: the system print dialog over the app.
  ipcMain.handle(channels.printDocument, async (event, bytes: unknown, title: unknown): Promise<DesktopAnswer<{ printed: boolean }>> => {
    if (!isTrustedSender(event)) return failed(event, REFUSED);
    if (!isPdfBytes(bytes)) return failed(event, NOT_PDF);
    try {
      const path = await writeTempPdf(bytes, pdfFileName(title));
      const result = await printPdfFile(path, BrowserWindow.fromWebContents(event.sender));
      if (result.printed || result.cancelled) return answered({ printed: result.printed });
      return failed(event, {
        code: 'internal',
        message: {
          id: `Pencetakan gagal (${result.reason}). Periksa printer dan kertasnya, lalu cetak lagi.`,
          en: `Printing failed (${result.reason}). Check the printer and its paper, then print again.`,
        },
      });
    } catch (e) {
      console.error(e);
      return failed(event, NOT_PREPARED);
    }
  });

  ipcMain.handle(channels.savePdf, async (event, bytes: unknown, suggestedName: unknown): Promise<DesktopAnswer<string | null>> => {
    if (!isTrustedSender(event)) return failed(event, REFUSED);
    if (!isPdfBytes(bytes)) return failed(event, NOT_PDF);
    const english = localeOf(event) === 'en';
    const options: SaveDialogOptions = {
      title: english ? 'Save PDF' : 'Simpan PDF',
      buttonLabel: english ? 'Save' : 'Simpan',
      defaultPath: join(documentsFolder(), pdfFileName(suggestedName)),
      filters: [{ name: english ? 'PDF document' : 'Dokumen PDF', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    try {
      const owner = BrowserWindow.fromWebContents(event.sender);
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return answered(null);
      await writeFile(choice.filePath, bytes);
      return answered(choice.filePath);
    } catch (e) {
      console.error(e);
      return failed(event, {
        code: 'internal',
        message: {
          id: 'PDF tidak dapat disimpan. Periksa folder tujuan dan ruang disk, lalu coba lagi.',
          en: 'The PDF could not be saved. Check the folder and the free disk space, then try again.',
        },
      });
    }
  });

  return {
    sessionCount: () => sessions.size,
    dispose: () => {
      for (const channel of Object.values(channels)) ipcMain.removeHandler(channel);
      sessions.clear();
      locales.clear();
    },
  };
}

function documentsFolder(): string {
  try {
    return electronApp.getPath('documents');
  } catch {
    // Some Linux desktops have no Documents folder configured.
    return homedir();
  }
}
