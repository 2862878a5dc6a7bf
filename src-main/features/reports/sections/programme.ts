import { sql } from 'kysely';
import type { ReportScope, ReportSection } from '../model';
import type { Db } from './common';

const memberFilter = (scope: ReportScope) => (scope.kelurahan ? sql`and m.kelurahan_kode = ${scope.kelurahan}` : sql``);

/** P2 trainings held in the month and their participants. */
export async function trainingsSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const r = (
    await sql<Record<string, number>>`
      select
        count(distinct t.id) as sessions,
        coalesce(sum(case when e.status = 'terdaftar' then 1 else 0 end), 0) as enrolled,
        coalesce(sum(case when e.status = 'terdaftar' and e.attended = 1 then 1 else 0 end), 0) as attended,
        coalesce(sum(case when e.status = 'terdaftar' and e.completed = 1 then 1 else 0 end), 0) as completed
      from trainings t
      left join training_enrolments e on e.training_id = t.id
      left join members m on m.id = e.member_id
      where t.status != 'dibatalkan' and t.starts_at >= ${scope.fromIso} and t.starts_at < ${scope.toIso}
        ${scope.kelurahan ? sql`and (e.id is null or m.kelurahan_kode = ${scope.kelurahan})` : sql``}`.execute(db)
  ).rows[0];
  const n = (k: string) => Number(r?.[k] ?? 0);
  return {
    id: 'trainings',
    title: 'Pelatihan (P2)',
    figures: [
      { id: 'sessionsHeld', label: 'Sesi pelatihan', value: n('sessions'), type: 'int' },
      { id: 'participantsEnrolled', label: 'Peserta terdaftar', value: n('enrolled'), type: 'int' },
      { id: 'participantsAttended', label: 'Peserta hadir', value: n('attended'), type: 'int' },
      { id: 'participantsCompleted', label: 'Peserta lulus', value: n('completed'), type: 'int' },
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
  const perPendamping = (
    await sql<{ name: string | null; members: number; reported: number; turnover: number }>`
      select u.full_name as name, count(distinct m.id) as members,
        count(distinct r.business_id) as reported, coalesce(sum(r.turnover), 0) as turnover
      from members m
      left join users u on u.id = m.pendamping_id
      left join turnover_reports r on r.member_id = m.id and r.month = ${month}
      where m.registered_on <= ${scope.to} ${memberFilter(scope)}
      group by m.pendamping_id, u.full_name
      order by u.full_name is null, u.full_name`.execute(db)
  ).rows;
  const rows = perPendamping.map((p) => ({
    label: p.name ?? 'Belum ada pendamping',
    members: Number(p.members),
    reported: Number(p.reported),
    turnover: Number(p.turnover),
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
    figures: [
      { id: 'visits', label: 'Kunjungan pendampingan', value: Number(visits?.visits ?? 0), type: 'int' },
      { id: 'membersVisited', label: 'Anggota dikunjungi', value: Number(visits?.members ?? 0), type: 'int' },
      { id: 'businessesReported', label: 'Usaha melaporkan omzet', value: Number(totals?.businesses ?? 0), type: 'int' },
      { id: 'totalTurnover', label: 'Jumlah omzet bulanan anggota', value: Number(totals?.turnover ?? 0), type: 'rupiah' },
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

/** P7 capital: referrals made in the month and amounts disbursed in it, by channel. */
export async function financingSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const rows = (
    await sql<{ channel: string; referrals: number; requested: number; approved: number; disbursed: number; disbursedAmount: number }>`
      select f.channel,
        coalesce(sum(case when f.submitted_on between ${scope.from} and ${scope.to} then 1 else 0 end), 0) as referrals,
        coalesce(sum(case when f.submitted_on between ${scope.from} and ${scope.to} then f.amount_requested else 0 end), 0) as requested,
        coalesce(sum(case when f.decided_on between ${scope.from} and ${scope.to} and f.status in ('disetujui', 'dicairkan') then 1 else 0 end), 0) as approved,
        coalesce(sum(case when f.disbursed_on between ${scope.from} and ${scope.to} then 1 else 0 end), 0) as disbursed,
        coalesce(sum(case when f.disbursed_on between ${scope.from} and ${scope.to} then f.amount_disbursed else 0 end), 0) as disbursedAmount
      from financing_referrals f join members m on m.id = f.member_id
      where 1 = 1 ${memberFilter(scope)}
      group by f.channel`.execute(db)
  ).rows;
  const by = new Map(rows.map((r) => [r.channel, r]));
  const table = Object.entries(CHANNEL_LABELS).map(([key, label]) => {
    const r = by.get(key);
    return {
      label,
      referrals: Number(r?.referrals ?? 0),
      requested: Number(r?.requested ?? 0),
      approved: Number(r?.approved ?? 0),
      disbursed: Number(r?.disbursed ?? 0),
      disbursedAmount: Number(r?.disbursedAmount ?? 0),
    };
  });
  const sum = (k: keyof (typeof table)[number]) => table.reduce((s, r) => s + Number(r[k]), 0);
  table.push({ label: 'Jumlah', referrals: sum('referrals'), requested: sum('requested'), approved: sum('approved'), disbursed: sum('disbursed'), disbursedAmount: sum('disbursedAmount') });
  return {
    id: 'financing',
    title: 'Permodalan (P7)',
    figures: [
      { id: 'referrals', label: 'Rujukan permodalan', value: sum('referrals'), type: 'int' },
      { id: 'disbursed', label: 'Pembiayaan dicairkan', value: sum('disbursed'), type: 'int' },
      { id: 'disbursedAmount', label: 'Jumlah dana dicairkan', value: sum('disbursedAmount'), type: 'rupiah' },
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
