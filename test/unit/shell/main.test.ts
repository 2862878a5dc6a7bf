import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, ipcMain, Menu, protocol, session } from './fake-electron.js';
import { DATABASE_FILE } from '../../../src-main/app.js';
import { channels } from '../../../src-main/shell/channels.js';
import type { InvokeAnswer } from '../../../src-main/shell/bridge.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

// The entry runs on import, as Electron runs it: argv and the fake app are set up first.
let dataDir: string;
let releaseReady: () => void;
const argv = process.argv;

beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'jpd-shell-main-')), 'kantor');
  process.argv = ['electron', '/app', '--data-dir', dataDir];
  app.readyPromise = new Promise<void>((resolve) => {
    releaseReady = resolve;
  });
  await import('../../../src-main/shell/main.js');
});

afterAll(() => {
  process.argv = argv;
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

describe('desktop entry', () => {
  it('before ready: registers the app scheme as privileged, hardens new contents, takes the lock per data folder', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(existsSync(dataDir)).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: opens the office database, serves app://, wires IPC, the menu and the window', async () => {
    releaseReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(protocol.handlers.has('app')).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    const labels = (Menu.buildFromTemplate.mock.calls[0][0] as { label?: string }[]).map((m) => m.label);
    expect(labels).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Bantuan']);

    const window = FakeBrowserWindow.instances[0];
    expect(window.loadURL).toHaveBeenCalledWith('app://jakpreneur/index.html');
    const answer = (await ipcMain.call(channels.invoke, window.webContents.ipcEvent(), 'office.status', {})) as InvokeAnswer;
    expect(answer.body).toMatchObject({ ok: true, value: { setupDone: false } });
  });

  it('focuses the window when a second instance starts', () => {
    const window = FakeBrowserWindow.instances[0];
    app.emit('second-instance', {}, [], '/');
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes (except on macOS) and closes the database first', async () => {
    FakeBrowserWindow.instances[0].close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);

    app.quit.mockClear();
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));

    // The second round finds the database closed and lets the quit through.
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    // Closed for real: the file can be removed (Windows would refuse an open one).
    rmSync(join(dataDir, DATABASE_FILE));
  });
});
