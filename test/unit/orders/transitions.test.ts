import { describe, expect, it } from 'vitest';
import {
  allowedOrderTransitions,
  checkOrderTransition as checkOrderTransitionPhrases,
  finalOrderStatuses,
  orderStatuses,
  orderStatusLabels as orderStatusLabelsPhrases,
  orderTransitions,
  type OrderRole,
  type OrderStatus,
} from '../../../src-main/features/orders/rules/transitions';
import { answeringIn, inLanguage } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkOrderTransition = answeringIn(checkOrderTransitionPhrases);
const orderStatusLabels = inLanguage(orderStatusLabelsPhrases);

const roles: OrderRole[] = ['petugas', 'loket', 'supervisor', 'admin'];
const staff: OrderRole[] = ['petugas', 'supervisor', 'admin'];

const expected: [OrderStatus, OrderStatus, string[]][] = [
  ['dipesan', 'dikonfirmasi', []],
  ['dikonfirmasi', 'diproduksi', []],
  ['diproduksi', 'dikirim', []],
  ['dikirim', 'diterima', ['bastSigned']],
  ['diterima', 'dibayar', []],
  ['dibayar', 'selesai', []],
  ['dipesan', 'ditolak', []],
  ['dipesan', 'dibatalkan', ['reason']],
  ['dikonfirmasi', 'dibatalkan', ['reason']],
  ['diproduksi', 'dibatalkan', ['reason']],
];

const fullInput = { reason: 'Acara dibatalkan oleh SKPD', bastSigned: true };

describe('orderTransitions table', () => {
  it('holds exactly the agreed moves and requirements, all for petugas, supervisor and admin', () => {
    expect(orderTransitions.map((t) => [t.from, t.to, [...t.requires]])).toEqual(expected);
    for (const t of orderTransitions) expect([...t.roles].sort()).toEqual([...staff].sort());
  });

  it('gives petugas loket no order moves', () => {
    for (const status of orderStatuses) expect(allowedOrderTransitions(status, 'loket')).toEqual([]);
  });

  it('has selesai, ditolak and dibatalkan as final statuses', () => {
    expect(finalOrderStatuses).toEqual(['selesai', 'ditolak', 'dibatalkan']);
  });
});

describe('checkOrderTransition', () => {
  for (const [from, to] of expected) {
    for (const role of staff) {
      it(`${role}: ${from} → ${to}`, () => {
        expect(checkOrderTransition(from, to, role, fullInput)).toEqual({ ok: true });
      });
    }
    it(`loket may not move ${from} → ${to}`, () => {
      expect(checkOrderTransition(from, to, 'loket', fullInput)).toMatchObject({ ok: false, code: 'forbidden' });
    });
  }

  it('explains a refused role with labels', () => {
    expect(checkOrderTransition('dipesan', 'dikonfirmasi', 'loket')).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'Peran Petugas loket tidak berwenang mengubah status pesanan dari Dipesan menjadi Dikonfirmasi. Yang berwenang: Petugas, Supervisor, Admin.',
    });
  });

  it('refuses every other pair as a conflict', () => {
    const allowed = new Set(expected.map(([from, to]) => `${from}>${to}`));
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        if (allowed.has(`${from}>${to}`)) continue;
        for (const role of roles) {
          expect(checkOrderTransition(from, to, role, fullInput), `${role} ${from}>${to}`).toMatchObject({
            ok: false,
            code: 'conflict',
          });
        }
      }
    }
  });

  it('does not allow skipping steps or cancelling after dispatch', () => {
    expect(checkOrderTransition('dipesan', 'dikirim', 'supervisor')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Status pesanan tidak dapat diubah dari Dipesan menjadi Dikirim.',
    });
    expect(checkOrderTransition('dikirim', 'dibatalkan', 'admin', fullInput)).toMatchObject({ code: 'conflict' });
    expect(checkOrderTransition('dikonfirmasi', 'ditolak', 'petugas')).toMatchObject({ code: 'conflict' });
    expect(checkOrderTransition('selesai', 'dibayar', 'admin')).toMatchObject({
      message: 'Pesanan berstatus Selesai sudah final dan tidak dapat diubah menjadi Dibayar.',
    });
    expect(checkOrderTransition('dipesan', 'dipesan', 'petugas')).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Pesanan sudah berstatus Dipesan.',
    });
  });

  it('requires a reason to cancel', () => {
    for (const from of ['dipesan', 'dikonfirmasi', 'diproduksi'] as const) {
      for (const reason of [undefined, null, '', '  ']) {
        expect(checkOrderTransition(from, 'dibatalkan', 'petugas', { reason })).toMatchObject({ ok: false, code: 'bad_input' });
      }
    }
    expect(checkOrderTransition('diproduksi', 'dibatalkan', 'supervisor', {})).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'Alasan wajib diisi untuk mengubah status pesanan dari Diproduksi menjadi Dibatalkan.',
    });
  });

  it('requires a signed BAST to record receipt', () => {
    expect(checkOrderTransition('dikirim', 'diterima', 'petugas')).toEqual({
      ok: false,
      code: 'bad_input',
      message: 'BAST (berita acara serah terima) harus sudah ditandatangani sebelum pesanan berstatus Diterima.',
    });
    expect(checkOrderTransition('dikirim', 'diterima', 'petugas', { bastSigned: false })).toMatchObject({ code: 'bad_input' });
    expect(checkOrderTransition('dikirim', 'diterima', 'petugas', { bastSigned: true })).toEqual({ ok: true });
  });

  it('lets the business decline without a reason', () => {
    expect(checkOrderTransition('dipesan', 'ditolak', 'petugas')).toEqual({ ok: true });
  });

  it('refuses unknown statuses and roles', () => {
    expect(checkOrderTransition('baru' as OrderStatus, 'dipesan', 'admin')).toMatchObject({ code: 'bad_input' });
    expect(checkOrderTransition('dipesan', 'dikonfirmasi', 'ppk' as OrderRole)).toMatchObject({ code: 'forbidden' });
  });

  it('labels every status in Indonesian', () => {
    expect(orderStatuses.map((s) => orderStatusLabels[s])).toEqual([
      'Dipesan',
      'Dikonfirmasi',
      'Diproduksi',
      'Dikirim',
      'Diterima',
      'Dibayar',
      'Selesai',
      'Ditolak',
      'Dibatalkan',
    ]);
  });

  it('lists the moves from a status', () => {
    expect(allowedOrderTransitions('dipesan', 'petugas').map((t) => t.to)).toEqual(['dikonfirmasi', 'ditolak', 'dibatalkan']);
    expect(allowedOrderTransitions('dikirim', 'admin').map((t) => t.to)).toEqual(['diterima']);
    expect(allowedOrderTransitions('selesai', 'admin')).toEqual([]);
  });
});
