import type { Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src-main/app';
import { jakartaDate } from '../../../src-main/core/clock';
import type { DB } from '../../../src-main/core/db/schema';
import { createDemoOffice, demoAccounts, loginAs } from '../../../src-main/demo/demo';
import { monthBounds, shiftMonth } from '../../../src-main/features/reports/period';
import { reportLayoutProblems } from '../../support/report-layout';
import { saveScreenshot } from '../../support/screenshots';
import { renderPdfPage } from '../../support/pdf';
import type { MonthlySummary } from '../../../src-main/features/reports/model';
import { tempDir } from '../../support/app';
import { testClock } from '../../support/clock';

// The demo office holds data of every feature in every state. Each figure of the summary is
// recomputed here the plain way (all rows read, filtered in JavaScript) and must agree.
const dir = tempDir('jpd-reports-demo-');
const clock = testClock();
let app: App;
let supervisor: string;
const month = jakartaDate(clock.nowIso()).slice(0, 7);
const b = monthBounds(month);
const today = jakartaDate(clock.nowIso());
const inMonth = (d: string | null | undefined) => !!d && d >= b.from && d <= b.to;
/** In the month and not after today: what has happened so far. */
const inMonthSoFar = (d: string | null | undefined) => inMonth(d) && d! <= today;
const inMonthIso = (t: string | null | undefined) => !!t && t >= b.fromIso && t < b.toIso;
const rows = <T extends keyof DB>(table: T) => app.sqlite.prepare(`select * from ${table}`).all() as Selectable<DB[T]>[];
const sum = <R>(list: R[], key: keyof R) => list.reduce((s, r) => s + Number(r[key] ?? 0), 0);

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await app.dispatch({ method, input, sessionToken: supervisor, checkCsrf: false });
  if (!res.body.ok) throw new Error(res.body.error.message);
  return res.body.value as T;
}
const summary = (kelurahan?: string, m = month) => call<MonthlySummary>('reports.monthly', { month: m, kelurahan });
const figure = (s: MonthlySummary, id: string) => {
  const [section, f] = id.split('.');
  return s.sections.find((x) => x.id === section)!.figures.find((x) => x.id === f)!.value;
};

beforeAll(async () => {
  await createDemoOffice({ dataDir: dir.dir, members: 80, clock });
  app = await openApp({ dataDir: dir.dir, clock, log: () => undefined });
  supervisor = await loginAs(app, 'supervisor', demoAccounts.find((a) => a.role === 'supervisor')!.password);
}, 240_000);
afterAll(async () => {
  await app.close();
  dir.remove();
});

describe('monthly summary over the demo office', () => {
  it('agrees with the rows of every feature, figure by figure', async () => {
    const s = await summary();
    const members = rows('members');
    expect(figure(s, 'registrations.registeredInMonth')).toBe(members.filter((m) => inMonth(m.registered_on)).length);
    expect(figure(s, 'registrations.membersTotal')).toBe(members.filter((m) => m.registered_on <= b.to).length);

    // Sessions held: completed ones; a session scheduled later in the month is not counted.
    const trainings = rows('trainings').filter((t) => t.status === 'selesai' && inMonthIso(t.starts_at));
    const enrolments = rows('training_enrolments').filter((e) => e.status === 'terdaftar' && trainings.some((t) => t.id === e.training_id));
    expect(figure(s, 'trainings.sessionsHeld')).toBe(trainings.length);
    expect(figure(s, 'trainings.participantsEnrolled')).toBe(enrolments.length);
    expect(figure(s, 'trainings.participantsAttended')).toBe(enrolments.filter((e) => e.attended === 1).length);
    expect(figure(s, 'trainings.participantsCompleted')).toBe(enrolments.filter((e) => e.completed === 1).length);

    const visits = rows('mentoring_visits').filter((v) => inMonth(v.visited_on));
    const reports = rows('turnover_reports').filter((r) => r.month === month);
    expect(figure(s, 'turnover.visits')).toBe(visits.length);
    expect(figure(s, 'turnover.membersVisited')).toBe(new Set(visits.map((v) => v.member_id)).size);
    expect(figure(s, 'turnover.businessesReported')).toBe(reports.length);
    expect(figure(s, 'turnover.totalTurnover')).toBe(sum(reports, 'turnover'));

    const events = rows('permit_events').filter((e) => inMonthIso(e.at));
    expect(figure(s, 'permits.received')).toBe(rows('permits').filter((p) => inMonthIso(p.submitted_at)).length);
    expect(figure(s, 'permits.issued')).toBe(events.filter((e) => e.to_status === 'terbit').length);
    expect(figure(s, 'permits.rejected')).toBe(events.filter((e) => e.to_status === 'ditolak').length);
    expect(figure(s, 'permits.revoked')).toBe(events.filter((e) => e.to_status === 'dicabut').length);
    expect(figure(s, 'permits.ajibTasks')).toBe(rows('ajib_tasks').filter((t) => inMonth(t.planned_date)).length);

    const orders = rows('orders').filter((o) => inMonth(o.order_date) && o.status !== 'dibatalkan');
    const assignments = rows('order_assignments').filter((a) => a.status !== 'ditolak' && a.status !== 'dibatalkan');
    const delivered = assignments.filter((a) => inMonth(a.delivered_on));
    const paid = assignments.filter((a) => inMonthSoFar(a.paid_on));
    const asOf = b.to < today ? b.to : today;
    const unpaid = assignments.filter((a) => a.delivered_on && a.delivered_on <= asOf && (!a.paid_on || a.paid_on > asOf));
    expect(figure(s, 'orders.received')).toBe(orders.length);
    expect(figure(s, 'orders.orderedValue')).toBe(sum(orders, 'total_amount'));
    expect(figure(s, 'orders.delivered')).toBe(delivered.length);
    expect(figure(s, 'orders.deliveredValue')).toBe(sum(delivered, 'amount'));
    expect(figure(s, 'orders.paid')).toBe(paid.length);
    expect(figure(s, 'orders.paidValue')).toBe(sum(paid, 'paid_amount'));
    expect(figure(s, 'orders.unpaidValue')).toBe(sum(unpaid, 'amount'));

    const referrals = rows('financing_referrals');
    const disbursed = referrals.filter((r) => inMonthSoFar(r.disbursed_on));
    expect(figure(s, 'financing.referrals')).toBe(referrals.filter((r) => inMonth(r.submitted_on)).length);
    expect(figure(s, 'financing.disbursed')).toBe(disbursed.length);
    expect(figure(s, 'financing.disbursedAmount')).toBe(sum(disbursed, 'amount_disbursed'));

    // The demo fills every feature, so the check above compared real numbers, not zeros.
    for (const id of ['registrations.membersTotal', 'permits.received', 'orders.delivered']) expect(figure(s, id), id).toBeGreaterThan(0);
  });

  it('counts one kelurahan through its own members', async () => {
    const kel = (app.sqlite.prepare('select kelurahan_kode k from members group by 1 order by count(*) desc limit 1').get() as { k: string }).k;
    const s = await summary(kel);
    const ids = new Set(
      rows('members')
        .filter((m) => m.kelurahan_kode === kel)
        .map((m) => m.id),
    );
    const assignments = rows('order_assignments').filter((a) => ids.has(a.member_id) && a.status !== 'ditolak' && a.status !== 'dibatalkan');
    const delivered = assignments.filter((a) => inMonth(a.delivered_on));
    expect(figure(s, 'registrations.membersTotal')).toBe([...ids].length);
    expect(figure(s, 'orders.delivered')).toBe(delivered.length);
    expect(figure(s, 'orders.deliveredValue')).toBe(sum(delivered, 'amount'));
    expect(figure(s, 'orders.paidValue')).toBe(
      sum(
        assignments.filter((a) => inMonthSoFar(a.paid_on)),
        'paid_amount',
      ),
    );
  });

  it('has a closed last month whose report stays as closed, with the later changes as corrections this month', async () => {
    const last = shiftMonth(month, -1);
    const closed = await summary(undefined, last);
    expect(closed.status).toMatchObject({ state: 'closed', closedBy: 'Hendra Wijaya, S.E.' });
    // Figures from the records as they are now: the late visit and the cancelled order moved them.
    const lb = monthBounds(last);
    const within = (d: string | null) => !!d && d >= lb.from && d <= lb.to;
    const visitsNow = rows('mentoring_visits').filter((v) => within(v.visited_on)).length;
    const turnoverNow = sum(
      rows('turnover_reports').filter((r) => r.month === last),
      'turnover',
    );
    const cancelledLate = rows('orders').filter((o) => within(o.order_date) && o.cancel_reason?.includes('setelah laporan bulan lalu dikirim')).length;
    const ordersNow = rows('orders').filter((o) => within(o.order_date) && o.status !== 'dibatalkan').length;
    expect(figure(closed, 'turnover.visits')).toBe(visitsNow - 1);
    expect(figure(closed, 'turnover.totalTurnover')).toBe(turnoverNow - 250_000);
    expect(figure(closed, 'orders.received')).toBe(ordersNow + cancelledLate);

    const s = await summary();
    expect(s.status.state).toBe('provisional');
    const corrections = s.sections.find((x) => x.id === 'corrections')!.tables[0].rows;
    // The demo cancels a late order only when last month had one that nothing was sent for yet.
    const orderCorrection = cancelledLate ? [{ label: 'Pesanan diterima', difference: -cancelledLate }] : [];
    expect(corrections).toEqual(
      expect.arrayContaining(
        [
          { label: 'Kunjungan pendampingan', reported: visitsNow - 1, corrected: visitsNow, difference: 1 },
          { label: 'Jumlah omzet bulanan anggota', reported: turnoverNow - 250_000, corrected: turnoverNow, difference: 250_000 },
          ...orderCorrection,
        ].map((row): unknown => expect.objectContaining(row)),
      ),
    );
    expect((await call<{ closings: { month: string }[] }>('reports.closings', {})).closings.map((c) => c.month)).toEqual([last]);
  });

  it('prints its report without overlaps, split numbers or stray pages', async () => {
    const s = await summary();
    const file = await call<{ base64: string }>('reports.export', { month, format: 'pdf' });
    const pdf = Buffer.from(file.base64, 'base64');
    const { problems, pages } = await reportLayoutProblems(
      pdf,
      s,
      s.sections.flatMap((x) => x.tables).filter((t) => t.rows.length > 1),
    );
    expect(problems).toEqual([]);
    expect(pages.length).toBeGreaterThan(2);
    // The README's picture of the report: the page with the permits and e-order tables.
    const permitsPage = pages.findIndex((p) => p.items.some((i) => i.str.includes('IUMK per kanal')));
    saveScreenshot('reports-pdf.png', (await renderPdfPage(pdf, permitsPage + 1, 110)).png);
  });

  it('has businesses with NPWPs, some the owner’s NIK, and postal codes, and deliveries handed over off the planned day', () => {
    const businesses = app.sqlite
      .prepare('select b.npwp, b.postal_code, b.kelurahan_kode, m.nik from businesses b join members m on m.id = b.member_id')
      .all() as { npwp: string | null; postal_code: string | null; kelurahan_kode: string; nik: string }[];
    expect(businesses.filter((b) => b.npwp && b.npwp === b.nik).length).toBeGreaterThan(0);
    expect(businesses.filter((b) => b.npwp?.length === 15).length).toBeGreaterThan(0);
    expect(businesses.filter((b) => b.kelurahan_kode.startsWith('31.71.07.')).every((b) => /^102[1-7]0$/.test(b.postal_code ?? ''))).toBe(true);
    const assignments = rows('order_assignments').filter((a) => a.delivered_on);
    expect(assignments.some((a) => a.delivered_on !== a.delivery_date)).toBe(true);
    expect(assignments.every((a) => a.delivered_on! <= today && (!a.paid_on || (a.paid_on <= today && a.paid_on >= a.delivered_on!)))).toBe(true);
  });
});
