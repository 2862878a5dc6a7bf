import { describe, expect, it } from 'vitest';
import { turnoverWarnings } from '../../../src-shared/rules/plausibility';

describe('turnover plausibility warnings', () => {
  it('asks about a change of more than half from last month, either way', () => {
    expect(turnoverWarnings({ turnover: 12_500_000, employees: 3 }, { turnover: 26_200_000 })).toEqual([
      { kind: 'turnoverChange', previous: 26_200_000, current: 12_500_000, change: expect.closeTo(-0.5229, 3) as unknown },
    ]);
    expect(turnoverWarnings({ turnover: 16_000_000, employees: 3 }, { turnover: 10_000_000 })).toEqual([
      { kind: 'turnoverChange', previous: 10_000_000, current: 16_000_000, change: expect.closeTo(0.6, 5) as unknown },
    ]);
  });
  it('lets half up or down, the first month and an empty turnover pass', () => {
    expect(turnoverWarnings({ turnover: 13_100_000, employees: 3 }, { turnover: 26_200_000 })).toEqual([]);
    expect(turnoverWarnings({ turnover: 15_000_000, employees: 3 }, { turnover: 10_000_000 })).toEqual([]);
    expect(turnoverWarnings({ turnover: 9_000_000, employees: null }, null)).toEqual([]);
    expect(turnoverWarnings({ turnover: null, employees: null }, { turnover: 10_000_000 })).toEqual([]);
  });
  it('asks about more employees than a micro or small business has', () => {
    expect(turnoverWarnings({ turnover: 1_000_000, employees: 9_000_000 }, null)).toEqual([{ kind: 'employees', employees: 9_000_000, max: 99 }]);
    expect(turnoverWarnings({ turnover: 1_000_000, employees: 99 }, null)).toEqual([]);
  });
});
