import { describe, expect, it } from 'vitest';
import { evaluateNaikKelas } from '../../../src-main/features/programme/rules/naik-kelas';
import { ageInMonths, evaluateBankability, DEFAULT_BANKABILITY, type BankabilityFacts } from '../../../src-main/features/programme/rules/bankability';
import { addMonths, monthRange, monthsBetween, formatMonthId } from '../../../src-shared/rules/months';

const JUTA = 1_000_000;
const series = (first: string, values: number[]) => values.map((turnover, i) => ({ month: addMonths(first, i), turnover }));

describe('months', () => {
  it('moves across years and counts months', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-12', '2026-06')).toBe(6);
    expect(monthRange('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(formatMonthId('2026-10')).toBe('Oktober 2026');
  });
});

describe('naik kelas', () => {
  it('flags a move up a scale class on annualised turnover', () => {
    // 150 juta a month = 1,8 miliar a year (mikro); 200 juta = 2,4 miliar (kecil). Growth 15% < 20%... class decides.
    const r = evaluateNaikKelas([
      { month: '2026-04', turnover: 160 * JUTA },
      { month: '2026-10', turnover: 180 * JUTA },
    ]);
    expect(r.classChange).toBe(true);
    expect(r.fromScale).toBe('mikro');
    expect(r.toScale).toBe('kecil');
    expect(r.growthMet).toBe(false);
    expect(r.naikKelas).toBe(true);
  });

  it('flags growth at or above the threshold and not below it', () => {
    const above = evaluateNaikKelas(series('2026-04', [10 * JUTA, 10 * JUTA, 11 * JUTA, 11 * JUTA, 12 * JUTA, 12 * JUTA, 12.5 * JUTA]));
    expect(above.baseline?.month).toBe('2026-04');
    expect(above.growth).toBeCloseTo(0.25);
    expect(above.growthMet).toBe(true);
    expect(above.classChange).toBe(false);
    expect(above.naikKelas).toBe(true);

    const exactly = evaluateNaikKelas([
      { month: '2026-04', turnover: 5 * JUTA },
      { month: '2026-10', turnover: 6 * JUTA },
    ]);
    expect(exactly.growthMet).toBe(true);

    const below = evaluateNaikKelas(series('2026-04', [10 * JUTA, 10 * JUTA, 10 * JUTA, 11 * JUTA, 11 * JUTA, 11 * JUTA, 11.9 * JUTA]));
    expect(below.growth).toBeCloseTo(0.19);
    expect(below.growthMet).toBe(false);
    expect(below.naikKelas).toBe(false);
  });

  it('uses a configurable share and window', () => {
    const s = [
      { month: '2026-07', turnover: 10 * JUTA },
      { month: '2026-10', turnover: 11 * JUTA },
    ];
    expect(evaluateNaikKelas(s, { growthShare: 0.1, windowMonths: 3 }).naikKelas).toBe(true);
    expect(evaluateNaikKelas(s, { growthShare: 0.2, windowMonths: 3 }).naikKelas).toBe(false);
  });

  it('takes the oldest report in the window when the baseline month is missing, and needs two reports', () => {
    const r = evaluateNaikKelas([
      { month: '2026-02', turnover: 1 * JUTA },
      { month: '2026-06', turnover: 10 * JUTA },
      { month: '2026-10', turnover: 12 * JUTA },
    ]);
    expect(r.baseline?.month).toBe('2026-06');
    expect(r.growthMet).toBe(true);
    expect(evaluateNaikKelas([{ month: '2026-10', turnover: 12 * JUTA }]).naikKelas).toBe(false);
    expect(evaluateNaikKelas([]).naikKelas).toBe(false);
  });

  it('counts a turnover decline as no growth', () => {
    expect(
      evaluateNaikKelas([
        { month: '2026-04', turnover: 10 * JUTA },
        { month: '2026-10', turnover: 8 * JUTA },
      ]).naikKelas,
    ).toBe(false);
  });
});

describe('bankability', () => {
  const good: BankabilityFacts = {
    permitEvidence: { id: 'NIB 1234567890123', en: 'NIB 1234567890123' },
    npwp: '012345678901234',
    startDate: '2025-01-10',
    reportedMonths: ['2026-08', '2026-09', '2026-10'],
    today: '2026-11-28',
  };
  const failed = (facts: BankabilityFacts) =>
    evaluateBankability(facts)
      .checks.filter((c) => !c.met)
      .map((c) => c.rule);

  it('passes a business meeting every rule, naming each rule met', () => {
    const r = evaluateBankability(good);
    expect(r.bankable).toBe(true);
    expect(r.checks.map((c) => [c.rule, c.met])).toEqual([
      ['izin', true],
      ['npwp', true],
      ['umur', true],
      ['omzet', true],
    ]);
    expect(r.checks[3].detail).toEqual({ id: 'Dilaporkan Agustus 2026 s.d. Oktober 2026', en: 'Reported August 2026 to October 2026' });
  });

  it('fails without a permit or NIB', () => {
    expect(failed({ ...good, permitEvidence: null })).toEqual(['izin']);
    expect(evaluateBankability({ ...good, permitEvidence: null }).bankable).toBe(false);
  });

  it('fails without an NPWP', () => {
    expect(failed({ ...good, npwp: null })).toEqual(['npwp']);
    expect(failed({ ...good, npwp: '  ' })).toEqual(['npwp']);
  });

  it('fails a business younger than six months, or without a start date', () => {
    expect(ageInMonths('2026-05-28', '2026-11-28')).toBe(6);
    expect(ageInMonths('2026-05-29', '2026-11-28')).toBe(5);
    expect(failed({ ...good, startDate: '2026-05-28' })).toEqual([]);
    expect(failed({ ...good, startDate: '2026-05-29' })).toEqual(['umur']);
    expect(failed({ ...good, startDate: null })).toEqual(['umur']);
  });

  it('fails when one of the last three months is not reported, naming it', () => {
    const r = evaluateBankability({ ...good, reportedMonths: ['2026-08', '2026-10', '2026-11'] });
    expect(r.bankable).toBe(false);
    expect(r.checks.find((c) => c.rule === 'omzet')).toMatchObject({
      met: false,
      detail: { id: 'Belum dilaporkan: September 2026', en: 'Not reported: September 2026' },
    });
  });

  it('skips rules the office switched off and uses its thresholds', () => {
    const settings = { ...DEFAULT_BANKABILITY, rules: { ...DEFAULT_BANKABILITY.rules, npwp: false }, minAgeMonths: 24 };
    const r = evaluateBankability({ ...good, npwp: null }, settings);
    expect(r.checks.map((c) => c.rule)).toEqual(['izin', 'umur', 'omzet']);
    expect(r.checks.find((c) => c.rule === 'umur')?.met).toBe(false);
  });
});
