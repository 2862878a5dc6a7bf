// "Naik kelas": a business moving up a scale class, or growing its turnover by a set share,
// measured from the monthly turnover (omzet) reports.
//
// The latest reported month is compared with a baseline: the report `windowMonths` (default 6)
// months before it, or, when that month was not reported, the oldest report inside the window.
// - class change: the PP 7/2021 class of the annualised turnover (monthly × 12, classifyScale
//   on turnover alone) is higher at the latest month than at the baseline;
// - growth: (latest − baseline) / baseline is at least `growthShare` (default 0.2 = 20%).
//   A baseline of zero turnover counts as growth when the latest turnover is above zero.

import { classifyScale, movedUp, type Scale } from '../../../../src-shared/rules/scale';
import { addMonths, monthsBetween } from '../../../../src-shared/rules/months';

export interface MonthlyTurnover {
  month: string;
  turnover: number;
}

export interface NaikKelasSettings {
  /** Share of growth that counts, e.g. 0.2 for 20%. */
  growthShare: number;
  /** Months between the baseline and the latest report. */
  windowMonths: number;
}

export const DEFAULT_NAIK_KELAS: NaikKelasSettings = { growthShare: 0.2, windowMonths: 6 };

export interface NaikKelasResult {
  naikKelas: boolean;
  classChange: boolean;
  growthMet: boolean;
  baseline: MonthlyTurnover | null;
  latest: MonthlyTurnover | null;
  fromScale: Scale | null;
  toScale: Scale | null;
  /** Growth as a share (0.25 = 25%), null without a baseline or with a zero baseline. */
  growth: number | null;
}

function scaleOf(turnover: number): Scale | null {
  const r = classifyScale({ monthlyTurnover: turnover });
  return r.ok ? r.value.scale : null;
}

export function evaluateNaikKelas(series: readonly MonthlyTurnover[], settings: NaikKelasSettings = DEFAULT_NAIK_KELAS): NaikKelasResult {
  const sorted = [...series].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const latest = sorted.at(-1) ?? null;
  const none: NaikKelasResult = {
    naikKelas: false,
    classChange: false,
    growthMet: false,
    baseline: null,
    latest,
    fromScale: null,
    toScale: latest ? scaleOf(latest.turnover) : null,
    growth: null,
  };
  if (!latest) return none;
  const windowStart = addMonths(latest.month, -settings.windowMonths);
  const baseline =
    sorted.find((r) => r.month === windowStart) ??
    sorted.find((r) => r.month > windowStart && r.month < latest.month && monthsBetween(r.month, latest.month) > 0) ??
    null;
  if (!baseline) return none;
  const fromScale = scaleOf(baseline.turnover);
  const toScale = scaleOf(latest.turnover);
  const classChange = fromScale !== null && toScale !== null && movedUp(fromScale, toScale);
  let growth: number | null = null;
  let growthMet: boolean;
  if (baseline.turnover > 0) {
    growth = (latest.turnover - baseline.turnover) / baseline.turnover;
    // Compare in whole rupiah to keep 20% of 5.000.000 exactly 1.000.000 (no float drift).
    growthMet = latest.turnover - baseline.turnover >= Math.ceil(baseline.turnover * settings.growthShare - 1e-9);
  } else {
    growthMet = latest.turnover > 0;
  }
  return { naikKelas: classChange || growthMet, classChange, growthMet, baseline, latest, fromScale, toScale, growth };
}
