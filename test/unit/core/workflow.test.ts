import { describe, expect, it } from 'vitest';
import { defineWorkflow, type Transition } from '../../../src-main/core/workflow';

type S = 'baru' | 'diperiksa' | 'selesai';
const wf = defineWorkflow<S, 'reason', Transition<S, 'reason'>, { reason?: string }>({
  noun: { id: 'berkas', en: 'file' },
  statuses: ['baru', 'diperiksa', 'selesai'],
  labels: { baru: { id: 'Baru', en: 'New' }, diperiksa: { id: 'Diperiksa', en: 'Checked' }, selesai: { id: 'Selesai', en: 'Done' } },
  transitions: [
    { from: 'baru', to: 'diperiksa', roles: ['petugas'], requires: [] },
    { from: 'diperiksa', to: 'selesai', roles: ['supervisor'], requires: ['reason'] },
  ],
  missing: (_need, input) => (!input.reason?.trim() ? { id: 'Alasan wajib diisi.', en: 'A reason is required.' } : null),
});

describe('a workflow table', () => {
  it('knows its final statuses and the moves of each role', () => {
    expect(wf.finals).toEqual(['selesai']);
    expect(wf.allowed('baru', 'petugas').map((t) => t.to)).toEqual(['diperiksa']);
    expect(wf.allowed('baru', 'supervisor')).toEqual([]);
    expect(wf.isStatus('baru')).toBe(true);
    expect(wf.isStatus('hilang')).toBe(false);
  });

  /** A check with its message in one language. */
  const checkIn = (locale: 'id' | 'en', ...args: Parameters<typeof wf.check>) => {
    const r = wf.check(...args);
    return r.ok ? r : { ...r, message: r.message[locale] };
  };

  it('checks a move for existence, then the role, then the input, with labels in the messages', () => {
    expect(checkIn('id', 'baru', 'selesai', 'loket', {})).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Status berkas tidak dapat diubah dari Baru menjadi Selesai.',
    });
    expect(checkIn('id', 'selesai', 'baru', 'admin', {})).toMatchObject({
      code: 'conflict',
      message: 'Berkas berstatus Selesai sudah final dan tidak dapat diubah menjadi Baru.',
    });
    expect(checkIn('id', 'baru', 'baru', 'petugas', {})).toMatchObject({ code: 'conflict', message: 'Berkas sudah berstatus Baru.' });
    expect(checkIn('id', 'diperiksa', 'selesai', 'petugas', {})).toMatchObject({
      code: 'forbidden',
      message: 'Peran Petugas tidak berwenang mengubah status berkas dari Diperiksa menjadi Selesai. Yang berwenang: Supervisor.',
    });
    expect(checkIn('id', 'diperiksa', 'selesai', 'supervisor', { reason: ' ' })).toEqual({ ok: false, code: 'bad_input', message: 'Alasan wajib diisi.' });
    expect(checkIn('id', 'diperiksa', 'selesai', 'supervisor', { reason: 'Lengkap' })).toEqual({ ok: true });
    expect(checkIn('id', 'hilang' as S, 'baru', 'admin', {})).toMatchObject({ code: 'bad_input', message: 'Status berkas tidak dikenal: hilang.' });
  });

  it('says the same in English', () => {
    expect(checkIn('en', 'baru', 'selesai', 'loket', {})).toMatchObject({ message: 'The file status cannot change from New to Done.' });
    expect(checkIn('en', 'diperiksa', 'selesai', 'petugas', {})).toMatchObject({
      message: 'The Staff role may not change the file status from Checked to Done. Allowed: Supervisor.',
    });
  });
});
