// Business scale (skala usaha) per PP 7/2021, from amounts in integer rupiah.
//
//              capital (modal usaha, excl. land and buildings)   annual sales (hasil penjualan)
//   mikro      ≤ Rp1 miliar                                      ≤ Rp2 miliar
//   kecil      > Rp1 miliar up to Rp5 miliar                     > Rp2 miliar up to Rp15 miliar
//   menengah   > Rp5 miliar up to Rp10 miliar                    > Rp15 miliar up to Rp50 miliar
//   besar      above                                             above
//
// Combining the two: PP 7/2021 makes capital the criterion for new businesses and uses annual
// sales for businesses founded before it or when capital is not known. The office records both
// and cannot tell reliably when a member's business was founded, so: the capital decides when
// it is given (0 counts as given: a jasa business may have no capital to speak of); otherwise
// annual sales, taken as the monthly turnover (omzet) recorded by the pendamping × 12.
// Callers that want the turnover view alone (to measure "naik kelas" from monthly omzet
// reports) call classifyScale with only monthlyTurnover, or scaleBySales.

import { FIELD, fail, msg, ok } from './messages';
import type { RuleResult } from './messages';
import type { Phrase } from '../i18n';

export type Scale = 'mikro' | 'kecil' | 'menengah' | 'besar';

export const SCALES: readonly Scale[] = ['mikro', 'kecil', 'menengah', 'besar'];

export const SCALE_LABELS: Record<Scale, Phrase> = {
  mikro: { id: 'Usaha Mikro', en: 'Micro business' },
  kecil: { id: 'Usaha Kecil', en: 'Small business' },
  menengah: { id: 'Usaha Menengah', en: 'Medium business' },
  besar: { id: 'Usaha Besar', en: 'Large business' },
};

const MILIAR = 1_000_000_000;

/** Upper bounds (inclusive) of mikro, kecil and menengah; anything above is besar. */
export const SCALE_LIMITS = {
  capital: { mikro: 1 * MILIAR, kecil: 5 * MILIAR, menengah: 10 * MILIAR },
  annualSales: { mikro: 2 * MILIAR, kecil: 15 * MILIAR, menengah: 50 * MILIAR },
} as const;

export type ScaleBasis = 'capital' | 'annualSales';

export interface ScaleInfo {
  scale: Scale;
  basis: ScaleBasis;
  /** The amount that decided the class: the capital, or monthly turnover × 12. */
  amount: number;
}

function byLimits(amount: number, limits: { mikro: number; kecil: number; menengah: number }): Scale {
  if (amount <= limits.mikro) return 'mikro';
  if (amount <= limits.kecil) return 'kecil';
  if (amount <= limits.menengah) return 'menengah';
  return 'besar';
}

export function scaleByCapital(capital: number): Scale {
  return byLimits(capital, SCALE_LIMITS.capital);
}

export function scaleBySales(annualSales: number): Scale {
  return byLimits(annualSales, SCALE_LIMITS.annualSales);
}

function isRupiah(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0;
}

export function classifyScale(input: { capital?: number | null; monthlyTurnover?: number | null }): RuleResult<ScaleInfo> {
  const { capital, monthlyTurnover } = input;
  if (capital != null) {
    if (!isRupiah(capital)) return fail(msg.notRupiah(FIELD.capital));
    return ok({ scale: scaleByCapital(capital), basis: 'capital', amount: capital });
  }
  if (monthlyTurnover != null) {
    if (!isRupiah(monthlyTurnover)) return fail(msg.notRupiah(FIELD.monthlyTurnover));
    // Past Number.MAX_SAFE_INTEGER the product loses precision, but such amounts are far above
    // every limit, so the class is still right.
    const annualSales = monthlyTurnover * 12;
    return ok({ scale: scaleBySales(annualSales), basis: 'annualSales', amount: annualSales });
  }
  return fail(msg.says(FIELD.scale, 'isi modal usaha atau omzet bulanan', 'enter the business capital or the monthly turnover'));
}

/** 0 for mikro up to 3 for besar, so that a later class compares greater. */
export function scaleRank(scale: Scale): number {
  return SCALES.indexOf(scale);
}

/** True when a business moved up at least one class ("naik kelas"). */
export function movedUp(previous: Scale, current: Scale): boolean {
  return scaleRank(current) > scaleRank(previous);
}

/** IUMK is only for micro and small businesses. */
export function iumkEligible(scale: Scale): boolean {
  return scale === 'mikro' || scale === 'kecil';
}
