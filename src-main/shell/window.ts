import { join } from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './protocol';

export const WINDOW_TITLE = 'Jakpreneur Desk';

/** out/main/index.js -> out/preload/index.cjs (CommonJS: sandboxed preloads cannot be ESM). */
export const PRELOAD_PATH = join(import.meta.dirname, '..', 'preload', 'index.cjs');

export function mainWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    // Counter PCs are mostly 1366x768 laptops; the minimum keeps forms and tables usable.
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: PRELOAD_PATH,
    },
  };
}

/** The one window of the app; shown once painted so staff never see a white flash. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions());
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((e: unknown) => console.error('Tampilan aplikasi gagal dimuat:', e));
  return window;
}
