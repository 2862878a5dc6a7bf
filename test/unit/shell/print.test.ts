import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, ipcMain } from './fake-electron.js';
import { channels, registerIpc, type IpcRegistration } from '../../../src-main/shell/ipc.js';
import { removeTempPdfs } from '../../../src-main/shell/pdf-files.js';
import { printWindowOptions, PRINT_OPTIONS } from '../../../src-main/shell/print.js';
import type { DesktopAnswer } from '../../../src-main/shell/bridge.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% uji\n1 0 obj <<>> endobj\n%%EOF\n'));
const dispatch = vi.fn(() => Promise.resolve({ status: 200, body: { ok: true as const, value: null } }));

let registration: IpcRegistration | null = null;
beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
  registration = registerIpc({ dispatch });
});
afterEach(() => {
  registration?.dispose();
  registration = null;
});
afterAll(() => removeTempPdfs());

const printDocument = (event: unknown, bytes: unknown, title: unknown = 'IUMK 503/0001/IUMK/1006/XI/2026') =>
  ipcMain.call(channels.printDocument, event, bytes, title) as Promise<DesktopAnswer<{ printed: boolean }>>;

describe('desktop:print-document (webContents printing)', () => {
  it('loads the PDF into a hidden sandboxed window, opens the system print dialog, and closes the window', async () => {
    const owner = new FakeBrowserWindow({});
    const answer = await printDocument(owner.webContents.ipcEvent(), PDF);
    expect(answer).toEqual({ ok: true, value: { printed: true } });
    const printer = FakeBrowserWindow.instances.at(-1)!;
    expect(printer).not.toBe(owner);
    expect(printer.options).toMatchObject({
      show: false,
      parent: owner,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    expect(printer.options.webPreferences).not.toHaveProperty('preload');
    const url = printer.loadURL.mock.calls[0][0];
    const path = fileURLToPath(url);
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(basename(path)).toBe('IUMK 503-0001-IUMK-1006-XI-2026.pdf');
    expect(new Uint8Array(readFileSync(path))).toEqual(PDF);
    expect(printer.webContents.print).toHaveBeenCalledWith(PRINT_OPTIONS, expect.any(Function));
    expect(PRINT_OPTIONS.silent).toBe(false);
    expect(printer.destroy).toHaveBeenCalled();
  });

  it('answers printed: false when the clerk closes the dialog, and an Indonesian error when the printer fails', async () => {
    const contents = new FakeWebContents();
    FakeWebContents.printAnswers.push([false, 'cancelled'], [false, 'failed']);
    expect(await printDocument(contents.ipcEvent(), PDF)).toEqual({ ok: true, value: { printed: false } });
    expect(await printDocument(contents.ipcEvent(), PDF)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Pencetakan gagal (failed)') as unknown },
    });
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(FakeBrowserWindow.instances.every((w) => w.destroyed)).toBe(true);
  });

  it('refuses a foreign sender and bytes that are not a PDF, without opening a window', async () => {
    const contents = new FakeWebContents();
    expect(await printDocument(contents.ipcEvent(contents.subframe()), PDF)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await printDocument(new FakeWebContents('https://contoh.go.id/').ipcEvent(), PDF)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await printDocument(contents.ipcEvent(), new Uint8Array(Buffer.from('<html>')))).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('keeps the print window free of node and of our bridge', () => {
    const options = printWindowOptions(null);
    expect(options).not.toHaveProperty('parent');
    expect(options.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true });
  });
});
