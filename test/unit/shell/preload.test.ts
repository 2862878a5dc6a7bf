import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './fake-electron.js';
import { channels } from '../../../src-main/shell/channels.js';
import type { DesktopBridge } from '../../../src-main/shell/bridge.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

let desktop: DesktopBridge;

beforeAll(async () => {
  await import('../../../src-main/shell/preload.js');
  desktop = contextBridge.exposed.get('desktop') as DesktopBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('preload bridge', () => {
  it('exposes one object, window.desktop, with exactly invoke, printPdf, printDocument and savePdf', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['desktop']);
    expect(Object.keys(desktop).sort()).toEqual(['invoke', 'printDocument', 'printPdf', 'savePdf']);
    for (const value of Object.values(desktop)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or anything carrying it', () => {
    const exposed = Object.values(desktop) as unknown[];
    expect(exposed).not.toContain(ipcRenderer);
    expect(exposed).not.toContain(ipcRenderer.invoke);
    expect(exposed).not.toContain(ipcRenderer.send);
    expect(exposed).not.toContain(ipcRenderer.on);
    expect(Object.values(ipcRenderer)).not.toContain(desktop);
  });

  it('invoke goes over the api channel and returns the answer as is', async () => {
    const answer = { status: 200, body: { ok: true, value: { setupDone: true } } };
    ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await expect(desktop.invoke('office.status', {})).resolves.toEqual(answer);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channels.invoke, 'office.status', {}, null, null);
    // A long call's job id travels with it, as a plain string.
    ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await desktop.invoke('permits.certificateBatch', { issuedOn: '2026-11-30' }, { jobId: 'job-12345678' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.invoke, 'permits.certificateBatch', { issuedOn: '2026-11-30' }, 'job-12345678', null);
    // So does the screen's language, for the answer's messages.
    ipcRenderer.invoke.mockResolvedValueOnce(answer);
    await desktop.invoke('office.status', {}, { locale: 'en' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.invoke, 'office.status', {}, null, 'en');
  });

  it('printPdf and savePdf unwrap their answers', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(desktop.printPdf(bytes, 'Sertifikat')).resolves.toBeUndefined();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.printPdf, bytes, 'Sertifikat');

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { printed: false } });
    await expect(desktop.printDocument(bytes, 'IUMK')).resolves.toEqual({ printed: false });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.printDocument, bytes, 'IUMK');

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: '/home/staf/Dokumen/x.pdf' });
    await expect(desktop.savePdf(bytes, 'x')).resolves.toBe('/home/staf/Dokumen/x.pdf');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channels.savePdf, bytes, 'x');

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(desktop.savePdf(bytes, 'x')).resolves.toBeNull();
  });

  it('turns a failed answer into a rejection with the Indonesian message', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'internal', message: 'PDF tidak dapat disimpan.' } });
    await expect(desktop.savePdf(new Uint8Array(), 'x')).rejects.toThrow('PDF tidak dapat disimpan.');
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'Permintaan ditolak.' } });
    await expect(desktop.printPdf(new Uint8Array(), 'x')).rejects.toThrow('Permintaan ditolak.');
  });
});
