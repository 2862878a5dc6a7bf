import { describe, it, expect } from 'vitest';
import { parseKk as parseKkPhrases } from '../../../src-shared/rules/kk';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const parseKk = answeringIn(parseKkPhrases);

const TODAY = '2025-06-15';

describe('parseKk', () => {
  it('decodes a KK issued in Gambir (317101) recorded on 12 March 2015', () => {
    expect(parseKk('3171011203150007', TODAY)).toEqual({
      ok: true,
      value: {
        kk: '3171011203150007',
        region: { code: '317101', province: '31', kota: '31.71', kecamatan: '31.71.01' },
        recordedDate: '2015-03-12',
        serial: '0007',
      },
    });
  });

  it('decodes a KK from Jatinegara (317503) and one from outside Jakarta (330101)', () => {
    expect(parseKk('3175030511080123', TODAY)).toMatchObject({
      ok: true,
      value: { region: { kecamatan: '31.75.03' }, recordedDate: '2008-11-05' },
    });
    expect(parseKk('3301012007190002', TODAY)).toMatchObject({
      ok: true,
      value: { region: { province: '33' }, recordedDate: '2019-07-20' },
    });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseKk('3175062902200012', TODAY)).toMatchObject({ ok: true, value: { recordedDate: '2020-02-29' } });
  });

  it('accepts a recording made today and reads a future-looking date as last century', () => {
    expect(parseKk('3171011506250001', TODAY)).toMatchObject({ ok: true, value: { recordedDate: '2025-06-15' } });
    expect(parseKk('3171011606250001', TODAY)).toMatchObject({ ok: true, value: { recordedDate: '1925-06-16' } });
  });

  it('refuses 29 February of a non-leap year and 31 April', () => {
    expect(parseKk('3175062902210012', TODAY)).toEqual({
      ok: false,
      message: 'No. KK: tanggal pencatatan 29-02-2021 tidak ada di kalender',
    });
    expect(parseKk('3175063104210012', TODAY)).toEqual({
      ok: false,
      message: 'No. KK: tanggal pencatatan 31-04-2021 tidak ada di kalender',
    });
  });

  it('has no +40 day offset: day 41 is refused', () => {
    expect(parseKk('3171014103150001', TODAY)).toEqual({
      ok: false,
      message: 'No. KK: tanggal pencatatan 41-03-2015 tidak ada di kalender',
    });
  });

  it('refuses day 00, month 00 and month 13', () => {
    expect(parseKk('3171010003150001', TODAY)).toMatchObject({
      ok: false,
      message: 'No. KK: tanggal pencatatan 00-03-2015 tidak ada di kalender',
    });
    expect(parseKk('3171011000150001', TODAY)).toMatchObject({
      ok: false,
      message: 'No. KK: tanggal pencatatan 10-00-2015 tidak ada di kalender',
    });
    expect(parseKk('3171010113150001', TODAY)).toMatchObject({
      ok: false,
      message: 'No. KK: tanggal pencatatan 01-13-2015 tidak ada di kalender',
    });
  });

  it('refuses serial 0000, the wrong length, non-digits and impossible regions', () => {
    expect(parseKk('3171011203150000', TODAY)).toMatchObject({
      ok: false,
      message: 'No. KK: nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)',
    });
    expect(parseKk('31710112031500071', TODAY)).toMatchObject({
      ok: false,
      message: 'No. KK: harus 16 digit, terisi 17 digit',
    });
    expect(parseKk('3171011203I50007', TODAY)).toMatchObject({ ok: false, message: 'No. KK: hanya boleh berisi angka' });
    expect(parseKk('', TODAY)).toMatchObject({ ok: false, message: 'No. KK: wajib diisi' });
    expect(parseKk('0071011203150007', TODAY)).toMatchObject({ ok: false, message: 'No. KK: kode provinsi 00 tidak ada' });
  });

  it('throws on a malformed today', () => {
    expect(() => parseKk('3171011203150007', '2025/06/15')).toThrow(RangeError);
  });
});
