import { loadHolidays, loadPermitSettings, slaOfPermits } from '../../permits';
import { percent, type ReportRow, type ReportScope, type ReportSection } from '../model';
import { inScope, type Db } from './common';

const CHANNELS = [
  ['loket', 'Loket'],
  ['ajib', 'AJIB'],
  ['pendamping', 'Pendamping'],
  ['online', 'Online'],
] as const;

/** IUMK received, issued, rejected and on time against the SLA, by channel; AJIB tasks. */
export async function permitsSection(db: Db, scope: ReportScope): Promise<ReportSection> {
  const received = await db
    .selectFrom('permits')
    .innerJoin('members', 'members.id', 'permits.member_id')
    .where(inScope(scope))
    .where('permits.submitted_at', '>=', scope.fromIso)
    .where('permits.submitted_at', '<', scope.toIso)
    .select(['permits.channel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('permits.channel')
    .execute();
  // Decisions of the month, from the permits' own append-only event log.
  const decided = await db
    .selectFrom('permit_events')
    .innerJoin('permits', 'permits.id', 'permit_events.permit_id')
    .innerJoin('members', 'members.id', 'permits.member_id')
    .where(inScope(scope))
    .where('permit_events.at', '>=', scope.fromIso)
    .where('permit_events.at', '<', scope.toIso)
    .where('permit_events.to_status', 'in', ['terbit', 'ditolak', 'dicabut'])
    .select(['permits.id', 'permits.channel', 'permit_events.to_status as status'])
    .execute();
  const issued = decided.filter((d) => d.status === 'terbit');
  const sla = await slaOfPermits(db, issued.map((d) => d.id), {
    settings: await loadPermitSettings(db),
    holidays: await loadHolidays(db),
    now: scope.toIso,
  });
  const onTime = (id: string) => sla.get(id)?.onTime === true;
  const ajib = await db
    .selectFrom('ajib_tasks')
    .innerJoin('permits', 'permits.id', 'ajib_tasks.permit_id')
    .innerJoin('members', 'members.id', 'permits.member_id')
    .where(inScope(scope))
    .where('ajib_tasks.planned_date', '>=', scope.from)
    .where('ajib_tasks.planned_date', '<=', scope.to)
    .select(['ajib_tasks.kind', 'ajib_tasks.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['ajib_tasks.kind', 'ajib_tasks.status'])
    .execute();
  const ajibCount = (kind: string, status?: string) => ajib.filter((a) => a.kind === kind && (!status || a.status === status)).reduce((s, a) => s + a.n, 0);

  const count = (channel: string, list: { channel: string }[]) => list.filter((x) => x.channel === channel).length;
  const receivedBy = new Map(received.map((r) => [r.channel, r.n]));
  const totalReceived = [...receivedBy.values()].reduce((s, n) => s + n, 0);
  const issuedOnTime = issued.filter((d) => onTime(d.id)).length;
  const rows: ReportRow[] = CHANNELS.map(([key, label]) => {
    const iss = issued.filter((d) => d.channel === key);
    const ok = iss.filter((d) => onTime(d.id)).length;
    return {
      label,
      received: receivedBy.get(key) ?? 0,
      issued: iss.length,
      rejected: count(key, decided.filter((d) => d.status === 'ditolak')),
      onTime: ok,
      late: iss.length - ok,
      share: percent(ok, iss.length),
    };
  });
  rows.push({
    label: 'Jumlah',
    received: totalReceived,
    issued: issued.length,
    rejected: decided.filter((d) => d.status === 'ditolak').length,
    onTime: issuedOnTime,
    late: issued.length - issuedOnTime,
    share: percent(issuedOnTime, issued.length),
  });
  return {
    id: 'permits',
    title: 'Perizinan IUMK (P4)',
    shortTitle: 'Perizinan (P4)',
    figures: [
      { id: 'received', label: 'Permohonan IUMK diterima', value: totalReceived, type: 'int' },
      { id: 'issued', label: 'IUMK terbit', value: issued.length, type: 'int' },
      { id: 'rejected', label: 'Permohonan ditolak', value: decided.filter((d) => d.status === 'ditolak').length, type: 'int' },
      { id: 'revoked', label: 'IUMK dicabut', value: decided.filter((d) => d.status === 'dicabut').length, type: 'int' },
      { id: 'onTimeShare', label: 'Ketepatan waktu (sesuai SLA)', value: percent(issuedOnTime, issued.length), type: 'percent' },
      { id: 'ajibTasks', label: 'Tugas AJIB (jemput dan antar)', value: ajib.reduce((s, a) => s + a.n, 0), type: 'int' },
    ],
    tables: [
      {
        id: 'byChannel',
        title: 'IUMK per kanal: sesuai dan tidak sesuai durasi',
        columns: [
          { key: 'label', label: 'Kanal', type: 'text' },
          { key: 'received', label: 'Diterima', type: 'int' },
          { key: 'issued', label: 'Terbit', type: 'int' },
          { key: 'rejected', label: 'Ditolak', type: 'int' },
          { key: 'onTime', label: 'Sesuai durasi', type: 'int' },
          { key: 'late', label: 'Tidak sesuai', type: 'int' },
          { key: 'share', label: '% ketepatan', type: 'percent' },
        ],
        rows,
      },
      {
        id: 'ajib',
        title: 'Tugas AJIB',
        columns: [
          { key: 'label', label: 'Tugas', type: 'text' },
          { key: 'planned', label: 'Direncanakan', type: 'int' },
          { key: 'done', label: 'Selesai', type: 'int' },
        ],
        rows: [
          { label: 'Penjemputan berkas', planned: ajibCount('pickup'), done: ajibCount('pickup', 'selesai') },
          { label: 'Pengantaran izin', planned: ajibCount('delivery'), done: ajibCount('delivery', 'selesai') },
        ],
      },
    ],
  };
}
