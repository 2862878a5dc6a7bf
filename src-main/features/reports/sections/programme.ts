import { sql } from 'kysely';
import type { ReportScope, ReportSection } from '../model';
import { common, type Db } from './common';
import { reportWords } from '../words';

const tw = reportWords({
  title: { id: 'Pelatihan (P2)', en: 'Training (P2)' },
  sessionsHeld: { id: 'Sesi pelatihan', en: 'Training sessions' },
  participantsEnrolled: { id: 'Peserta terdaftar', en: 'Participants enrolled' },
  participantsAttended: { id: 'Peserta hadir', en: 'Participants who attended' },
  participantsCompleted: { id: 'Peserta lulus', en: 'Participants who completed' },
});

const vw = reportWords({
  title: { id: 'Pendampingan (P3) dan omzet bulanan (P6)', en: 'Mentoring (P3) and monthly turnover (P6)' },
  shortTitle: { id: 'Pendampingan dan omzet', en: 'Mentoring and turnover' },
  visits: { id: 'Kunjungan pendampingan', en: 'Mentoring visits' },
  membersVisited: { id: 'Anggota dikunjungi', en: 'Members visited' },
  businessesReported: { id: 'Usaha melaporkan omzet', en: 'Businesses reporting turnover' },
  totalTurnover: { id: 'Jumlah omzet bulanan anggota', en: "Members' total monthly turnover" },
  perPendamping: { id: 'Rekap omzet per pendamping', en: 'Turnover per pendamping' },
  pendamping: { id: 'Pendamping', en: 'Pendamping' },
  members: { id: 'Anggota', en: 'Members' },
  reported: { id: 'Usaha melapor', en: 'Businesses reporting' },
  turnover: { id: 'Omzet', en: 'Turnover' },
  noPendamping: { id: 'Belum ada pendamping', en: 'No pendamping yet' },
});

const fw = reportWords({
  title: { id: 'Permodalan (P7)', en: 'Financing (P7)' },
  referrals: { id: 'Rujukan permodalan', en: 'Financing referrals' },
  disbursed: { id: 'Pembiayaan dicairkan', en: 'Financing disbursed' },
  disbursedAmount: { id: 'Jumlah dana dicairkan', en: 'Total amount disbursed' },
  byChannel: { id: 'Rujukan dan pencairan per lembaga', en: 'Referrals and disbursements per institution' },
  institution: { id: 'Lembaga', en: 'Institution' },
  referralsColumn: { id: 'Rujukan', en: 'Referrals' },
  requested: { id: 'Nilai diajukan', en: 'Amount requested' },
  approved: { id: 'Disetujui', en: 'Approved' },
  disbursedColumn: { id: 'Dicairkan', en: 'Disbursed' },
  disbursedAmountColumn: { id: 'Dana dicairkan', en: 'Amount disbursed' },
});

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
  ).rows.at(0);
  const n = (k: 'sessions' | 'enrolled' | 'attended' | 'completed') => r?.[k] ?? 0;
  return {
    id: 'trainings',
    title: tw.title,
    shortTitle: tw.title,
    figures: [
      { id: 'sessionsHeld', label: tw.sessionsHeld, value: n('sessions'), type: 'int' },
      { id: 'participantsEnrolled', label: tw.participantsEnrolled, value: n('enrolled'), type: 'int' },
      { id: 'participantsAttended', label: tw.participantsAttended, value: n('attended'), type: 'int' },
      { id: 'participantsCompleted', label: tw.participantsCompleted, value: n('completed'), type: 'int' },
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
  ).rows.at(0);
  const month = scope.month;
  const totals = (
    await sql<{ businesses: number; turnover: number }>`
      select count(*) as businesses, coalesce(sum(r.turnover), 0) as turnover
      from turnover_reports r join members m on m.id = r.member_id
      where r.month = ${month} ${memberFilter(scope)}`.execute(db)
  ).rows.at(0);
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
    label: p.name ?? vw.noPendamping,
    members: p.members,
    reported: p.reported,
    turnover: p.turnover,
  }));
  rows.push({
    label: common.total,
    members: rows.reduce((s, r) => s + r.members, 0),
    reported: rows.reduce((s, r) => s + r.reported, 0),
    turnover: rows.reduce((s, r) => s + r.turnover, 0),
  });
  return {
    id: 'turnover',
    title: vw.title,
    shortTitle: vw.shortTitle,
    figures: [
      { id: 'visits', label: vw.visits, value: visits?.visits ?? 0, type: 'int' },
      { id: 'membersVisited', label: vw.membersVisited, value: visits?.members ?? 0, type: 'int' },
      { id: 'businessesReported', label: vw.businessesReported, value: totals?.businesses ?? 0, type: 'int' },
      { id: 'totalTurnover', label: vw.totalTurnover, value: totals?.turnover ?? 0, type: 'rupiah' },
    ],
    tables: [
      {
        id: 'perPendamping',
        title: vw.perPendamping,
        columns: [
          { key: 'label', label: vw.pendamping, type: 'text' },
          { key: 'members', label: vw.members, type: 'int' },
          { key: 'reported', label: vw.reported, type: 'int' },
          { key: 'turnover', label: vw.turnover, type: 'rupiah' },
        ],
        rows,
      },
    ],
  };
}

// The lembaga as the programme's referral screens name them.
const CHANNEL_LABELS = reportWords({
  bank_dki: { id: 'Bank DKI', en: 'Bank DKI' },
  fintech: { id: 'Fintech', en: 'Fintech' },
  pegadaian: { id: 'Pegadaian', en: 'Pegadaian' },
  koperasi: { id: 'Koperasi', en: 'Cooperative' },
});

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
  const total = {
    label: common.total,
    referrals: sum('referrals'),
    requested: sum('requested'),
    approved: sum('approved'),
    disbursed: sum('disbursed'),
    disbursedAmount: sum('disbursedAmount'),
  };
  table.push(total);
  return {
    id: 'financing',
    title: fw.title,
    shortTitle: fw.title,
    figures: [
      { id: 'referrals', label: fw.referrals, value: total.referrals, type: 'int' },
      { id: 'disbursed', label: fw.disbursed, value: total.disbursed, type: 'int' },
      { id: 'disbursedAmount', label: fw.disbursedAmount, value: total.disbursedAmount, type: 'rupiah' },
    ],
    tables: [
      {
        id: 'byChannel',
        title: fw.byChannel,
        columns: [
          { key: 'label', label: fw.institution, type: 'text' },
          { key: 'referrals', label: fw.referralsColumn, type: 'int' },
          { key: 'requested', label: fw.requested, type: 'rupiah' },
          { key: 'approved', label: fw.approved, type: 'int' },
          { key: 'disbursed', label: fw.disbursedColumn, type: 'int' },
          { key: 'disbursedAmount', label: fw.disbursedAmountColumn, type: 'rupiah' },
        ],
        rows: table,
      },
    ],
  };
}
