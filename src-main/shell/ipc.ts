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

export { channels };

export const MAX_METHOD_LENGTH = 100;

const REFUSED: ApiError = { code: 'forbidden', message: 'Permintaan ditolak: bukan berasal dari tampilan aplikasi ini.' };
const NOT_PDF: ApiError = { code: 'bad_input', message: 'Data yang dikirim bukan berkas PDF yang valid.' };

const failed = <T>(error: ApiError): DesktopAnswer<T> => ({ ok: false, error });
const answered = <T>(value: T): DesktopAnswer<T> => ({ ok: true, value });
const invokeFailure = (status: number, error: ApiError): InvokeAnswer => ({ status, body: { ok: false, error } });

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
  const watched = new WeakSet<WebContents>();

  const watch = (contents: WebContents) => {
    if (watched.has(contents)) return;
    watched.add(contents);
    const id = contents.id;
    contents.once('destroyed', () => sessions.delete(id));
  };

  ipcMain.handle(channels.invoke, async (event, method: unknown, input: unknown, jobId: unknown = null): Promise<InvokeAnswer> => {
    if (!isTrustedSender(event)) return invokeFailure(403, REFUSED);
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return invokeFailure(400, { code: 'bad_input', message: 'Nama metode API tidak valid.' });
    }
    const contents = event.sender;
    const id = contents.id;
    watch(contents);
    try {
      // The desktop window is the office PC itself.
      const response = await office.dispatch({ method, input, sessionToken: sessions.get(id) ?? null, checkCsrf: false, clientAddress: 'desktop', jobId: typeof jobId === 'string' ? jobId : null });
      if (response.session === null) sessions.delete(id);
      // A window closed while its call ran must not leave a token behind.
      else if (response.session !== undefined && !contents.isDestroyed()) sessions.set(id, response.session);
      return { status: response.status, body: response.body };
    } catch (e) {
      // The dispatcher answers every failure itself; this is the last guard so nothing throws across IPC.
      console.error(e);
      return invokeFailure(500, { code: 'internal', message: 'Terjadi kesalahan pada aplikasi. Data tidak diubah.' });
    }
  });

  // Printing hands the PDF to the computer's own PDF viewer (shell.openPath) and the clerk
  // prints from there. Chosen over a hidden window + webContents.print(): Chromium's PDF viewer
  // in Electron needs plugins switched on, has printed blank pages for years (electron#30947,
  // fixed only in 32 by #43309), and gives no reliable "rendered" signal to print a hidden page
  // at. The OS viewer prints A4 at true size with the printer's own options, and the clerk sees
  // the legal document before it goes on paper.
  ipcMain.handle(channels.printPdf, async (event, bytes: unknown, title: unknown): Promise<DesktopAnswer<null>> => {
    if (!isTrustedSender(event)) return failed(REFUSED);
    if (!isPdfBytes(bytes)) return failed(NOT_PDF);
    try {
      const path = await writeTempPdf(bytes, pdfFileName(title));
      const problem = await shell.openPath(path);
      if (problem) {
        return failed({
          code: 'internal',
          message: `PDF tidak dapat dibuka untuk dicetak (${problem}). Pasang aplikasi pembaca PDF, atau simpan PDF lalu cetak dari aplikasi lain.`,
        });
      }
      return answered(null);
    } catch (e) {
      console.error(e);
      return failed({ code: 'internal', message: 'PDF tidak dapat disiapkan untuk dicetak.' });
    }
  });

  // The certificate at the counter prints in place: the system print dialog over the app.
  ipcMain.handle(channels.printDocument, async (event, bytes: unknown, title: unknown): Promise<DesktopAnswer<{ printed: boolean }>> => {
    if (!isTrustedSender(event)) return failed(REFUSED);
    if (!isPdfBytes(bytes)) return failed(NOT_PDF);
    try {
      const path = await writeTempPdf(bytes, pdfFileName(title));
      const result = await printPdfFile(path, BrowserWindow.fromWebContents(event.sender));
      if (result.printed || result.cancelled) return answered({ printed: result.printed });
      return failed({ code: 'internal', message: `Pencetakan gagal (${result.reason}). Periksa printer dan kertasnya, lalu cetak lagi.` });
    } catch (e) {
      console.error(e);
      return failed({ code: 'internal', message: 'PDF tidak dapat disiapkan untuk dicetak.' });
    }
  });

  ipcMain.handle(channels.savePdf, async (event, bytes: unknown, suggestedName: unknown): Promise<DesktopAnswer<string | null>> => {
    if (!isTrustedSender(event)) return failed(REFUSED);
    if (!isPdfBytes(bytes)) return failed(NOT_PDF);
    const options: SaveDialogOptions = {
      title: 'Simpan PDF',
      buttonLabel: 'Simpan',
      defaultPath: join(documentsFolder(), pdfFileName(suggestedName)),
      filters: [{ name: 'Dokumen PDF', extensions: ['pdf'] }],
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
      return failed({ code: 'internal', message: 'PDF tidak dapat disimpan. Periksa folder tujuan dan ruang disk, lalu coba lagi.' });
    }
  });

  return {
    sessionCount: () => sessions.size,
    dispose: () => {
      for (const channel of Object.values(channels)) ipcMain.removeHandler(channel);
      sessions.clear();
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
