import { describe, expect, it, vi } from 'vitest';
import type { electronModule as fakeElectron } from './fake-electron.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

type Fake = typeof fakeElectron;

// Each case loads the entry afresh. The fake is taken through 'electron' itself, so the test
// sees the very object the entry imported, with the previous case's calls wiped.
async function start(argv: string[], singleInstance = true) {
  vi.resetModules();
  const fake = (await import('electron')) as unknown as Fake;
  vi.clearAllMocks();
  fake.app.removeAllListeners();
  fake.app.singleInstance = singleInstance;
  const saved = process.argv;
  process.argv = argv;
  try {
    await import('../../../src-main/shell/main.js');
  } finally {
    process.argv = saved;
  }
  return fake;
}

describe('desktop entry refusing to start', () => {
  it('quits at once when another instance holds the data folder', async () => {
    const fake = await start(['electron', '/app'], false);
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('says so in Indonesian when --data-dir has no folder', async () => {
    const fake = await start(['electron', '/app', '--data-dir']);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Jakpreneur Desk tidak dapat dibuka', expect.stringContaining('--data-dir'));
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });
});
