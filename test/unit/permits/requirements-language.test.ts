import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUIREMENTS, requirementsIn } from '../../../src-main/features/permits/settings';

describe('permit requirements in the reader language', () => {
  it('reads the starting list in English and leaves Indonesian as stored', () => {
    const en = requirementsIn(DEFAULT_REQUIREMENTS, 'en');
    expect(en.map((r) => r.code)).toEqual(DEFAULT_REQUIREMENTS.map((r) => r.code));
    for (const [i, r] of en.entries()) expect(r.label).not.toBe(DEFAULT_REQUIREMENTS[i].label);
    expect(en.find((r) => r.code === 'rekomendasi_lurah')?.label).not.toMatch(/Surat|Rekomendasi/);
    expect(requirementsIn(DEFAULT_REQUIREMENTS, 'id')).toEqual(DEFAULT_REQUIREMENTS);
  });

  it('shows a label the admin wrote as written, in either language', () => {
    const own = [
      { code: 'ktp', label: 'KTP asli dan fotokopi', appliesTo: 'semua' as const },
      { code: 'sku', label: 'Surat keterangan usaha', appliesTo: 'binaan' as const },
    ];
    expect(requirementsIn(own, 'en')).toEqual(own);
  });
});
