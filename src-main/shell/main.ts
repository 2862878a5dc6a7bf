// Entry of the desktop window (bundled to out/main/index.js). Thin on purpose: the office
// database, the API and the renderer's files are the same ones the office server uses.
import { mkdirSync } from 'node:fs';
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { APP_VERSION, openApp, type App } from '../app';
import { findRendererDir } from '../server/static';
import { parseDataDir } from './args';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { removeTempPdfs } from './pdf-files';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createRendererHandler } from './protocol';
import { hardenEverything, hardenSession } from './security';
import { createMainWindow } from './window';

const STARTUP_FAILED = 'Jakpreneur Desk tidak dapat dibuka';

let office: App | null = null;
let mainWindow: BrowserWindow | null = null;

function fail(message: string): void {
  dialog.showErrorBox(STARTUP_FAILED, message);
  app.exit(1);
}

function openWindow(): void {
  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function whenReady(dataDir: string): Promise<void> {
  hardenSession(session.defaultSession);
  try {
    office = await openApp({ dataDir, dailyBackup: true });
  } catch (e) {
    // A database written by a newer version, a locked file, a full disk: say so and stop.
    fail(`${e instanceof Error ? e.message : String(e)}\n\nFolder data: ${dataDir}`);
    return;
  }
  protocol.handle(APP_SCHEME, createRendererHandler(findRendererDir(import.meta.dirname)));
  registerIpc(office);
  Menu.setApplicationMenu(buildMenu({ version: APP_VERSION, dataDir }));
  openWindow();
}

function start(): void {
  // Both must happen before ready: scheme privileges are fixed at startup, and the first
  // webContents is created right after it.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  hardenEverything();

  let dataDir: string;
  try {
    const chosen = parseDataDir(process.argv);
    if (chosen) {
      mkdirSync(chosen, { recursive: true });
      // Chromium's own files follow the office data, and the single-instance lock is taken per
      // folder: two offices' folders may be open side by side, one folder never twice.
      app.setPath('userData', chosen);
    }
    // The default is the same folder the CLI's defaultDataDir() picks (productName in package.json).
    dataDir = chosen ?? app.getPath('userData');
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
    return;
  }

  // Two processes writing one SQLite file would fight over it: the second start focuses the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (office && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', (event) => {
    removeTempPdfs();
    if (!office) return;
    // Closing the database is asynchronous: hold the quit until it is done, then quit again.
    event.preventDefault();
    const closing = office;
    office = null;
    closing
      .close()
      .catch((e: unknown) => console.error(e))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => whenReady(dataDir))
    .catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
}

start();
