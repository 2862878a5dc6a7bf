// Bankability (layak bank): whether a member's business can be referred to Bank DKI, checked
// rule by rule so the screen can name each rule met or failed. Bank DKI does not lend without a
// business permit. Which rules apply, the minimum age and the months of reports are settings.

import { addMonths, formatMonthId, monthOf, monthRange } from '../../../../src-shared/rules/months';

export type BankabilityRuleCode = 'izin' | 'npwp' | 'umur' | 'omzet';

export interface BankabilitySettings {
  rules: Record<BankabilityRuleCode, boolean>;
  /** Minimum age of the business in months (from its start date). */
  minAgeMonths: number;
  /** Consecutive months before the current one that must have a turnover report. */
  reportMonths: number;
}

export const DEFAULT_BANKABILITY: BankabilitySettings = {
  rules: { izin: true, npwp: true, umur: true, omzet: true },
  minAgeMonths: 6,
  reportMonths: 3,
};

export interface BankabilityFacts {
  /** What shows the business has a permit: 'NIB ...', 'IUMK ...', 'tahap P4 selesai'; null when nothing. */
  permitEvidence: string | null;
  npwp: string | null;
  /** 'YYYY-MM-DD' or null when not recorded. */
  startDate: string | null;
  /** Months ('YYYY-MM') with a turnover report. */
  reportedMonths: readonly string[];
  /** 'YYYY-MM-DD', the office's today. */
  today: string;
}

export interface BankabilityCheck {
  rule: BankabilityRuleCode;
  label: string;
  met: boolean;
  detail: string;
}

export interface BankabilityResult {
  bankable: boolean;
  checks: BankabilityCheck[];
}

export const RULE_LABELS: Record<BankabilityRuleCode, string> = {
  izin: 'Memiliki izin usaha (NIB/IUMK)',
  npwp: 'Memiliki NPWP',
  umur: 'Usia usaha',
  omzet: 'Laporan omzet',
};

/** Whole months from a start date to today, counting a month only once its day has come. */
export function ageInMonths(startDate: string, today: string): number {
  const months = (Number(today.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(startDate.slice(5, 7));
  return Number(today.slice(8, 10)) >= Number(startDate.slice(8, 10)) ? months : months - 1;
}

export function evaluateBankability(facts: BankabilityFacts, settings: BankabilitySettings = DEFAULT_BANKABILITY): BankabilityResult {
  const checks: BankabilityCheck[] = [];
  if (settings.rules.izin) {
    checks.push(
      facts.permitEvidence
        ? { rule: 'izin', label: RULE_LABELS.izin, met: true, detail: facts.permitEvidence }
        : { rule: 'izin', label: RULE_LABELS.izin, met: false, detail: 'Belum ada NIB, IUMK terbit, atau tahap P4 selesai' },
    );
  }
  if (settings.rules.npwp) {
    const npwp = facts.npwp?.trim();
    checks.push(
      npwp
        ? { rule: 'npwp', label: RULE_LABELS.npwp, met: true, detail: `NPWP ${npwp}` }
        : { rule: 'npwp', label: RULE_LABELS.npwp, met: false, detail: 'NPWP usaha belum dicatat' },
    );
  }
  if (settings.rules.umur) {
    const label = `${RULE_LABELS.umur} minimal ${settings.minAgeMonths} bulan`;
    if (!facts.startDate) {
      checks.push({ rule: 'umur', label, met: false, detail: 'Tanggal mulai usaha belum dicatat' });
    } else {
      const age = ageInMonths(facts.startDate, facts.today);
      checks.push({ rule: 'umur', label, met: age >= settings.minAgeMonths, detail: `Usaha berjalan ${Math.max(age, 0)} bulan` });
    }
  }
  if (settings.rules.omzet) {
    const months = monthRange(addMonths(monthOf(facts.today), -1), settings.reportMonths);
    const reported = new Set(facts.reportedMonths);
    const missing = months.filter((m) => !reported.has(m));
    const label = `${RULE_LABELS.omzet} ${settings.reportMonths} bulan terakhir`;
    checks.push(
      missing.length === 0
        ? { rule: 'omzet', label, met: true, detail: `Dilaporkan ${formatMonthId(months[0])} s.d. ${formatMonthId(months.at(-1)!)}` }
        : { rule: 'omzet', label, met: false, detail: `Belum dilaporkan: ${missing.map(formatMonthId).join(', ')}` },
    );
  }
  return { bankable: checks.every((c) => c.met), checks };
}
