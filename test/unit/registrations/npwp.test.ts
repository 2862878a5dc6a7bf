import { describe, it, expect } from 'vitest';
import { formatNpwp, luhnCheckDigit, luhnValid, normaliseNpwp, validateNpwp as validateNpwpPhrases } from '../../../src-shared/rules/npwp';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const validateNpwp = answeringIn(validateNpwpPhrases);

// An independent Luhn implementation, written differently from the module's on purpose: from
// the left, doubling the positions that are an even distance from the end of the full number.
function luhnDigit(payload: string): number {
  const digits = payload.split('').map(Number);
  let sum = 0;
  digits.forEach((d, i) => {
    const fromRight = digits.length - i; // the check digit will be at distance 0
    const v = fromRight % 2 === 1 ? d * 2 : d;
    sum += Math.floor(v / 10) + (v % 10);
  });
  return (10 - (sum % 10)) % 10;
}

function buildOld15(first8: string, kpp: string, branch: string): string {
  return `${first8}${luhnDigit(first8)}${kpp}${branch}`;
}

describe('NPWP, old 15-digit format', () => {
  // Worked by hand. 01234567: from the right 7→14→5, 6, 5→10→1, 4, 3→6, 2, 1→2, 0; sum 26;
  // check digit 4. 09876543: 3→6, 4, 5→1, 6, 7→5, 8, 9→9, 0; sum 39; check digit 1.
  it('accepts literal values whose check digit was computed by hand', () => {
    expect(validateNpwp('01.234.567.4-031.000')).toEqual({
      ok: true,
      value: { digits: '012345674031000', npwp16: '0012345674031000', old15: '012345674031000', kind: 'old15' },
    });
    expect(validateNpwp('09.876.543.1-017.000')).toMatchObject({ ok: true, value: { kind: 'old15' } });
  });

  it('accepts values built with an independent Luhn helper', () => {
    const samples = [
      ['01000013', '051', '000'],
      ['02718845', '451', '000'],
      ['31456789', '023', '001'],
      ['76543210', '904', '000'],
      ['83300112', '016', '002'],
    ];
    for (const [first8, kpp, branch] of samples) {
      const npwp = buildOld15(first8, kpp, branch);
      expect(validateNpwp(npwp), npwp).toMatchObject({ ok: true, value: { digits: npwp } });
      expect(validateNpwp(formatNpwp(npwp)), npwp).toMatchObject({ ok: true });
    }
  });

  it('refuses every wrong check digit', () => {
    for (let d = 0; d <= 9; d += 1) {
      if (d === 4) continue;
      expect(validateNpwp(`01234567${d}031000`)).toEqual({ ok: false, message: 'NPWP: digit pemeriksa tidak sesuai' });
    }
    expect(validateNpwp('09.876.543.2-017.000')).toEqual({ ok: false, message: 'NPWP: digit pemeriksa tidak sesuai' });
  });

  it('ignores the tax office and branch digits in the check', () => {
    expect(validateNpwp('01.234.567.4-999.999').ok).toBe(true);
  });

  it('refuses the all-zero placeholder printed on tax forms', () => {
    expect(validateNpwp('00.000.000.0-000.000')).toEqual({
      ok: false,
      message: 'NPWP: 00.000.000.0-000.000 bukan NPWP yang sah (kosongkan bila tidak punya NPWP)',
    });
  });
});

describe('NPWP, 16-digit format', () => {
  it('accepts 0 + a valid old number and keeps the old digits', () => {
    expect(validateNpwp('0012345674031000')).toEqual({
      ok: true,
      value: { digits: '0012345674031000', npwp16: '0012345674031000', old15: '012345674031000', kind: 'prefixed' },
    });
  });

  it('checks the old part of a 0-prefixed number', () => {
    expect(validateNpwp('0012345675031000')).toEqual({ ok: false, message: 'NPWP: digit pemeriksa tidak sesuai' });
    expect(validateNpwp('0000000000000000')).toMatchObject({ ok: false });
  });

  it("accepts an individual's NIK", () => {
    expect(validateNpwp('3173064503920002')).toEqual({
      ok: true,
      value: { digits: '3173064503920002', npwp16: '3173064503920002', old15: null, kind: 'nik' },
    });
    expect(validateNpwp('3171 0129 0200 0001')).toMatchObject({ ok: true, value: { kind: 'nik' } });
  });

  it('validates a NIK used as NPWP like a NIK, naming the NPWP field', () => {
    expect(validateNpwp('3171013102900001')).toEqual({
      ok: false,
      message: 'NPWP: tanggal lahir 31-02-90 tidak ada di kalender',
    });
    expect(validateNpwp('3171012902010001')).toMatchObject({ ok: false, message: 'NPWP: tanggal lahir 29-02-01 tidak ada di kalender' });
    expect(validateNpwp('3171011708850000')).toMatchObject({
      ok: false,
      message: 'NPWP: nomor urut 0000 tidak sah (nomor urut dimulai dari 0001)',
    });
    expect(validateNpwp('3171013502900001')).toMatchObject({ ok: false, message: expect.stringMatching(/^NPWP: angka tanggal lahir 35/) as unknown });
  });
});

describe('NPWP input handling', () => {
  it('refuses the wrong length', () => {
    expect(validateNpwp('01.234.567.4-031.00')).toEqual({ ok: false, message: 'NPWP: harus 15 atau 16 digit, terisi 14 digit' });
    expect(validateNpwp('01234567403100012')).toEqual({ ok: false, message: 'NPWP: harus 15 atau 16 digit, terisi 17 digit' });
  });

  it('refuses letters and unexpected separators', () => {
    const message = 'NPWP: hanya boleh berisi angka (titik, tanda hubung, dan spasi boleh)';
    expect(validateNpwp('01.234.567.4-O31.000')).toEqual({ ok: false, message });
    expect(validateNpwp('01/234/567/4-031.000')).toEqual({ ok: false, message });
  });

  it('refuses an empty value', () => {
    expect(validateNpwp(' - ')).toEqual({ ok: false, message: 'NPWP: wajib diisi' });
  });

  it('normaliseNpwp strips dots, dashes and spaces', () => {
    expect(normaliseNpwp('01.234.567.4-031.000')).toBe('012345674031000');
    expect(normaliseNpwp(' 01 234 567 4 031 000 ')).toBe('012345674031000');
    expect(normaliseNpwp('3173-0645-0392-0002')).toBe('3173064503920002');
  });

  it('formatNpwp writes 15 digits in the old layout and 16 digits plainly', () => {
    expect(formatNpwp('012345674031000')).toBe('01.234.567.4-031.000');
    expect(formatNpwp('01 234 567 4 031 000')).toBe('01.234.567.4-031.000');
    expect(formatNpwp('0012345674031000')).toBe('0012345674031000');
    expect(formatNpwp(' 12345 ')).toBe('12345');
  });

  it('luhn helpers agree with the independent implementation', () => {
    for (const payload of ['01234567', '09876543', '00000001', '99999999', '12121212']) {
      expect(luhnCheckDigit(payload)).toBe(String(luhnDigit(payload)));
      expect(luhnValid(`${payload}${luhnDigit(payload)}`)).toBe(true);
    }
    expect(luhnValid('79927398713')).toBe(true); // the textbook Luhn example
    expect(luhnValid('79927398710')).toBe(false);
  });
});
