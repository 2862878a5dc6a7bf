import { describe, it, expect } from 'vitest';
import { checkNikAgainst as checkNikAgainstPhrases, parseNik as parseNikPhrases, resolveTwoDigitYear } from '../../../src-shared/rules/nik';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const checkNikAgainst = answeringIn(checkNikAgainstPhrases);
const parseNik = answeringIn(parseNikPhrases);

const TODAY = '2025-06-15';

function expectFail(result: { ok: boolean }, message: string): void {
  expect(result).toMatchObject({ ok: false, message });
}

describe('parseNik: valid numbers', () => {
  it('decodes a man from Gambir, Jakarta Pusat (317101)', () => {
    expect(parseNik('3171011708850001', TODAY)).toEqual({
      ok: true,
      value: {
        nik: '3171011708850001',
        region: { code: '317101', province: '31', kota: '31.71', kecamatan: '31.71.01' },
        birthDate: '1985-08-17',
        gender: 'L',
        serial: '0001',
      },
    });
  });

  it('decodes a woman from Kalideres, Jakarta Barat (317306): day 45 is the 5th', () => {
    const r = parseNik('3173064503920002', TODAY);
    expect(r.ok && r.value).toMatchObject({
      region: { code: '317306', kecamatan: '31.73.06' },
      birthDate: '1992-03-05',
      gender: 'P',
      serial: '0002',
    });
  });

  it('decodes a NIK first registered outside Jakarta (330101)', () => {
    const r = parseNik('3301010101000003', TODAY);
    expect(r.ok && r.value).toMatchObject({
      region: { code: '330101', province: '33', kota: '33.01', kecamatan: '33.01.01' },
      birthDate: '2000-01-01',
      gender: 'L',
    });
  });

  it('accepts the female day codes at both ends, 41 and 71', () => {
    const first = parseNik('3174014101990005', TODAY);
    expect(first.ok && first.value).toMatchObject({ birthDate: '1999-01-01', gender: 'P' });
    const last = parseNik('3174017112880004', TODAY);
    expect(last.ok && last.value).toMatchObject({ birthDate: '1988-12-31', gender: 'P' });
  });

  it('accepts the male day codes at both ends, 01 and 31', () => {
    expect(parseNik('3175020101800009', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1980-01-01', gender: 'L' } });
    expect(parseNik('3175023112800009', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1980-12-31', gender: 'L' } });
  });

  it('tolerates a NIK copied in groups of four and surrounding spaces', () => {
    const r = parseNik(' 3171 0117 0885 0001 ', TODAY);
    expect(r.ok && r.value.nik).toBe('3171011708850001');
  });

  it('accepts 29 February in leap years, for men and women', () => {
    expect(parseNik('3171012902000001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
    expect(parseNik('3171016902960001', TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '1996-02-29', gender: 'P' },
    });
  });

  it('accepts the highest serial 9999', () => {
    expect(parseNik('3171011708859999', TODAY)).toMatchObject({ ok: true, value: { serial: '9999' } });
  });
});

describe('parseNik: century of the birth year', () => {
  it('keeps the current century when the date is not after today', () => {
    expect(parseNik('3171011506250001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '2025-06-15' } });
    expect(parseNik('3171010101240001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '2024-01-01' } });
  });

  it('moves to the previous century when the date would be in the future', () => {
    expect(parseNik('3171011606250001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1925-06-16' } });
    expect(parseNik('3171010101300001', TODAY)).toMatchObject({ ok: true, value: { birthDate: '1930-01-01' } });
  });

  it('depends only on the today argument', () => {
    expect(parseNik('3171011708850001', '1990-01-01')).toMatchObject({ ok: true, value: { birthDate: '1985-08-17' } });
    expect(parseNik('3171011708850001', '1985-08-16')).toMatchObject({ ok: true, value: { birthDate: '1885-08-17' } });
  });

  it('skips a century in which 29 February 00 does not exist', () => {
    // 2100 is not a leap year; 2000 was.
    expect(parseNik('3171012902000001', '2100-03-01')).toMatchObject({ ok: true, value: { birthDate: '2000-02-29' } });
  });

  it('refuses 29-02-00 when the only non-future readings are not leap years', () => {
    // 2000-02-29 is after 2000-01-01; 1900 and 1800 were not leap years.
    expectFail(parseNik('3171012902000001', '2000-01-01'), 'NIK: tanggal lahir 29-02-1900 tidak ada di kalender');
  });

  it('throws on a malformed today, which is a programming error', () => {
    expect(() => parseNik('3171011708850001', '15-06-2025')).toThrow(RangeError);
    expect(() => parseNik('3171011708850001', '2025-02-30')).toThrow(RangeError);
    expect(() => parseNik('3171011708850001', '')).toThrow(RangeError);
  });

  it('resolveTwoDigitYear reports the reading it would have shown for an impossible date', () => {
    const today = { year: 2025, month: 6, day: 15 };
    expect(resolveTwoDigitYear(31, 2, 90, today)).toEqual({
      date: null,
      display: { year: 1990, month: 2, day: 31 },
    });
    expect(resolveTwoDigitYear(1, 1, 26, today).date).toEqual({ year: 1926, month: 1, day: 1 });
  });
});

describe('parseNik: impossible dates', () => {
  it('refuses 31 February', () => {
    expectFail(parseNik('3171013102900001', TODAY), 'NIK: tanggal lahir 31-02-1990 tidak ada di kalender');
  });

  it('refuses 29 February in a non-leap year', () => {
    expectFail(parseNik('3171012902010001', TODAY), 'NIK: tanggal lahir 29-02-2001 tidak ada di kalender');
    expectFail(parseNik('3171016902890001', TODAY), 'NIK: tanggal lahir 29-02-1989 tidak ada di kalender');
  });

  it('refuses 31 April for a woman (day code 71)', () => {
    expectFail(parseNik('3171017104900001', TODAY), 'NIK: tanggal lahir 31-04-1990 tidak ada di kalender');
  });

  it('refuses day code 00', () => {
    expectFail(parseNik('3171010001900001', TODAY), 'NIK: angka tanggal lahir 00 tidak sah (laki-laki 01–31, perempuan 41–71)');
  });

  it('refuses day codes between the male and female ranges and above 71', () => {
    for (const code of ['32', '35', '40', '72', '99']) {
      expectFail(parseNik(`317101${code}0190` + '0001', TODAY), `NIK: angka tanggal lahir ${code} tidak sah (laki-laki 01–31, perempuan 41–71)`);
    }
  });

  it('refuses months 00 and 13', () => {
    expectFail(parseNik('3171011713900001', TODAY), 'NIK: bulan lahir 13 tidak ada (harus 01–12)');
    expectFail(parseNik('3171011700900001', TODAY), 'NIK: bulan lahir 00 tidak ada (harus 01–12)');
  });
});

describe('parseNik: form of the number', () => {
  it('refuses serial 0000', () => {
    expectFail(parseNik('3171011708850000', TODAY), 'NIK: nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)');
  });

  it('refuses the wrong length', () => {
    expectFail(parseNik('317101170885001', TODAY), 'NIK: harus 16 digit, terisi 15 digit');
    expectFail(parseNik('31710117088500011', TODAY), 'NIK: harus 16 digit, terisi 17 digit');
  });

  it('refuses non-digits, including a letter O for zero and dots', () => {
    expectFail(parseNik('31710117O8850001', TODAY), 'NIK: hanya boleh berisi angka');
    expectFail(parseNik('3171.0117.0885.0001', TODAY), 'NIK: hanya boleh berisi angka');
    expectFail(parseNik('-317101170885001', TODAY), 'NIK: hanya boleh berisi angka');
  });

  it('refuses an empty NIK', () => {
    expectFail(parseNik('', TODAY), 'NIK: wajib diisi');
    expectFail(parseNik('   ', TODAY), 'NIK: wajib diisi');
  });

  it('refuses region codes that cannot exist', () => {
    expectFail(parseNik('0971011708850001', TODAY), 'NIK: kode provinsi 09 tidak ada');
    expectFail(parseNik('3100011708850001', TODAY), 'NIK: kode kota/kabupaten 00 tidak ada');
    expectFail(parseNik('3171001708850001', TODAY), 'NIK: kode kecamatan 00 tidak ada');
  });

  it('accepts Kepulauan Seribu, whose kota code is 01', () => {
    expect(parseNik('3101011708850001', TODAY)).toMatchObject({ ok: true, value: { region: { kota: '31.01' } } });
  });
});

describe('checkNikAgainst', () => {
  it('agrees when birth date and gender match', () => {
    const r = checkNikAgainst('3173064503920002', { birthDate: '1992-03-05', gender: 'P' });
    expect(r).toMatchObject({ ok: true, value: { birthDate: '1992-03-05', gender: 'P', serial: '0002' } });
  });

  it('reports a gender that disagrees', () => {
    const r = checkNikAgainst('3173064503920002', { birthDate: '1992-03-05', gender: 'L' });
    expect(r).toEqual({
      ok: false,
      field: 'gender',
      message: 'NIK: jenis kelamin di NIK (perempuan) tidak sama dengan isian jenis kelamin (laki-laki)',
      mismatches: [
        {
          field: 'gender',
          message: 'NIK: jenis kelamin di NIK (perempuan) tidak sama dengan isian jenis kelamin (laki-laki)',
        },
      ],
    });
  });

  it("reports a woman's NIK typed without the +40 as a gender mismatch only", () => {
    const r = checkNikAgainst('3173060503920002', { birthDate: '1992-03-05', gender: 'P' });
    expect(r).toMatchObject({
      ok: false,
      field: 'gender',
      message: 'NIK: jenis kelamin di NIK (laki-laki) tidak sama dengan isian jenis kelamin (perempuan)',
    });
    expect(!r.ok && r.mismatches).toHaveLength(1);
  });

  it('reports a birth date that disagrees', () => {
    const r = checkNikAgainst('3171011708850001', { birthDate: '1985-08-18', gender: 'L' });
    expect(r).toMatchObject({
      ok: false,
      field: 'birthDate',
      message: 'NIK: tanggal lahir di NIK (17-08-1985) tidak sama dengan isian tanggal lahir (18-08-1985)',
    });
  });

  it('reports both disagreements, birth date first', () => {
    const r = checkNikAgainst('3171011708850001', { birthDate: '1986-08-17', gender: 'P' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe('birthDate');
    expect(r.mismatches.map((m) => m.field)).toEqual(['birthDate', 'gender']);
    expect(r.message).toBe(
      'NIK: tanggal lahir di NIK (17-08-1985) tidak sama dengan isian tanggal lahir (17-08-1986); ' +
        'NIK: jenis kelamin di NIK (laki-laki) tidak sama dengan isian jenis kelamin (perempuan)',
    );
  });

  it('takes the century from the declared birth date, so a centenarian matches', () => {
    expect(checkNikAgainst('3171010101240001', { birthDate: '1924-01-01', gender: 'L' })).toMatchObject({
      ok: true,
      value: { birthDate: '1924-01-01' },
    });
  });

  it('shows the NIK year in the century nearest the declared date', () => {
    const r = checkNikAgainst('3171010101990001', { birthDate: '2000-01-01', gender: 'L' });
    expect(r).toMatchObject({
      ok: false,
      field: 'birthDate',
      message: 'NIK: tanggal lahir di NIK (01-01-1999) tidak sama dengan isian tanggal lahir (01-01-2000)',
    });
  });

  it('reports an invalid NIK on the NIK field, with no mismatches', () => {
    expect(checkNikAgainst('3171011708850000', { birthDate: '1985-08-17', gender: 'L' })).toEqual({
      ok: false,
      field: 'nik',
      message: 'NIK: nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)',
      mismatches: [],
    });
    expect(checkNikAgainst('3171012902010001', { birthDate: '2001-03-01', gender: 'L' })).toMatchObject({
      ok: false,
      field: 'nik',
      message: 'NIK: tanggal lahir 29-02-2001 tidak ada di kalender',
    });
  });

  it('reports an invalid declared birth date on the birth date field', () => {
    expect(checkNikAgainst('3171011708850001', { birthDate: '1985-02-31', gender: 'L' })).toMatchObject({
      ok: false,
      field: 'birthDate',
      message: 'Tanggal lahir: tanggal tidak valid (tulis HH/BB/TTTT)',
    });
    expect(checkNikAgainst('3171011708850001', { birthDate: '', gender: 'L' })).toMatchObject({
      ok: false,
      field: 'birthDate',
      message: 'Tanggal lahir: wajib diisi',
    });
  });
});
