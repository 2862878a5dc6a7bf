import { loadHolidays, loadPermitSettings, slaOfPermits } from '../../permits';
import { percent, type ReportRow, type ReportScope, type ReportSection } from '../model';
import { common, inScope, type Db } from './common';
import { reportWords } from '../words';

// The channels as the permit screens name them.
const channelWords = reportWords({
  loket: { id: 'Loket', en: 'Counter' },
  ajib: { id: 'AJIB', en: 'AJIB' },
  pendamping: { id: 'Pendamping', en: 'Pendamping' },
  online: { id: 'Daring', en: 'Online' },
});
const CHANNELS = (['loket', 'ajib', 'pendamping', 'online'] as const).map((key) => [key, channelWords[key]] as const);

const w = reportWords({
  title: { id: 'Perizinan IUMK (P4)', en: 'IUMK permits (P4)' },
  shortTitle: { id: 'Perizinan (P4)', en: 'Permits (P4)' },
  received: { id: 'Permohonan IUMK diterima', en: 'IUMK applications received' },
  issued: { id: 'IUMK terbit', en: 'IUMK issued' },
  rejected: { id: 'Permohonan ditolak', en: 'Applications rejected' },
  revoked: { id: 'IUMK dicabut', en: 'IUMK revoked' },
  onTimeShare: { id: 'Ketepatan waktu (sesuai SLA)', en: 'On time (within the SLA)' },
  ajibTasks: { id: 'Tugas AJIB (jemput dan antar)', en: 'AJIB tasks (pickup and delivery)' },
  byChannel: { id: 'IUMK per kanal: sesuai dan tidak sesuai durasi', en: 'IUMK per channel: within and beyond the set duration' },
  channel: { id: 'Kanal', en: 'Channel' },
  receivedColumn: { id: 'Diterima', en: 'Received' },
  issuedColumn: { id: 'Terbit', en: 'Issued' },
  rejectedColumn: { id: 'Ditolak', en: 'Rejected' },
  onTime: { id: 'Sesuai durasi', en: 'Within duration' },
  late: { id: 'Tidak sesuai', en: 'Beyond duration' },
  share: { id: '% ketepatan', en: '% on time' },
  ajib: { id: 'Tugas AJIB', en: 'AJIB tasks' },
  task: { id: 'Tugas', en: 'Task' },
  planned: { id: 'Direncanakan', en: 'Planned' },
  done: { id: 'Selesai', en: 'Done' },
  pickup: { id: 'Penjemputan berkas', en: 'Document pickup' },
  delivery: { id: 'Pengantaran izin', en: 'Permit delivery' },
});

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
  const sla = await slaOfPermits(
    db,
    issued.map((d) => d.id),
    {
      settings: await loadPermitSettings(db),
      holidays: await loadHolidays(db),
      now: scope.toIso,
    },
  );
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
      rejected: count(
        key,
        decided.filter((d) => d.status === 'ditolak'),
      ),
      onTime: ok,
      late: iss.length - ok,
      share: percent(ok, iss.length),
    };
  });
  rows.push({
    label: common.total,
    received: totalReceived,
    issued: issued.length,
    rejected: decided.filter((d) => d.status === 'ditolak').length,
    onTime: issuedOnTime,
    late: issued.length - issuedOnTime,
    share: percent(issuedOnTime, issued.length),
  });
  return {
    id: 'permits',
    title: w.title,
    shortTitle: w.shortTitle,
    figures: [
      { id: 'received', label: w.received, value: totalReceived, type: 'int' },
      { id: 'issued', label: w.issued, value: issued.length, type: 'int' },
      { id: 'rejected', label: w.rejected, value: decided.filter((d) => d.status === 'ditolak').length, type: 'int' },
      { id: 'revoked', label: w.revoked, value: decided.filter((d) => d.status === 'dicabut').length, type: 'int' },
      { id: 'onTimeShare', label: w.onTimeShare, value: percent(issuedOnTime, issued.length), type: 'percent' },
      { id: 'ajibTasks', label: w.ajibTasks, value: ajib.reduce((s, a) => s + a.n, 0), type: 'int' },
    ],
    tables: [
      {
        id: 'byChannel',
        title: w.byChannel,
        columns: [
          { key: 'label', label: w.channel, type: 'text' },
          { key: 'received', label: w.receivedColumn, type: 'int' },
          { key: 'issued', label: w.issuedColumn, type: 'int' },
          { key: 'rejected', label: w.rejectedColumn, type: 'int' },
          { key: 'onTime', label: w.onTime, type: 'int' },
          { key: 'late', label: w.late, type: 'int' },
          { key: 'share', label: w.share, type: 'percent' },
        ],
        rows,
      },
      {
        id: 'ajib',
        title: w.ajib,
        columns: [
          { key: 'label', label: w.task, type: 'text' },
          { key: 'planned', label: w.planned, type: 'int' },
          { key: 'done', label: w.done, type: 'int' },
        ],
        rows: [
          { label: w.pickup, planned: ajibCount('pickup'), done: ajibCount('pickup', 'selesai') },
          { label: w.delivery, planned: ajibCount('delivery'), done: ajibCount('delivery', 'selesai') },
        ],
      },
    ],
  };
}
