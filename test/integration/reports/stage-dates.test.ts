import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlySummary } from '../../../src-main/features/reports/model';
import { makeTestApp, type TestApp } from '../../support/app';
import { createPendamping, insertMemberWithBusiness, stageOf } from '../../support/programme-factory';

// 28 November 2026. Visits and turnover reports entered in November, some for October
// (backdated): the stages follow the earliest record, and the monthly summary's stage table
// agrees with its own visit and turnover figures in every month.
let app: TestApp;
let admin: string;
let supervisor: string;
let pd: Awaited<ReturnType<typeof createPendamping>>;
let a: Awaited<ReturnType<typeof insertMemberWithBusiness>>;
let b: Awaited<ReturnType<typeof insertMemberWithBusiness>>;
let c: Awaited<ReturnType<typeof insertMemberWithBusiness>>;

beforeAll(async () => {
  app = await makeTestApp('2026-11-28T02:00:00.000Z');
  admin = await app.setup();
  supervisor = await app.userWithRole(admin, 'supervisor');
  pd = await createPendamping(app, admin, 'pendamping1', 'Rahmat Pendamping');
  a = await insertMemberWithBusiness(app, { fullName: 'Ani Wijaya', pendampingId: pd.id });
  b = await insertMemberWithBusiness(app, { fullName: 'Budi Santoso', pendampingId: pd.id });
  c = await insertMemberWithBusiness(app, { fullName: 'Citra Lestari', pendampingId: pd.id });
  app.sqlite.prepare("update members set registered_on = '2026-06-01'").run();
  app.sqlite.prepare("update member_stages set completed_on = '2026-06-01' where stage_code = 'P1'").run();
});
afterAll(async () => {
  await app.dispose();
});

const summary = (month: string) => app.ok('reports.monthly', { month }, supervisor);
const figure = (s: MonthlySummary, id: string) => {
  const [section, f] = id.split('.');
  return s.sections.find((x) => x.id === section)!.figures.find((x) => x.id === f)!.value;
};
const stageRow = (s: MonthlySummary, code: string) => s.sections.find((x) => x.id === 'stages')!.tables[0].rows.find((r) => String(r.label).startsWith(code))!;

/** Members whose earliest record of the kind falls in the month, straight from the records. */
function firstIn(month: string, kind: 'visit' | 'report'): number {
  const q =
    kind === 'visit'
      ? 'select count(*) n from (select member_id, min(visited_on) first from mentoring_visits group by member_id) where substr(first, 1, 7) = ?'
      : 'select count(*) n from (select member_id, min(month) first from turnover_reports group by member_id) where first = ?';
  return (app.sqlite.prepare(q).get(month) as { n: number }).n;
}

/** The stage table and the section's own figures tell one story, month by month. */
async function expectAgreement(months: string[]) {
  for (const month of months) {
    const s = await summary(month);
    expect(stageRow(s, 'P3').inMonth, `P3 ${month}`).toBe(firstIn(month, 'visit'));
    expect(stageRow(s, 'P6').inMonth, `P6 ${month}`).toBe(firstIn(month, 'report'));
    // Whoever reached a stage in the month through a record has that record in the month's figures.
    expect(Number(stageRow(s, 'P3').inMonth), `P3 ${month}`).toBeLessThanOrEqual(Number(figure(s, 'turnover.membersVisited')));
    expect(Number(stageRow(s, 'P6').inMonth), `P6 ${month}`).toBeLessThanOrEqual(Number(figure(s, 'turnover.businessesReported')));
  }
}

describe('7P stage dates follow the evidence', () => {
  it('moves P3 to a backdated visit and back when it is removed or corrected', async () => {
    await app.ok('mentoring.recordVisit', { memberId: a.member.id, visitedOn: '2026-11-20', topic: 'Pembukuan' }, pd.token);
    await app.ok('mentoring.recordVisit', { memberId: b.member.id, visitedOn: '2026-11-10', topic: 'Kemasan' }, pd.token);
    expect(await stageOf(app, a.member.id, 'P3')).toMatchObject({ completed_on: '2026-11-20', source: 'visit' });

    // Entered today, made in October: the stage moves back to it.
    const backdated = await app.ok('mentoring.recordVisit', { memberId: a.member.id, visitedOn: '2026-10-05', topic: 'Perkenalan usaha' }, pd.token);
    expect(backdated.stageRecorded).toBe(true);
    expect(await stageOf(app, a.member.id, 'P3')).toMatchObject({
      completed_on: '2026-10-05',
      evidence: 'Kunjungan pendampingan: Perkenalan usaha',
      source_id: backdated.id,
    });
    const nov = await summary('2026-11');
    const oct = await summary('2026-10');
    expect(stageRow(nov, 'P3')).toMatchObject({ inMonth: 1, total: 2 });
    expect(stageRow(oct, 'P3')).toMatchObject({ inMonth: 1, total: 1 });
    expect(figure(oct, 'turnover.membersVisited')).toBe(1);
    await expectAgreement(['2026-09', '2026-10', '2026-11']);

    // A visit entered by mistake is removed (its record stays in the history): P3 follows.
    const noReason = await app.call('mentoring.removeVisit', { id: backdated.id, reason: '' }, pd.token);
    expect(noReason.status).toBe(400);
    await app.ok('mentoring.removeVisit', { id: backdated.id, reason: 'Salah anggota' }, pd.token);
    expect(await stageOf(app, a.member.id, 'P3')).toMatchObject({ completed_on: '2026-11-20' });
    expect(stageRow(await summary('2026-10'), 'P3')).toMatchObject({ inMonth: 0, total: 0 });
    const history = app.sqlite
      .prepare("select before from audit_log where entity = 'mentoring_visits' and entity_id = ? and after like '%removed%'")
      .get(backdated.id) as { before: string };
    expect(JSON.parse(history.before)).toMatchObject({ visited_on: '2026-10-05', topic: 'Perkenalan usaha' });

    // Corrected to an earlier date: P3 moves with it.
    const visits = await app.ok('mentoring.visits', { memberId: b.member.id }, pd.token);
    const future = await app.call('mentoring.updateVisit', { id: visits[0].id, visitedOn: '2026-12-01', topic: 'Kemasan' }, pd.token);
    expect(future.error.fields.visitedOn).toBe('Tanggal kunjungan: tidak boleh di masa depan');
    await app.ok('mentoring.updateVisit', { id: visits[0].id, visitedOn: '2026-09-30', topic: 'Kemasan' }, pd.token);
    expect(await stageOf(app, b.member.id, 'P3')).toMatchObject({ completed_on: '2026-09-30' });
    await expectAgreement(['2026-09', '2026-10', '2026-11']);
  });

  it('dates P6 by the month of the first turnover report, also one entered later for an earlier month', async () => {
    await app.ok('turnover.record', { businessId: a.business.id, month: '2026-11', turnover: 6_000_000 }, pd.token);
    expect(await stageOf(app, a.member.id, 'P6')).toMatchObject({
      completed_on: '2026-11-01',
      source: 'report',
      evidence: `Laporan omzet November 2026: ${a.business.name}`,
    });
    await app.ok(
      'turnover.saveGrid',
      {
        month: '2026-10',
        rows: [
          { businessId: a.business.id, turnover: 5_500_000 },
          { businessId: b.business.id, turnover: 3_000_000 },
        ],
      },
      pd.token,
    );
    expect(await stageOf(app, a.member.id, 'P6')).toMatchObject({ completed_on: '2026-10-01' });
    expect(await stageOf(app, b.member.id, 'P6')).toMatchObject({ completed_on: '2026-10-01' });
    const oct = await summary('2026-10');
    expect(stageRow(oct, 'P6')).toMatchObject({ inMonth: 2, total: 2 });
    expect(figure(oct, 'turnover.businessesReported')).toBe(2);
    expect(stageRow(await summary('2026-11'), 'P6')).toMatchObject({ inMonth: 0, total: 2 });
    await expectAgreement(['2026-10', '2026-11']);

    // A report removed: the stage follows the reports left, the business its latest month.
    await app.ok('turnover.remove', { businessId: a.business.id, month: '2026-10', reason: 'Angka bulan lain' }, pd.token);
    expect(await stageOf(app, a.member.id, 'P6')).toMatchObject({ completed_on: '2026-11-01' });
    await app.ok('turnover.remove', { businessId: b.business.id, month: '2026-10', reason: 'Usaha belum buka' }, pd.token);
    expect(await stageOf(app, b.member.id, 'P6')).toBeUndefined();
    expect((await app.call('turnover.remove', { businessId: b.business.id, month: '2026-10', reason: 'lagi' }, pd.token)).error.fields.month).toBe(
      'Bulan: usaha ini tidak punya laporan omzet Oktober 2026',
    );
    await expectAgreement(['2026-10', '2026-11']);
  });

  it('keeps the officer’s own record when a record takes the stage over, and returns to it', async () => {
    const petugas = await app.userWithRole(admin, 'petugas');
    await app.ok('stages.record', { memberId: c.member.id, stage: 'P3', completedOn: '2026-09-15', evidence: 'Pendampingan oleh Dinas PPKUKM' }, petugas);
    const earlier = await app.ok('mentoring.recordVisit', { memberId: c.member.id, visitedOn: '2026-08-01', topic: 'Awal' }, pd.token);
    expect(await stageOf(app, c.member.id, 'P3')).toMatchObject({ completed_on: '2026-08-01', source: 'visit', manual_on: '2026-09-15' });
    await app.ok('mentoring.removeVisit', { id: earlier.id, reason: 'Tanggal keliru' }, pd.token);
    expect(await stageOf(app, c.member.id, 'P3')).toMatchObject({ completed_on: '2026-09-15', source: 'manual', evidence: 'Pendampingan oleh Dinas PPKUKM' });
    // A later visit does not move a stage dated earlier by hand.
    await app.ok('mentoring.recordVisit', { memberId: c.member.id, visitedOn: '2026-11-02', topic: 'Lanjutan' }, pd.token);
    expect(await stageOf(app, c.member.id, 'P3')).toMatchObject({ completed_on: '2026-09-15', source: 'manual' });
  });
});
