import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, FakeBrowserWindow, FakeFrame, FakeWebContents, ipcMain, shell } from './fake-electron.js';
import { openApp, type App } from '../../../src-main/app.js';
import type { CallRequest, CallResponse } from '../../../src-main/core/api/dispatch.js';
import { channels, isTrustedSender, registerIpc, type IpcRegistration } from '../../../src-main/shell/ipc.js';
import { removeTempPdfs } from '../../../src-main/shell/pdf-files.js';
import type { DesktopAnswer, InvokeAnswer } from '../../../src-main/shell/bridge.js';
import type { IpcMainInvokeEvent } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n% uji\n1 0 obj <<>> endobj\n%%EOF\n'));

const invoke = (event: unknown, method: unknown, input: unknown = {}) => ipcMain.call(channels.invoke, event, method, input) as Promise<InvokeAnswer>;
const asEvent = (event: unknown) => event as IpcMainInvokeEvent;

let registration: IpcRegistration | null = null;
afterEach(() => {
  registration?.dispose();
  registration = null;
});

/** A dispatcher that records its calls and hands out a session on 'auth.login'. */
function recordingApp() {
  const calls: CallRequest[] = [];
  let issued = 0;
  const answer = (req: CallRequest): CallResponse => {
    if (req.method === 'auth.login') return { status: 200, body: { ok: true, value: { csrfToken: 'c' } }, session: `token-${++issued}` };
    if (req.method === 'auth.logout') return { status: 200, body: { ok: true, value: null }, session: null };
    return { status: 200, body: { ok: true, value: { saw: req.sessionToken ?? null } } };
  };
  const dispatch = vi.fn((req: CallRequest): Promise<CallResponse> => {
    calls.push(req);
    return Promise.resolve(answer(req));
  });
  return { calls, dispatch };
}

describe('sender check', () => {
  it('accepts the main frame of our own page', () => {
    const contents = new FakeWebContents();
    expect(isTrustedSender(asEvent(contents.ipcEvent()))).toBe(true);
  });

  it('refuses a page from another URL, a subframe, a detached or missing frame', () => {
    const elsewhere = new FakeWebContents('https://contoh.go.id/');
    expect(isTrustedSender(asEvent(elsewhere.ipcEvent()))).toBe(false);
    const file = new FakeWebContents('file:///tmp/index.html');
    expect(isTrustedSender(asEvent(file.ipcEvent()))).toBe(false);
    const lookalike = new FakeWebContents('app://jakpreneur.evil/index.html');
    expect(isTrustedSender(asEvent(lookalike.ipcEvent()))).toBe(false);

    const contents = new FakeWebContents();
    expect(isTrustedSender(asEvent(contents.ipcEvent(contents.subframe())))).toBe(false);
    expect(isTrustedSender(asEvent(contents.ipcEvent(null)))).toBe(false);
    const detached = new FakeFrame(contents.mainFrame.url, null, 1, contents.id, true);
    expect(isTrustedSender(asEvent(contents.ipcEvent(detached)))).toBe(false);
    // A top-level frame that is not this webContents' main frame (e.g. a stale one).
    const other = new FakeFrame(contents.mainFrame.url, null, 1, contents.id + 5000);
    expect(isTrustedSender(asEvent(contents.ipcEvent(other)))).toBe(false);
  });

  it('treats a frame that throws on access as a stranger', () => {
    const contents = new FakeWebContents();
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
      processId: 1,
      routingId: contents.id,
      detached: false,
    };
    expect(isTrustedSender(asEvent({ sender: contents, senderFrame: disposed }))).toBe(false);
  });
});

describe('api:invoke', () => {
  it('registers one handler per channel', () => {
    registration = registerIpc(recordingApp());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(channels).sort());
  });

  it('refuses a subframe and another origin without calling the app', async () => {
    const office = recordingApp();
    registration = registerIpc(office);
    const contents = new FakeWebContents();
    const fromSubframe = await invoke(contents.ipcEvent(contents.subframe()), 'office.status');
    expect(fromSubframe.status).toBe(403);
    expect(fromSubframe.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const fromElsewhere = await invoke(new FakeWebContents('https://contoh.go.id/').ipcEvent(), 'office.status');
    expect(fromElsewhere.status).toBe(403);
    expect(office.dispatch).not.toHaveBeenCalled();
  });

  it('validates the method name', async () => {
    const office = recordingApp();
    registration = registerIpc(office);
    const contents = new FakeWebContents();
    for (const method of [42, null, '', 'x'.repeat(101), { toString: () => 'office.status' }]) {
      const answer = await invoke(contents.ipcEvent(), method);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect(office.dispatch).not.toHaveBeenCalled();
    expect((await invoke(contents.ipcEvent(), 'x'.repeat(100))).status).toBe(200);
  });

  it('keeps the session per window, passes checkCsrf false and never returns the token', async () => {
    const office = recordingApp();
    registration = registerIpc(office);
    const counter = new FakeWebContents();
    const other = new FakeWebContents();

    const login = await invoke(counter.ipcEvent(), 'auth.login', { username: 'siti', password: 'x' });
    expect(login).toEqual({ status: 200, body: { ok: true, value: { csrfToken: 'c' } } });
    expect(JSON.stringify(login)).not.toContain('token-1');

    expect((await invoke(counter.ipcEvent(), 'registrations.list')).body).toEqual({ ok: true, value: { saw: 'token-1' } });
    expect((await invoke(other.ipcEvent(), 'registrations.list')).body).toEqual({ ok: true, value: { saw: null } });
    expect(office.calls.every((c) => !c.checkCsrf)).toBe(true);
    // The desktop window is the office PC itself: its address for the login throttle.
    expect(office.calls.every((c) => c.clientAddress === 'desktop')).toBe(true);
    expect(registration.sessionCount()).toBe(1);

    await invoke(counter.ipcEvent(), 'auth.logout');
    expect((await invoke(counter.ipcEvent(), 'registrations.list')).body).toEqual({ ok: true, value: { saw: null } });
    expect(registration.sessionCount()).toBe(0);
  });

  it("passes a long call's job id on, and nothing but a string", async () => {
    const office = recordingApp();
    registration = registerIpc(office);
    const contents = new FakeWebContents();
    await ipcMain.call(channels.invoke, contents.ipcEvent(), 'permits.certificateBatch', {}, 'job-12345678');
    await ipcMain.call(channels.invoke, contents.ipcEvent(), 'permits.certificateBatch', {}, { evil: true });
    await invoke(contents.ipcEvent(), 'office.status');
    expect(office.calls.map((c) => c.jobId)).toEqual(['job-12345678', null, null]);
  });

  it('forgets the session when the window is destroyed', async () => {
    registration = registerIpc(recordingApp());
    const contents = new FakeWebContents();
    await invoke(contents.ipcEvent(), 'auth.login');
    expect(registration.sessionCount()).toBe(1);
    contents.destroy();
    expect(registration.sessionCount()).toBe(0);
  });

  it('answers instead of throwing when the app fails unexpectedly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registration = registerIpc({ dispatch: async () => Promise.reject(new Error('boom')) });
    const answer = await invoke(new FakeWebContents().ipcEvent(), 'office.status');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('boom');
    error.mockRestore();
  });
});

describe('api:invoke with a real App', () => {
  let dataDir: string;
  let office: App;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jpd-shell-ipc-'));
    office = await openApp({ dataDir, security: { passwordCost: { logN: 10, r: 8, p: 1 } } });
  });
  afterAll(async () => {
    await office.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('calls a public method through the registry', async () => {
    registration = registerIpc(office);
    const answer = await invoke(new FakeWebContents().ipcEvent(), 'office.status', {});
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, value: { setupDone: false, officeName: null } });
    expect(Object.keys(answer).sort()).toEqual(['body', 'status']);
  });

  it('logs the window in after setup and keeps other windows out', async () => {
    registration = registerIpc(office);
    const counter = new FakeWebContents();
    const other = new FakeWebContents();
    const setup = await invoke(counter.ipcEvent(), 'office.setup', {
      office: {
        kotaKode: '31.74',
        kecamatanKode: '31.74.01',
        name: 'Kantor Kecamatan Tebet',
        address: 'Jl. Tebet Raya No. 1',
        letterheadLines: ['PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA', 'KECAMATAN TEBET'],
        signatoryName: 'Budi Santoso',
        signatoryTitle: 'Camat Tebet',
        signatoryNip: '197001011990031001',
        yearlyTarget: 120,
      },
      admin: { username: 'admin', fullName: 'Admin Kantor', password: 'KopiSusuGulaAren7' },
    });
    expect(setup.body.ok, JSON.stringify(setup.body)).toBe(true);

    const mine = await invoke(counter.ipcEvent(), 'auth.session', {});
    expect(mine.body).toMatchObject({ ok: true, value: { user: { username: 'admin', role: 'admin' } } });
    const theirs = await invoke(other.ipcEvent(), 'auth.session', {});
    expect(theirs.body).toEqual({ ok: true, value: null });
    // Mutations pass without a CSRF token: the sender check stands in for it on IPC.
    const logout = await invoke(counter.ipcEvent(), 'auth.logout', {});
    expect(logout.status).toBe(200);
    expect((await invoke(counter.ipcEvent(), 'auth.session', {})).body).toEqual({ ok: true, value: null });
  });
});

describe('desktop:print-pdf', () => {
  beforeEach(() => {
    shell.openPath.mockClear();
  });
  afterAll(() => removeTempPdfs());

  it('writes the PDF to a temp file named after the title and opens it in the PDF viewer', async () => {
    registration = registerIpc(recordingApp());
    const answer = (await ipcMain.call(channels.printPdf, new FakeWebContents().ipcEvent(), PDF, 'Sertifikat IUMK: Siti/2026')) as DesktopAnswer<null>;
    expect(answer).toEqual({ ok: true, value: null });
    const path = shell.openPath.mock.calls[0][0];
    expect(basename(path)).toBe('Sertifikat IUMK- Siti-2026.pdf');
    expect(path.startsWith(tmpdir())).toBe(true);
    expect(new Uint8Array(readFileSync(path))).toEqual(PDF);
  });

  it('reports a computer without a PDF viewer in Indonesian', async () => {
    registration = registerIpc(recordingApp());
    shell.openPath.mockResolvedValueOnce('No application is associated');
    const answer = (await ipcMain.call(channels.printPdf, new FakeWebContents().ipcEvent(), PDF, 'x')) as DesktopAnswer<null>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('pembaca PDF') as unknown } });
  });

  it('refuses foreign senders and bytes that are not a PDF', async () => {
    registration = registerIpc(recordingApp());
    const contents = new FakeWebContents();
    const refused = (await ipcMain.call(channels.printPdf, contents.ipcEvent(contents.subframe()), PDF, 'x')) as DesktopAnswer<null>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bytes of [new Uint8Array(Buffer.from('<html>')), 'JVBERi0=', null, [0x25, 0x50, 0x44, 0x46, 0x2d]]) {
      const answer = (await ipcMain.call(channels.printPdf, contents.ipcEvent(), bytes, 'x')) as DesktopAnswer<null>;
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    }
    expect(shell.openPath).not.toHaveBeenCalled();
  });
});

describe('desktop:save-pdf', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jpd-shell-save-'));
    dialog.showSaveDialog.mockReset();
    FakeBrowserWindow.instances.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks where to save, on top of the calling window, and writes the file there', async () => {
    registration = registerIpc(recordingApp());
    const window = new FakeBrowserWindow({});
    const target = join(dir, 'laporan.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const answer = (await ipcMain.call(channels.savePdf, window.webContents.ipcEvent(), PDF, 'Laporan Bulanan November 2026')) as DesktopAnswer<string | null>;
    expect(answer).toEqual({ ok: true, value: target });
    expect(new Uint8Array(readFileSync(target))).toEqual(PDF);
    const [owner, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown[] }];
    expect(owner).toBe(window);
    expect(basename(options.defaultPath)).toBe('Laporan Bulanan November 2026.pdf');
    expect(options.filters).toEqual([{ name: 'Dokumen PDF', extensions: ['pdf'] }]);
  });

  it('answers null when the user cancels', async () => {
    registration = registerIpc(recordingApp());
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const answer = (await ipcMain.call(channels.savePdf, new FakeWebContents().ipcEvent(), PDF, 'x')) as DesktopAnswer<string | null>;
    expect(answer).toEqual({ ok: true, value: null });
  });

  it('answers in Indonesian when the file cannot be written', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registration = registerIpc(recordingApp());
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'tidak-ada', 'x.pdf') });
    const answer = (await ipcMain.call(channels.savePdf, new FakeWebContents().ipcEvent(), PDF, 'x')) as DesktopAnswer<string | null>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('tidak dapat disimpan') as unknown } });
    error.mockRestore();
  });

  it('refuses a foreign sender without showing a dialog', async () => {
    registration = registerIpc(recordingApp());
    const answer = (await ipcMain.call(channels.savePdf, new FakeWebContents('https://contoh.go.id/').ipcEvent(), PDF, 'x')) as DesktopAnswer<string | null>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
