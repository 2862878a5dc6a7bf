import { describe, expect, it } from 'vitest';
import { defineWorkflow, type Transition } from '../../../src-main/core/workflow';

type S = 'baru' | 'diperiksa' | 'selesai';
const wf = defineWorkflow<S, 'reason', Transition<S, 'reason'>, { reason?: string }>({
  noun: 'berkas',
  statuses: ['baru', 'diperiksa', 'selesai'],
  labels: { baru: 'Baru', diperiksa: 'Diperiksa', selesai: 'Selesai' },
  transitions: [
    { from: 'baru', to: 'diperiksa', roles: ['petugas'], requires: [] },
    { from: 'diperiksa', to: 'selesai', roles: ['supervisor'], requires: ['reason'] },
  ],
  missing: (need, input) => (need === 'reason' && !input.reason?.trim() ? 'Alasan wajib diisi.' : null),
});

describe('a workflow table', () => {
  it('knows its final statuses and the moves of each role', () => {
    expect(wf.finals).toEqual(['selesai']);
    expect(wf.allowed('baru', 'petugas').map((t) => t.to)).toEqual(['diperiksa']);
    expect(wf.allowed('baru', 'supervisor')).toEqual([]);
    expect(wf.isStatus('baru')).toBe(true);
    expect(wf.isStatus('hilang')).toBe(false);
  });

  it('checks a move for existence, then the role, then the input, with labels in the messages', () => {
    expect(wf.check('baru', 'selesai', 'loket', {})).toEqual({ ok: false, code: 'conflict', message: 'Status berkas tidak dapat diubah dari Baru menjadi Selesai.' });
    expect(wf.check('selesai', 'baru', 'admin', {})).toMatchObject({ code: 'conflict', message: 'Berkas berstatus Selesai sudah final dan tidak dapat diubah menjadi Baru.' });
    expect(wf.check('baru', 'baru', 'petugas', {})).toMatchObject({ code: 'conflict', message: 'Berkas sudah berstatus Baru.' });
    expect(wf.check('diperiksa', 'selesai', 'petugas', {})).toMatchObject({
      code: 'forbidden',
      message: 'Peran Petugas tidak berwenang mengubah status berkas dari Diperiksa menjadi Selesai. Yang berwenang: Supervisor.',
    });
    expect(wf.check('diperiksa', 'selesai', 'supervisor', { reason: ' ' })).toEqual({ ok: false, code: 'bad_input', message: 'Alasan wajib diisi.' });
    expect(wf.check('diperiksa', 'selesai', 'supervisor', { reason: 'Lengkap' })).toEqual({ ok: true });
    expect(wf.check('hilang' as S, 'baru', 'admin', {})).toMatchObject({ code: 'bad_input', message: 'Status berkas tidak dikenal: hilang.' });
  });
});
