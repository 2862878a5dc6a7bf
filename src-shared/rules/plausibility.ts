// Plausibility of a month's turnover report: warnings for figures that are probably typing
// mistakes, never refusals (a business can really halve or double in a month). The user
// confirms or corrects.

/** More than this share of change from last month is asked about (0.5: a half up or down). */
export const TURNOVER_CHANGE_SHARE = 0.5;
/**
 * Employees above this are asked about: by the BPS size bands a micro business has 1-4 people
 * and a small one 5-19; 100 and more is a large business, not a programme member's.
 */
export const MAX_PLAUSIBLE_EMPLOYEES = 99;

export type PlausibilityWarning =
  { kind: 'turnoverChange'; previous: number; current: number; change: number } | { kind: 'employees'; employees: number; max: number };

export function turnoverWarnings(report: { turnover: number | null; employees: number | null }, previous: { turnover: number } | null): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  // A negative turnover is not a doubt but an error: the server refuses it with its reason.
  if (report.turnover !== null && report.turnover >= 0 && previous && previous.turnover > 0) {
    const change = (report.turnover - previous.turnover) / previous.turnover;
    if (Math.abs(change) > TURNOVER_CHANGE_SHARE) warnings.push({ kind: 'turnoverChange', previous: previous.turnover, current: report.turnover, change });
  }
  if (report.employees !== null && report.employees > MAX_PLAUSIBLE_EMPLOYEES)
    warnings.push({ kind: 'employees', employees: report.employees, max: MAX_PLAUSIBLE_EMPLOYEES });
  return warnings;
}
