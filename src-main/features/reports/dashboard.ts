import { sql } from 'kysely';
import { jakartaDate } from '../../core/clock';
import { listClosings } from './closing/closings';
import type { Db } from './sections/common';
import { recoveryFigures, digitalChannels } from './sections/recovery';
import { buildMonthlySummary, frozenSummary, resolveScope } from './service';
import { monthsUpTo, shiftMonth } from './period';
import { TOTAL_WORD, wordIn } from './words';
import { monthName, shortMonthName, type Locale } from '../../../src-shared/i18n';
import { percent, type MonthlySummary, type ReportFigure } from './model';

/** The figures the dashboard compares across months, as `section.figure` ids of the summary. */
const HEADLINES = [
  'registrations.registeredInMonth',
  'registrations.membersTotal',
  'trainings.sessionsHeld',
  'trainings.participantsAttended',
  'permits.issued',
  'permits.onTimeShare',
  'permits.ajibTasks',
  'orders.delivered',
  'orders.deliveredValue',
  'orders.paidValue',
  'financing.referrals',
  'financing.disbursedAmount',
  'turnover.totalTurnover',
  'recovery.businessesRecovered',
];

const figureMap = (s: MonthlySummary) => new Map<string, ReportFigure>(s.sections.flatMap((sec) => sec.figures.map((f) => [`${sec.id}.${f.id}`, f] as const)));

export interface DashboardComparison {
  id: string;
  label: string;
  type: ReportFigure['type'];
  /** null: a share of nothing in that month. */
  current: number | null;
  previous: number | null;
  lastYear: number | null;
}

/** The dashboard of a month, its words in the caller's language (the summaries it reads are Indonesian). */
export async function buildDashboard(db: Db, month: string, nowIso: string, locale: Locale = 'id') {
  const say = (text: string) => wordIn(text, locale);
  const shortMonthLabel = (m: string) => shortMonthName(m)[locale];
  const [current, previous, lastYear] = await Promise.all(
    // A closed month compares with the figures it was reported with.
    [month, shiftMonth(month, -1), shiftMonth(month, -12)].map((m) => buildMonthlySummary(db, { month: m }, nowIso, { corrections: false })),
  );
  const [cur, prev, ly] = [current, previous, lastYear].map(figureMap);
  const comparisons: DashboardComparison[] = HEADLINES.flatMap((id) => {
    const f = cur.get(id);
    if (!f) return [];
    return [{ id, label: say(f.label), type: f.type, current: f.value, previous: prev.get(id)?.value ?? null, lastYear: ly.get(id)?.value ?? null }];
  });

  // Registrations month by month over the last year; a closed month as it was reported.
  const closed = new Map((await listClosings(db)).map((c) => [c.month, c]));
  const reported = async (m: string) => {
    const frozen = closed.has(m) ? await frozenSummary(db, m, null) : null;
    return frozen ? figureMap(frozen) : null;
  };
  const months = monthsUpTo(month, 12);
  const perMonth = await db
    .selectFrom('members')
    .where('registered_on', '>=', `${months[0]}-01`)
    .where('registered_on', '<=', `${month}-31`)
    .select([sql<string>`substr(registered_on, 1, 7)`.as('month'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(sql`substr(registered_on, 1, 7)`)
    .execute();
  const perMonthMap = new Map(perMonth.map((r) => [r.month, r.n]));
  for (const m of months) {
    const frozen = await reported(m);
    if (frozen) perMonthMap.set(m, frozen.get('registrations.registeredInMonth')?.value ?? 0);
  }

  // Recovery and digital adoption month by month (the programme's headline outcome).
  const recoveryMonths = monthsUpTo(month, 6);
  const recovery = [];
  for (const m of recoveryMonths) {
    const frozen = closed.has(m) ? await frozenSummary(db, m, null) : null;
    if (frozen) {
      const rec = frozen.sections.find((x) => x.id === 'recovery');
      const share = new Map((rec?.tables.find((t) => t.id === 'digital')?.rows ?? []).map((r) => [String(r.label), r.share as number | null]));
      recovery.push({
        month: m,
        label: shortMonthLabel(m),
        recovered: rec?.figures.find((f) => f.id === 'businessesRecovered')?.value ?? 0,
        recoveredShare: rec?.figures.find((f) => f.id === 'recoveredShare')?.value ?? null,
        ...Object.fromEntries(digitalChannels.map(([c, label]) => [c, share.get(label) ?? null])),
      });
      continue;
    }
    const scope = await resolveScope(db, { month: m }, nowIso);
    const f = await recoveryFigures(db, scope);
    recovery.push({
      month: m,
      label: shortMonthLabel(m),
      recovered: f.recovered,
      recoveredShare: percent(f.recovered, f.affected),
      ...Object.fromEntries(digitalChannels.map(([c]) => [c, percent(f.channels[c], f.recorded)])),
    });
  }

  // Which of the last twelve months are closed, and since when: the dashboard says so.
  const currentMonth = jakartaDate(nowIso).slice(0, 7);
  const monthStates = months.map((m) => ({
    month: m,
    label: shortMonthLabel(m),
    state: closed.has(m) ? ('closed' as const) : m === currentMonth ? ('provisional' as const) : ('open' as const),
    closedAt: closed.get(m)?.closedAt ?? null,
    closedBy: closed.get(m)?.closedBy ?? null,
  }));

  const byKelurahan = current.sections.find((s) => s.id === 'registrations')?.tables.find((t) => t.id === 'byKelurahan');
  const progress = cur.get('registrations.targetProgress');
  return {
    month,
    monthLabel: monthName(month)[locale],
    status: current.status,
    previousStatus: previous.status,
    lastYearStatus: lastYear.status,
    monthStates,
    comparisons,
    targetProgress: progress?.value ?? null,
    registeredYearToDate: cur.get('registrations.registeredYearToDate')?.value ?? 0,
    yearlyTarget: cur.get('registrations.yearlyTarget')?.value ?? 0,
    registrationsByMonth: months.map((m) => ({ month: m, label: shortMonthLabel(m), count: perMonthMap.get(m) ?? 0 })),
    registrationsByKelurahan: (byKelurahan?.rows ?? [])
      .filter((r) => r.label !== TOTAL_WORD.id)
      .map((r) => ({ label: say(String(r.label)), count: Number(r.count) })),
    stages: current.sections.find((s) => s.id === 'stages')?.tables[0]?.rows.map((r) => ({ label: say(String(r.label)), total: Number(r.total) })) ?? [],
    recovery,
    digitalChannels: digitalChannels.map(([key, label]) => ({ key, label: say(label) })),
  };
}
