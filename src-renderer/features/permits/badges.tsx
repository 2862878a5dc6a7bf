import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/format';

const statusKind: Record<string, string> = {
  diajukan: 'info',
  diverifikasi: 'info',
  perlu_perbaikan: 'warning',
  disetujui: 'info',
  terbit: 'success',
  diserahkan: 'success',
  ditolak: 'muted',
  dicabut: 'danger',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge badge--${statusKind[status] ?? 'muted'} permits-badge`}>{t(`permits.status.${status}` as 'permits.status.diajukan')}</span>;
}

const slaKind: Record<string, string> = { late: 'danger', due_today: 'warning', paused: 'muted', running: 'info', on_time: 'success' };

/** The SLA state of a permit: due today, late, paused, running; on time or late once decided. */
export function SlaBadge({ sla, status }: { sla: { state: string; dueDate: string; onTime: boolean | null } | null; status: string }) {
  const { t } = useI18n();
  if (!sla || status === 'ditolak' || status === 'dicabut') return <span className="muted">—</span>;
  return (
    <span className={`badge badge--${slaKind[sla.state] ?? 'muted'} permits-badge`} title={t('permits.detail.due', { date: formatDate(sla.dueDate) })}>
      {t(`permits.sla.${sla.state}` as 'permits.sla.late')}
      {sla.state === 'running' || sla.state === 'due_today' || sla.state === 'late' ? ` · ${formatDate(sla.dueDate)}` : ''}
    </span>
  );
}
