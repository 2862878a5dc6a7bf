import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './fake-electron.js';
import { createMainWindow, PRELOAD_PATH } from '../../../src-main/shell/window.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

describe('main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('isolates the page: context isolation and sandbox on, no Node, web security kept', () => {
    createMainWindow();
    const prefs = FakeBrowserWindow.instances[0].options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe(PRELOAD_PATH);
  });

  it('takes the CommonJS preload that electron-vite writes beside out/main', () => {
    expect(PRELOAD_PATH.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
  });

  it('loads the app from the custom protocol, titled and sized for a counter PC', () => {
    const window = createMainWindow();
    const { options } = FakeBrowserWindow.instances[0];
    expect(options).toMatchObject({ title: 'Jakpreneur Desk', width: 1366, height: 800, minWidth: 1024, minHeight: 700, show: false });
    expect((window as unknown as FakeBrowserWindow).loadURL).toHaveBeenCalledWith('app://jakpreneur/index.html');
  });

  it('shows itself only once painted', () => {
    const window = createMainWindow() as unknown as FakeBrowserWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });
});
