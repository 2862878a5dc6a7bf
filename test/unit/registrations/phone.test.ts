import { describe, it, expect } from 'vitest';
import { formatPhone, normalisePhone, parsePhone as parsePhonePhrases } from '../../../src-shared/rules/phone';
import { answeringIn } from '../../support/phrases';

// Read in Indonesian: the words these tests were written with.
const parsePhone = answeringIn(parsePhonePhrases);

describe('parsePhone: mobiles', () => {
  it('accepts the national 08 form', () => {
    expect(parsePhone('081234567890')).toEqual({
      ok: true,
      value: { national: '081234567890', international: '+6281234567890', kind: 'mobile' },
    });
  });

  it('normalises +62 and 62 forms to 08', () => {
    for (const input of ['+6281234567890', '+62 812-3456-7890', '6281234567890', '62 812 3456 7890', '+62 (812) 3456.7890']) {
      expect(normalisePhone(input), input).toEqual({ ok: true, value: '081234567890' });
    }
  });

  it('forgives a 0 kept after the country code', () => {
    expect(normalisePhone('+62 0812 3456 7890')).toEqual({ ok: true, value: '081234567890' });
  });

  it('accepts 10 to 13 digits and refuses 9 and 14', () => {
    expect(normalisePhone('0812345678')).toEqual({ ok: true, value: '0812345678' });
    expect(normalisePhone('0812345678901')).toEqual({ ok: true, value: '0812345678901' });
    expect(normalisePhone('+62 812345678901')).toEqual({ ok: true, value: '0812345678901' });
    expect(parsePhone('081234567')).toEqual({ ok: false, message: 'Nomor telepon: nomor seluler harus 10–13 digit, terisi 9 digit' });
    expect(parsePhone('08123456789012')).toEqual({ ok: false, message: 'Nomor telepon: nomor seluler harus 10–13 digit, terisi 14 digit' });
    expect(parsePhone('+6281234567')).toMatchObject({ ok: false, message: expect.stringContaining('terisi 9 digit') as unknown });
  });

  it('refuses 080 service numbers', () => {
    expect(parsePhone('0800 1234 567')).toEqual({
      ok: false,
      message: 'Nomor telepon: nomor 080… adalah nomor layanan (bebas pulsa/premium), bukan nomor seluler',
    });
  });
});

describe('parsePhone: Jakarta landlines', () => {
  it('accepts 021 with 7 or 8 subscriber digits', () => {
    expect(parsePhone('(021) 555-1234')).toEqual({
      ok: true,
      value: { national: '0215551234', international: '+62215551234', kind: 'landline' },
    });
    expect(normalisePhone('021 5551 2345')).toEqual({ ok: true, value: '02155512345' });
    expect(normalisePhone('+62 21 5551234')).toEqual({ ok: true, value: '0215551234' });
  });

  it('refuses other lengths and a subscriber number starting with 0', () => {
    expect(parsePhone('021555123')).toEqual({
      ok: false,
      message: 'Nomor telepon: telepon rumah Jakarta (021) harus 10–11 digit, terisi 9 digit',
    });
    expect(parsePhone('021555123456')).toMatchObject({ ok: false, message: expect.stringContaining('terisi 12 digit') as unknown });
    expect(parsePhone('0210551234')).toEqual({
      ok: false,
      message: 'Nomor telepon: nomor setelah kode area 021 tidak boleh diawali 0',
    });
  });

  it('refuses other area codes', () => {
    expect(parsePhone('0274 512345')).toEqual({
      ok: false,
      message: 'Nomor telepon: harus nomor seluler (08… atau +628…) atau telepon rumah Jakarta (021…)',
    });
  });
});

describe('parsePhone: input errors', () => {
  it('refuses foreign numbers', () => {
    expect(parsePhone('+1 415 555 0100')).toEqual({ ok: false, message: 'Nomor telepon: hanya nomor Indonesia (+62) yang diterima' });
  });

  it('refuses letters and a + in the middle', () => {
    const message = 'Nomor telepon: hanya boleh berisi angka (spasi, titik, tanda hubung, kurung, dan + di depan boleh)';
    expect(parsePhone('0812-3456-789a')).toEqual({ ok: false, message });
    expect(parsePhone('0812+34567890')).toEqual({ ok: false, message });
  });

  it('refuses an empty value', () => {
    expect(parsePhone('  ')).toEqual({ ok: false, message: 'Nomor telepon: wajib diisi' });
  });
});

describe('formatPhone', () => {
  it('groups mobiles by four and writes landlines with the area code in brackets', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone('08123456789')).toBe('0812-3456-789');
    expect(formatPhone('021-5551234')).toBe('(021) 5551234');
  });

  it('returns unparsable input unchanged', () => {
    expect(formatPhone(' 12345 ')).toBe('12345');
  });
});
