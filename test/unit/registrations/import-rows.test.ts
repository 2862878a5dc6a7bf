import { describe, expect, it } from 'vitest';
import { parseCsv, safeCell, toCsv } from '../../../src-main/features/registrations/files';
import { headerKey, parseDateText, parseRupiah, suggestMapping } from '../../../src-main/features/registrations/import-rows';

describe('spreadsheet cells', () => {
  it('reads the dates offices write', () => {
    expect(parseDateText('12-04-1985')).toBe('1985-04-12');
    expect(parseDateText('1/2/1990')).toBe('1990-02-01');
    expect(parseDateText('1990-02-01')).toBe('1990-02-01');
    expect(parseDateText('17 Agustus 1975')).toBe('1975-08-17');
    expect(parseDateText('31-02-1990')).toBeNull();
    expect(parseDateText('32874')).toBe('1990-01-01');
    expect(parseDateText('kemarin')).toBeNull();
  });

  it('reads rupiah amounts with Indonesian and English separators', () => {
    expect(parseRupiah('Rp 1.500.000')).toBe(1_500_000);
    expect(parseRupiah('Rp. 1.500.000,00')).toBe(1_500_000);
    expect(parseRupiah('1,500,000')).toBe(1_500_000);
    expect(parseRupiah('2500000')).toBe(2_500_000);
    expect(parseRupiah('')).toBeNull();
    expect(parseRupiah('satu juta')).toBeNull();
  });

  it('matches Indonesian headers to fields, never "Nama Usaha" to the person\'s name', () => {
    expect(headerKey(' No. HP ')).toBe('no hp');
    const m = suggestMapping(['No', 'Nama Usaha', 'Nama Lengkap', 'NIK', 'Tgl. Lahir', 'L/P', 'Kel.', 'Omset per Bulan']);
    expect(m).toMatchObject({
      businessName: 'Nama Usaha',
      fullName: 'Nama Lengkap',
      nik: 'NIK',
      birthDate: 'Tgl. Lahir',
      gender: 'L/P',
      kelurahan: 'Kel.',
      monthlyTurnover: 'Omset per Bulan',
    });
  });
});

describe('CSV', () => {
  it('writes BOM, semicolons, quotes and formula-safe cells, and reads them back', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('+62812')).toBe("'+62812");
    expect(safeCell('-5')).toBe("'-5");
    expect(safeCell('@x')).toBe("'@x");
    expect(safeCell('Budi')).toBe('Budi');
    const buf = toCsv(
      ['A', 'B'],
      [
        ['x;y', 'he said "hi"'],
        ['=cmd', null],
      ],
    );
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text).toBe('A;B\r\n"x;y";"he said ""hi"""\r\n\'=cmd;\r\n');
    expect(parseCsv(text)).toEqual([
      ['A', 'B'],
      ['x;y', 'he said "hi"'],
      ["'=cmd", ''],
    ]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
