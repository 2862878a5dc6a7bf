import { describe, expect, it } from 'vitest';
import { checkPrint as checkPrintPhrases, checkReport as checkReportPhrases, printState } from '../../../src-main/features/permits/rules/printing';
import { slaLeft } from '../../../src-main/features/permits/rules/sla-left';
import { checkTerritory as checkTerritoryPhrases, kecamatanOfKelurahan, kelurahanNumberPart } from '../../../src-main/features/permits/rules/territory';
import { turnOf, turnSentence as turnSentencePhrases } from '../../../src-main/features/permits/rules/turn';
import {
  groupVerificationCode,
  normaliseVerificationCode,
  VERIFICATION_ALPHABET,
  verificationCodeFrom,
} from '../../../src-main/features/permits/rules/verification-code';
import { maskNik, maskNpwp } from '../../../src-main/core/masking';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkPrint = answeringIn(checkPrintPhrases);
const checkReport = answeringIn(checkReportPhrases);
const checkTerritory = answeringIn(checkTerritoryPhrases);
const turnSentence = answeringIn(turnSentencePhrases);

describe('territory', () => {
  const office = { kecamatanKode: '31.71.07', kecamatan: 'Tanah Abang' };
  it('lets the office sign only for its own kecamatan, and says where else to apply', () => {
    expect(
      checkTerritory(
        {
          kelurahanKode: '31.71.07.1006',
          kelurahan: 'Kebon Kacang',
          kecamatanKode: '31.71.07',
          kecamatan: 'Tanah Abang',
          kota: 'Kota Administrasi Jakarta Pusat',
        },
        office,
      ),
    ).toEqual({ ok: true });
    const out = checkTerritory(
      {
        kelurahanKode: '31.74.06.1001',
        kelurahan: 'Kuningan Barat',
        kecamatanKode: '31.74.06',
        kecamatan: 'Mampang Prapatan',
        kota: 'Kota Administrasi Jakarta Selatan',
      },
      office,
    );
    expect(out.ok).toBe(false);
    const message = !out.ok && out.message;
    expect(message).toContain('Kelurahan Kuningan Barat, Kecamatan Mampang Prapatan, Kota Administrasi Jakarta Selatan');
    expect(message).toContain('arahkan pemohon ke Kantor Kecamatan Mampang Prapatan');
    // A place whose codes disagree with each other is not taken on trust.
    expect(
      checkTerritory({ kelurahanKode: '31.71.01.1001', kelurahan: 'Gambir', kecamatanKode: '31.71.07', kecamatan: 'Tanah Abang', kota: null }, office).ok,
    ).toBe(false);
  });

  it('takes the number part and the kecamatan from the kelurahan code', () => {
    expect(kecamatanOfKelurahan('31.71.07.1006')).toBe('31.71.07');
    expect(kelurahanNumberPart('31.71.07.1006')).toBe('1006');
    expect(() => kelurahanNumberPart('31.71.07')).toThrow(RangeError);
  });
});

describe('original and copies', () => {
  const print = (kind: 'asli' | 'salinan') => ({ kind, event: 'dicetak' as const });
  const report = (kind: 'asli' | 'salinan', good: boolean) => ({ kind, event: good ? ('berhasil' as const) : ('gagal' as const) });

  it('prints the original until one is confirmed good, then copies', () => {
    expect(printState([], null)).toMatchObject({ nextKind: 'asli', awaitingReport: false, printsMade: 0 });
    expect(printState([print('asli')], null)).toMatchObject({ awaitingReport: true, unreported: 'asli' });
    expect(printState([print('asli'), report('asli', false)], null)).toMatchObject({ nextKind: 'asli', awaitingReport: false, originalConfirmed: false });
    expect(printState([print('asli'), report('asli', false), print('asli'), report('asli', true)], null)).toMatchObject({
      nextKind: 'salinan',
      originalConfirmed: true,
    });
    // A good copy does not confirm an original that was never confirmed.
    expect(printState([print('salinan'), report('salinan', true)], null).originalConfirmed).toBe(false);
    // Confirmed before the log existed (an older database): copies.
    expect(printState([], '2026-11-01T02:00:00.000Z').nextKind).toBe('salinan');
  });

  it('refuses a second original before the first is reported, and a report with nothing to report', () => {
    expect(checkPrint(printState([print('asli')], null))).toMatchObject({ ok: false, message: expect.stringContaining('belum dilaporkan') as unknown });
    expect(checkPrint(printState([print('asli'), report('asli', false)], null))).toEqual({ ok: true, kind: 'asli' });
    expect(checkPrint(printState([print('asli'), report('asli', true), print('salinan')], null))).toEqual({ ok: true, kind: 'salinan' });
    expect(checkReport(printState([], null), true)).toMatchObject({ ok: false, message: expect.stringContaining('belum pernah dicetak') as unknown });
    expect(checkReport(printState([print('asli'), report('asli', true)], null), true)).toMatchObject({
      ok: false,
      message: expect.stringContaining('sudah dilaporkan') as unknown,
    });
    expect(checkReport(printState([print('asli')], null), true)).toEqual({ ok: true, kind: 'asli', confirmsOriginal: true });
    expect(checkReport(printState([print('asli')], null), false)).toEqual({ ok: true, kind: 'asli', confirmsOriginal: false });
  });
});

describe('whose move', () => {
  const facts = { originalConfirmed: false, awaitingPrintReport: false, ajibDeliveryPlanned: false };
  it('names the holder and the action for every status', () => {
    expect(turnOf({ ...facts, status: 'diajukan' })).toEqual({ holder: 'loket', action: 'verify' });
    expect(turnOf({ ...facts, status: 'perlu_perbaikan' })).toEqual({ holder: 'pemohon', action: 'complete_file' });
    expect(turnOf({ ...facts, status: 'diverifikasi' })).toEqual({ holder: 'supervisor', action: 'approve' });
    expect(turnOf({ ...facts, status: 'disetujui' })).toEqual({ holder: 'loket', action: 'issue' });
    expect(turnOf({ ...facts, status: 'terbit' })).toEqual({ holder: 'loket', action: 'print' });
    expect(turnOf({ ...facts, status: 'terbit', awaitingPrintReport: true })).toEqual({ holder: 'loket', action: 'report_print' });
    expect(turnOf({ ...facts, status: 'terbit', originalConfirmed: true })).toEqual({ holder: 'loket', action: 'hand_over' });
    expect(turnOf({ ...facts, status: 'terbit', originalConfirmed: true, ajibDeliveryPlanned: true })).toEqual({ holder: 'ajib', action: 'deliver' });
    for (const status of ['diserahkan', 'ditolak', 'dicabut'] as const) expect(turnOf({ ...facts, status })).toEqual({ holder: null, action: 'done' });
    expect(turnSentence({ holder: 'supervisor', action: 'approve' })).toBe('Giliran supervisor: menyetujui atau menolak permohonan.');
  });
});

describe('verification code', () => {
  it('draws twelve characters from an alphabet without look-alikes, evenly', () => {
    expect(VERIFICATION_ALPHABET).not.toMatch(/[01ILOU]/);
    let n = 0;
    const counting = (size: number) => Uint8Array.from({ length: size }, () => n++ % 256);
    const code = verificationCodeFrom(counting);
    expect(code).toHaveLength(12);
    for (const ch of code) expect(VERIFICATION_ALPHABET).toContain(ch);
    // Bytes beyond the last whole round of the alphabet are skipped, not folded onto the first letters.
    let calls = 0;
    const high = (size: number) => (calls++ === 0 ? new Uint8Array(size).fill(250) : new Uint8Array(size).fill(0));
    expect(verificationCodeFrom(high)).toBe('222222222222');
  });

  it('prints in groups of four and reads back what a person types or says', () => {
    expect(groupVerificationCode('K7QF2M9DXR4P')).toBe('K7QF-2M9D-XR4P');
    expect(normaliseVerificationCode('k7qf 2m9d-xr4p')).toBe('K7QF2M9DXR4P');
    expect(normaliseVerificationCode('K7QF-2M9D-XR4')).toBeNull();
    expect(normaliseVerificationCode('O7QF-2M9D-XR4P')).toBeNull();
  });
});

describe('SLA time left', () => {
  it('says late, due today, paused or the working days left', () => {
    const at = '2026-12-01T09:00:00.000Z';
    expect(slaLeft({ state: 'running', dueDate: '2026-12-01', dueAt: at }, '2026-11-28')).toEqual({ kind: 'days', workingDays: 2, dueAt: at });
    expect(slaLeft({ state: 'due_today', dueDate: '2026-12-01', dueAt: at }, '2026-12-01')).toEqual({ kind: 'today', dueAt: at });
    expect(slaLeft({ state: 'late', dueDate: '2026-12-01', dueAt: at }, '2026-12-03')).toEqual({ kind: 'late', workingDays: 2, dueAt: at });
    expect(slaLeft({ state: 'paused', dueDate: '2026-12-01', dueAt: at }, '2026-12-03')).toEqual({ kind: 'paused', dueAt: at });
    expect(slaLeft({ state: 'running', dueDate: '2026-12-01', dueAt: at }, '2026-11-30', ['2026-12-01'])).toMatchObject({ kind: 'days' });
  });
});

describe('one masking rule', () => {
  it('masks a NIK, and an NPWP only when it is a NIK', () => {
    expect(maskNik('3171074509870099')).toBe('3171••••••••0099');
    expect(maskNpwp('3171074509870099')).toBe('3171••••••••0099');
    expect(maskNpwp('012345678901234')).toBe('012345678901234');
    expect(maskNpwp('0012345678901234')).toBe('0012345678901234');
    expect(maskNpwp(null)).toBeNull();
  });
});
