// Bankability (layak bank): whether a member's business can be referred to Bank DKI, checked
// rule by rule so the screen can name each rule met or failed. Bank DKI does not lend without a
// business permit. Which rules apply, the minimum age and the months of reports are settings.

import { monthName, type Locale, type Phrase } from '../../../../src-shared/i18n';
import { addMonths, monthOf, monthRange } from '../../../../src-shared/rules/months';

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
  permitEvidence: Phrase | null;
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
  label: Phrase;
  met: boolean;
  detail: Phrase;
}

/** A check as a screen reads it, or as a referral stores it (Indonesian): its words in one language. */
export interface BankabilityCheckText {
  rule: BankabilityRuleCode;
  label: string;
  met: boolean;
  detail: string;
}

export const checksIn = (checks: readonly BankabilityCheck[], locale: Locale): BankabilityCheckText[] =>
  checks.map((c) => ({ rule: c.rule, label: c.label[locale], met: c.met, detail: c.detail[locale] }));

export interface BankabilityResult {
  bankable: boolean;
  checks: BankabilityCheck[];
}

export const RULE_LABELS: Record<BankabilityRuleCode, Phrase> = {
  izin: { id: 'Memiliki izin usaha (NIB/IUMK)', en: 'Has a business permit (NIB/IUMK)' },
  npwp: { id: 'Memiliki NPWP', en: 'Has an NPWP' },
  umur: { id: 'Usia usaha', en: 'Age of the business' },
  omzet: { id: 'Laporan omzet', en: 'Turnover reports' },
};

const months = (list: readonly string[]): Phrase => ({ id: list.map((m) => monthName(m).id).join(', '), en: list.map((m) => monthName(m).en).join(', ') });

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
        : {
            rule: 'izin',
            label: RULE_LABELS.izin,
            met: false,
            detail: { id: 'Belum ada NIB, IUMK terbit, atau tahap P4 selesai', en: 'No NIB, issued IUMK or completed P4 stage yet' },
          },
    );
  }
  if (settings.rules.npwp) {
    const npwp = facts.npwp?.trim();
    checks.push(
      npwp
        ? { rule: 'npwp', label: RULE_LABELS.npwp, met: true, detail: { id: `NPWP ${npwp}`, en: `NPWP ${npwp}` } }
        : { rule: 'npwp', label: RULE_LABELS.npwp, met: false, detail: { id: 'NPWP usaha belum dicatat', en: 'The business NPWP is not recorded' } },
    );
  }
  if (settings.rules.umur) {
    const label: Phrase = {
      id: `${RULE_LABELS.umur.id} minimal ${settings.minAgeMonths} bulan`,
      en: `${RULE_LABELS.umur.en} at least ${settings.minAgeMonths} months`,
    };
    if (!facts.startDate) {
      checks.push({
        rule: 'umur',
        label,
        met: false,
        detail: { id: 'Tanggal mulai usaha belum dicatat', en: 'The start date of the business is not recorded' },
      });
    } else {
      const age = ageInMonths(facts.startDate, facts.today);
      checks.push({
        rule: 'umur',
        label,
        met: age >= settings.minAgeMonths,
        detail: { id: `Usaha berjalan ${Math.max(age, 0)} bulan`, en: `In business for ${Math.max(age, 0)} months` },
      });
    }
  }
  if (settings.rules.omzet) {
    const due = monthRange(addMonths(monthOf(facts.today), -1), settings.reportMonths);
    const reported = new Set(facts.reportedMonths);
    const missing = due.filter((m) => !reported.has(m));
    const label: Phrase = {
      id: `${RULE_LABELS.omzet.id} ${settings.reportMonths} bulan terakhir`,
      en: `${RULE_LABELS.omzet.en} for the last ${settings.reportMonths} months`,
    };
    const first = due[0];
    const last = due.at(-1) ?? first;
    checks.push(
      missing.length === 0
        ? {
            rule: 'omzet',
            label,
            met: true,
            detail: { id: `Dilaporkan ${monthName(first).id} s.d. ${monthName(last).id}`, en: `Reported ${monthName(first).en} to ${monthName(last).en}` },
          }
        : { rule: 'omzet', label, met: false, detail: { id: `Belum dilaporkan: ${months(missing).id}`, en: `Not reported: ${months(missing).en}` } },
    );
  }
  return { bankable: checks.every((c) => c.met), checks };
}
