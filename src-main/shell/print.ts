import { pathToFileURL } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebContentsPrintOptions } from 'electron';

/**
 * Printing a PDF in place: the PDF loads into a hidden, sandboxed window and webContents.print()
 * opens the system print dialog over the app, so the clerk prints without a viewer in between.
 * (Electron 32 fixed the blank pages that made this unusable before, electron#43309.) The
 * window has no preload and no bridge: it only shows the file we wrote.
 */

export function printWindowOptions(owner: Electron.BrowserWindow | null): BrowserWindowConstructorOptions {
  return {
    show: false,
    ...(owner ? { parent: owner } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      // Chromium's PDF viewer is a plugin: needed to render the PDF for printing.
      plugins: true,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export const PRINT_OPTIONS: WebContentsPrintOptions = { silent: false, printBackground: true };

export type PrintResult = { printed: true } | { printed: false; cancelled: boolean; reason: string };

/**
 * Prints the PDF at `path` through the system print dialog; resolves once the dialog is done.
 * `owner` is what BrowserWindow.fromWebContents gives: Electron types it with its namespace's
 * class, of which the module's BrowserWindow is a subclass.
 */
export async function printPdfFile(path: string, owner: Electron.BrowserWindow | null): Promise<PrintResult> {
  const window = new BrowserWindow(printWindowOptions(owner));
  try {
    await window.loadURL(pathToFileURL(path).href);
    return await new Promise<PrintResult>((resolve) => {
      window.webContents.print(PRINT_OPTIONS, (success, failureReason) => {
        if (success) resolve({ printed: true });
        else resolve({ printed: false, cancelled: /cancel/i.test(failureReason), reason: failureReason });
      });
    });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
