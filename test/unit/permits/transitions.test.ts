import { describe, expect, it } from 'vitest';
import {
  allowedPermitTransitions,
  checkTransition as checkTransitionPhrases,
  finalPermitStatuses,
  findPermitTransition,
  permitSlaClock,
  permitStatuses,
  permitStatusLabels as permitStatusLabelsPhrases,
  permitStatusPausesSla,
  permitTransitions,
  staffRoles,
  type PermitStatus,
  type StaffRole,
} from '../../../src-main/features/permits/rules/transitions';
import { answeringIn, inLanguage } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkTransition = answeringIn(checkTransitionPhrases);
const permitStatusLabels = inLanguage(permitStatusLabelsPhrases);

/** The workflow as agreed, written out independently of the module's table. */
const expected: [PermitStatus, PermitStatus, StaffRole[], string[]][] = [
  ['diajukan', 'diverifikasi', ['loket', 'petugas', 'supervisor'], []],
  ['diajukan', 'perlu_perbaikan', ['loket', 'petugas', 'supervisor'], ['reason']],
  ['diverifikasi', 'perlu_perbaikan', ['loket', 'petugas', 'supervisor'], ['reason']],
  ['perlu_perbaikan', 'diajukan', ['loket', 'petugas', 'supervisor'], []],
  ['diverifikasi', 'disetujui', ['supervisor'], []],
  ['diajukan', 'ditolak', ['supervisor'], ['reason']],
  ['diverifikasi', 'ditolak', ['supervisor'], ['reason']],
  ['disetujui', 'terbit', ['loket', 'supervisor'], []],
  ['terbit', 'diserahkan', ['loket'], []],
  ['terbit', 'dicabut', ['supervisor'], ['reason']],
  ['diserahkan', 'dicabut', ['supervisor'], ['reason']],
];

const fullInput = { reason: 'Fotokopi KK belum dilampirkan', receiverName: 'Siti Aminah', deliveryChannel: 'ajib' as const };

describe('permitTransitions table', () => {
  it('holds exactly the agreed moves, roles and requirements', () => {
    const actual = permitTransitions.map((t) => [t.from, t.to, [...t.roles].sort(), [...t.requires]]);
    const wanted = expected.map(([from, to, roles, requires]) => [from, to, [...roles].sort(), requires]);
    expect(actual).toEqual(wanted);
  });

  it('has no duplicate moves and only known statuses', () => {
    const keys = permitTransitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of permitTransitions) {
      expect(permitStatuses).toContain(t.from);
      expect(permitStatuses).toContain(t.to);
    }
  });

  it('gives admin no permit moves, and approval only to the supervisor', () => {
    expect(permitTransitions.filter((t) => t.roles.includes('admin'))).toEqual([]);
    expect(findPermitTransition('diverifikasi', 'disetujui')?.roles).toEqual(['supervisor']);
  });

  it('needs the receiver name only for AJIB handover', () => {
    expect(findPermitTransition('terbit', 'diserahkan')?.requiresForAjib).toEqual(['receiverName']);
  });

  it('marks the SLA effects and number assignment', () => {
    expect(findPermitTransition('diajukan', 'perlu_perbaikan')?.slaEffect).toBe('paused');
    expect(findPermitTransition('diverifikasi', 'perlu_perbaikan')?.slaEffect).toBe('paused');
    expect(findPermitTransition('perlu_perbaikan', 'diajukan')?.slaEffect).toBe('resumed');
    expect(findPermitTransition('disetujui', 'terbit')?.slaEffect).toBe('completed');
    expect(findPermitTransition('diverifikasi', 'ditolak')?.slaEffect).toBe('completed');
    expect(findPermitTransition('diajukan', 'ditolak')?.slaEffect).toBe('completed');
    expect(findPermitTransition('disetujui', 'terbit')?.assignsNumber).toBe(true);
    expect(permitTransitions.filter((t) => t.assignsNumber)).toHaveLength(1);
  });
});

describe('checkTransition: allowed moves', () => {
  for (const [from, to, roles] of expected) {
    for (const role of roles) {
      it(`${role}: ${from} → ${to}`, () => {
        expect(checkTransition(from, to, role, fullInput)).toEqual({ ok: true });
      });
    }
  }

  it('accepts moves without requirements with no input at all', () => {
    expect(checkTransition('diajukan', 'diverifikasi', 'loket')).toEqual({ ok: true });
    expect(checkTransition('perlu_perbaikan', 'diajukan', 'petugas')).toEqual({ ok: true });
    expect(checkTransition('disetujui', 'terbit', 'supervisor')).toEqual({ ok: true });
    expect(checkTransition('terbit', 'diserahkan', 'loket')).toEqual({ ok: true });
    expect(checkTransition('terbit', 'diserahkan', 'loket', { deliveryChannel: 'loket' })).toEqual({ ok: true });
  });
});

describe('checkTransition: roles refused', () => {
  for (const [from, to, roles] of expected) {
    for (const role of staffRoles.filter((r) => !roles.includes(r))) {
      it(`${role} may not move ${from} → ${to}`, () => {
        const r = checkTransition(from, to, role, fullInput);
        expect(r).toMatchObject({ ok: false, code: 'forbidden' });
      });
    }
  }

  it('explains who may act, with Indonesian labels', () => {
    expect(checkTransition('diverifikasi', 'disetujui', 'admin')).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Peran Admin tidak berwenang mengubah status izin dari Diverifikasi menjadi Disetujui. Yang berwenang: Supervisor.',
    });
    expect(checkTransition('diverifikasi', 'disetujui', 'loket')).toMatchObject({ code: 'forbidden' });
    expect(checkTransition('terbit', 'diserahkan', 'supervisor')).toMatchObject({ code: 'forbidden' });
    expect(checkTransition('disetujui', 'terbit', 'petugas')).toMatchObject({ code: 'forbidden' });
  });

  it('refuses an unknown role', () => {
    expect(checkTransition('diajukan', 'diverifikasi', 'tamu' as StaffRole)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('checkTransition: moves that do not exist', () => {
  const allowed = new Set(expected.map(([from, to]) => `${from}>${to}`));

  it('refuses every other pair for every role as a conflict', () => {
    for (const from of permitStatuses) {
      for (const to of permitStatuses) {
        if (allowed.has(`${from}>${to}`)) continue;
        for (const role of staffRoles) {
          expect(checkTransition(from, to, role, fullInput), `${role} ${from}>${to}`).toMatchObject({ ok: false, code: 'conflict' });
        }
      }
    }
  });

  it('names the statuses', () => {
    expect(checkTransition('diajukan', 'terbit', 'supervisor')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Status izin tidak dapat diubah dari Diajukan menjadi Terbit.',
    });
    expect(checkTransition('perlu_perbaikan', 'disetujui', 'supervisor')).toMatchObject({
      message: 'Status izin tidak dapat diubah dari Perlu perbaikan menjadi Disetujui.',
    });
    expect(checkTransition('diajukan', 'diajukan', 'loket')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Izin sudah berstatus Diajukan.',
    });
  });

  it('calls ditolak and dicabut final', () => {
    expect(finalPermitStatuses).toEqual(['ditolak', 'dicabut']);
    expect(checkTransition('ditolak', 'diajukan', 'supervisor')).toMatchObject({
      code: 'conflict',
      message: 'Izin berstatus Ditolak sudah final dan tidak dapat diubah menjadi Diajukan.',
    });
  });

  it('checks existence before role, so the message is about the workflow', () => {
    expect(checkTransition('terbit', 'disetujui', 'admin')).toMatchObject({ code: 'conflict' });
  });

  it('refuses unknown statuses as bad input', () => {
    expect(checkTransition('draft' as PermitStatus, 'diajukan', 'loket')).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'Status izin tidak dikenal: draft.',
    });
  });
});

describe('checkTransition: required input', () => {
  const needsReason = expected.filter(([, , , requires]) => requires.includes('reason'));

  it('requires a non-blank reason where the table says so', () => {
    expect(needsReason).toHaveLength(6);
    for (const [from, to, roles] of needsReason) {
      for (const reason of [undefined, null, '', '   ']) {
        const r = checkTransition(from, to, roles[0], { reason });
        expect(r, `${from}>${to}`).toMatchObject({ ok: false, code: 'bad_input' });
      }
    }
  });

  it('names the field and the statuses', () => {
    expect(checkTransition('diverifikasi', 'ditolak', 'supervisor', { reason: ' ' })).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'Alasan wajib diisi untuk mengubah status izin dari Diverifikasi menjadi Ditolak.',
    });
  });

  it('requires the receiver name for AJIB delivery only', () => {
    expect(checkTransition('terbit', 'diserahkan', 'loket', { deliveryChannel: 'ajib' })).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'Nama penerima wajib diisi untuk penyerahan izin melalui AJIB (status Diserahkan).',
    });
    expect(checkTransition('terbit', 'diserahkan', 'loket', { deliveryChannel: 'ajib', receiverName: '  ' })).toMatchObject({
      code: 'bad_input',
    });
    expect(checkTransition('terbit', 'diserahkan', 'loket', { deliveryChannel: 'ajib', receiverName: 'Pak RT' })).toEqual({
      ok: true,
    });
  });

  it('checks the role before the input', () => {
    expect(checkTransition('diverifikasi', 'ditolak', 'loket', {})).toMatchObject({ code: 'forbidden' });
  });
});

describe('labels, SLA clock and helper lists', () => {
  it('labels every status in Indonesian', () => {
    expect(permitStatuses.map((s) => permitStatusLabels[s])).toEqual([
      'Diajukan',
      'Diverifikasi',
      'Perlu perbaikan',
      'Disetujui',
      'Terbit',
      'Diserahkan',
      'Ditolak',
      'Dicabut',
    ]);
  });

  it('pauses the SLA only while waiting on the applicant', () => {
    expect(permitStatuses.filter(permitStatusPausesSla)).toEqual(['perlu_perbaikan']);
    expect(permitStatuses.map(permitSlaClock)).toEqual(['running', 'running', 'paused', 'running', 'stopped', 'stopped', 'stopped', 'stopped']);
  });

  it('lists the moves a role may make from a status', () => {
    expect(allowedPermitTransitions('diverifikasi', 'supervisor').map((t) => t.to)).toEqual(['perlu_perbaikan', 'disetujui', 'ditolak']);
    expect(allowedPermitTransitions('diverifikasi', 'loket').map((t) => t.to)).toEqual(['perlu_perbaikan']);
    for (const status of permitStatuses) expect(allowedPermitTransitions(status, 'admin')).toEqual([]);
  });
});
