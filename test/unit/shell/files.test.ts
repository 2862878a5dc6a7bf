import { describe, expect, it } from 'vitest';
import { parseDataDir } from '../../../src-main/shell/args.js';
import { isPdfBytes, MAX_PDF_BYTES, pdfFileName } from '../../../src-main/shell/pdf-files.js';
import { resolve } from 'node:path';

describe('--data-dir', () => {
  it('reads the folder in both spellings, made absolute', () => {
    expect(parseDataDir(['electron', '.', '--data-dir', 'kantor'])).toBe(resolve('kantor'));
    expect(parseDataDir(['electron', '.', '--data-dir=/srv/kantor'])).toBe('/srv/kantor');
    expect(parseDataDir(['electron', '.'])).toBeNull();
  });

  it('refuses the flag without a folder rather than opening the default database', () => {
    expect(() => parseDataDir(['electron', '--data-dir'])).toThrow('--data-dir');
    expect(() => parseDataDir(['electron', '--data-dir', '--inspect'])).toThrow('--data-dir');
    expect(() => parseDataDir(['electron', '--data-dir='])).toThrow('--data-dir');
  });
});

describe('PDF files', () => {
  it('accepts only bytes that start like a PDF', () => {
    expect(isPdfBytes(new Uint8Array(Buffer.from('%PDF-1.7\n')))).toBe(true);
    expect(isPdfBytes(Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(isPdfBytes(new Uint8Array(Buffer.from('<html>')))).toBe(false);
    expect(isPdfBytes(new Uint8Array(Buffer.from('%PDF')))).toBe(false);
    expect(isPdfBytes('%PDF-1.7')).toBe(false);
    expect(isPdfBytes(new ArrayBuffer(8))).toBe(false);
    const huge = new Uint8Array(MAX_PDF_BYTES + 1);
    huge.set(Buffer.from('%PDF-'));
    expect(isPdfBytes(huge)).toBe(false);
  });

  it('makes a safe file name out of a title', () => {
    expect(pdfFileName('Sertifikat IUMK Siti')).toBe('Sertifikat IUMK Siti.pdf');
    expect(pdfFileName('laporan.PDF')).toBe('laporan.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(pdfFileName('C:\\Windows\\x')).toBe('C-Windows-x.pdf');
    expect(pdfFileName('a<b>c:d"e|f?g*h\u0000i')).toBe('a-b-c-d-e-f-g-h-i.pdf');
    expect(pdfFileName('CON')).toBe('_CON.pdf');
    expect(pdfFileName('   ')).toBe('dokumen.pdf');
    expect(pdfFileName(undefined)).toBe('dokumen.pdf');
    expect(pdfFileName('x'.repeat(500)).length).toBeLessThanOrEqual(104);
  });
});
