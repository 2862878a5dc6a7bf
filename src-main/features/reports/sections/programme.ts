import { sql } from 'kysely';
import type { ReportScope, ReportSection } from '../model';
import type { Db } from './common';

const memberFilter = (scope: ReportScope) => (scope.kelurahan ? sql`and m.kelurahan_kode = ${scope.kelurahan}` : sql``);

/**
 * P2 trainings held in the month and their participants. Held means completed (attendance
 * taken, graduates known): a session scheduled for later in the month has not been held yet.
 */
export async function trainingsSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const r = (
    await sql<{ sessions: number; enrolled: number; attended: number; completed: number }>`
      select
        count(distinct t.id) as sessions,
        coalesce(sum(case when e.status = 'terdaftar' then 1 else 0 end), 0) as enrolled,
        coalesce(sum(case when e.status = 'terdaftar' and e.attended = 1 then 1 else 0 end), 0) as attended,
        coalesce(sum(case when e.status = 'terdaftar' and e.completed = 1 then 1 else 0 end), 0) as completed
      from trainings t
      left join training_enrolments e on e.training_id = t.id
      left join members m on m.id = e.member_id
      where t.status = 'selesai' and t.starts_at >= ${scope.fromIso} and t.starts_at < ${scope.toIso}
        ${scope.kelurahan ? sql`and (e.id is null or m.kelurahan_kode = ${scope.kelurahan})` : sql``}`.execute(db)
  ).rows[0];
  return {
    id: 'trainings',
    title: 'Pelatihan (P2)',
    shortTitle: 'Pelatihan (P2)',
    figures: [
      { id: 'sessionsHeld', label: 'Sesi pelatihan', value: r.sessions, type: 'int' },
      { id: 'participantsEnrolled', label: 'Peserta terdaftar', value: r.enrolled, type: 'int' },
      { id: 'participantsAttended', label: 'Peserta hadir', value: r.attended, type: 'int' },
      { id: 'participantsCompleted', label: 'Peserta lulus', value: r.completed, type: 'int' },
    ],
    tables: [],
  };
}

/** P3 mentoring visits and P6 monthly turnover, with the turnover recap per pendamping. */
export async function turnoverSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const visits = (
    await sql<{ visits: number; members: number }>`
      select count(*) as visits, count(distinct v.member_id) as members
      from mentoring_visits v join members m on m.id = v.member_id
      where v.visited_on between ${scope.from} and ${scope.to} ${memberFilter(scope)}`.execute(db)
  ).rows[0];
  const month = scope.month;
  const totals = (
    await sql<{ businesses: number; turnover: number }>`
      select count(*) as businesses, coalesce(sum(r.turnover), 0) as turnover
      from turnover_reports r join members m on m.id = r.member_id
      where r.month = ${month} ${memberFilter(scope)}`.execute(db)
  ).rows[0];
  // Members per pendamping from the (pendamping, registered_on) index, and the month's reports
  // per pendamping from the month's few rows: two small queries instead of one join of all members.
  const assigned = (
    await sql<{ pendampingId: string | null; members: number }>`
      select m.pendamping_id as pendampingId, count(*) as members from members m
      where m.registered_on <= ${scope.to} ${memberFilter(scope)}
      group by m.pendamping_id`.execute(db)
  ).rows;
  const reported = new Map(
    (
      await sql<{ pendampingId: string | null; reported: number; turnover: number }>`
        select m.pendamping_id as pendampingId, count(distinct r.business_id) as reported, coalesce(sum(r.turnover), 0) as turnover
        from turnover_reports r join members m on m.id = r.member_id
        where r.month = ${month} ${memberFilter(scope)}
        group by m.pendamping_id`.execute(db)
    ).rows.map((r) => [r.pendampingId, r]),
  );
  const names = new Map((await db.selectFrom('users').select(['id', 'full_name']).execute()).map((u) => [u.id, u.full_name]));
  const perPendamping = assigned
    .map((a) => ({
      name: a.pendampingId ? (names.get(a.pendampingId) ?? null) : null,
      members: a.members,
      reported: reported.get(a.pendampingId)?.reported ?? 0,
      turnover: reported.get(a.pendampingId)?.turnover ?? 0,
    }))
    .sort((x, y) => (x.name === null ? 1 : y.name === null ? -1 : x.name.localeCompare(y.name, 'id')));
  const rows = perPendamping.map((p) => ({
    label: p.name ?? 'Belum ada pendamping',
    members: p.members,
    reported: p.reported,
    turnover: p.turnover,
  }));
  rows.push({
    label: 'Jumlah',
    members: rows.reduce((s, r) => s + r.members, 0),
    reported: rows.reduce((s, r) => s + r.reported, 0),
    turnover: rows.reduce((s, r) => s + r.turnover, 0),
  });
  return {
    id: 'turnover',
    title: 'Pendampingan (P3) dan omzet bulanan (P6)',
    shortTitle: 'Pendampingan dan omzet',
    figures: [
      { id: 'visits', label: 'Kunjungan pendampingan', value: visits.visits, type: 'int' },
      { id: 'membersVisited', label: 'Anggota dikunjungi', value: visits.members, type: 'int' },
      { id: 'businessesReported', label: 'Usaha melaporkan omzet', value: totals.businesses, type: 'int' },
      { id: 'totalTurnover', label: 'Jumlah omzet bulanan anggota', value: totals.turnover, type: 'rupiah' },
    ],
    tables: [
      {
        id: 'perPendamping',
        title: 'Rekap omzet per pendamping',
        columns: [
          { key: 'label', label: 'Pendamping', type: 'text' },
          { key: 'members', label: 'Anggota', type: 'int' },
          { key: 'reported', label: 'Usaha melapor', type: 'int' },
          { key: 'turnover', label: 'Omzet', type: 'rupiah' },
        ],
        rows,
      },
    ],
  };
}

const CHANNEL_LABELS: Record<string, string> = { bank_dki: 'Bank DKI', fintech: 'Fintech', pegadaian: 'Pegadaian', koperasi: 'Koperasi' };

/** P7 capital: referrals made in the month and amounts disbursed in it (up to today), by channel. */
export async function financingSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const rows = (
    await sql<{ channel: string; referrals: number; requested: number; approved: number; disbursed: number; disbursedAmount: number }>`
      select f.channel,
        coalesce(sum(case when f.submitted_on between ${scope.from} and ${scope.to} then 1 else 0 end), 0) as referrals,
        coalesce(sum(case when f.submitted_on between ${scope.from} and ${scope.to} then f.amount_requested else 0 end), 0) as requested,
        coalesce(sum(case when f.decided_on between ${scope.from} and ${scope.to} and f.status in ('disetujui', 'dicairkan') then 1 else 0 end), 0) as approved,
        coalesce(sum(case when f.disbursed_on between ${scope.from} and ${scope.asOf} then 1 else 0 end), 0) as disbursed,
        coalesce(sum(case when f.disbursed_on between ${scope.from} and ${scope.asOf} then f.amount_disbursed else 0 end), 0) as disbursedAmount
      from financing_referrals f join members m on m.id = f.member_id
      where 1 = 1 ${memberFilter(scope)}
      group by f.channel`.execute(db)
  ).rows;
  const by = new Map(rows.map((r) => [r.channel, r]));
  const table = Object.entries(CHANNEL_LABELS).map(([key, label]) => {
    const r = by.get(key);
    return {
      label,
      referrals: r?.referrals ?? 0,
      requested: r?.requested ?? 0,
      approved: r?.approved ?? 0,
      disbursed: r?.disbursed ?? 0,
      disbursedAmount: r?.disbursedAmount ?? 0,
    };
  });
  const sum = (k: keyof (typeof table)[number]) => table.reduce((s, r) => s + Number(r[k]), 0);
  const total = { label: 'Jumlah', referrals: sum('referrals'), requested: sum('requested'), approved: sum('approved'), disbursed: sum('disbursed'), disbursedAmount: sum('disbursedAmount') };
  table.push(total);
  return {
    id: 'financing',
    title: 'Permodalan (P7)',
    shortTitle: 'Permodalan (P7)',
    figures: [
      { id: 'referrals', label: 'Rujukan permodalan', value: total.referrals, type: 'int' },
      { id: 'disbursed', label: 'Pembiayaan dicairkan', value: total.disbursed, type: 'int' },
      { id: 'disbursedAmount', label: 'Jumlah dana dicairkan', value: total.disbursedAmount, type: 'rupiah' },
    ],
    tables: [
      {
        id: 'byChannel',
        title: 'Rujukan dan pencairan per lembaga',
        columns: [
          { key: 'label', label: 'Lembaga', type: 'text' },
          { key: 'referrals', label: 'Rujukan', type: 'int' },
          { key: 'requested', label: 'Nilai diajukan', type: 'rupiah' },
          { key: 'approved', label: 'Disetujui', type: 'int' },
          { key: 'disbursed', label: 'Dicairkan', type: 'int' },
          { key: 'disbursedAmount', label: 'Dana dicairkan', type: 'rupiah' },
        ],
        rows: table,
      },
    ],
  };
}
