import { useState } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi } from '../../app/data';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { Notice } from '../../components/Notice';
import { downloadFile } from '../../components/files';

type Status = Output<'reports.monthly'>['status'];
type Closings = Output<'reports.closings'>;

const BADGE: Record<Status['state'], string> = { closed: 'badge--success', provisional: 'badge--warning', open: 'badge--muted' };

/** "Ditutup", "Sementara" or "Belum ditutup", as a badge. */
export function StatusBadge({ status }: { status: Pick<Status, 'state'> }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${BADGE[status.state]}`} data-state={status.state}>
      {t(`reports.state.${status.state}`)}
    </span>
  );
}

/** What the state means for the figures shown, in a sentence. */
export function StatusLine({ status }: { status: Status }) {
  const { t } = useI18n();
  const text =
    status.state === 'closed'
      ? t('reports.closedLine', { date: formatDate(status.closedAt), name: status.closedBy ?? '' })
      : status.state === 'provisional'
        ? t('reports.provisionalLine')
        : t('reports.openLine');
  return (
    <p className="reports__status" data-state={status.state}>
      <StatusBadge status={status} /> {text}
    </p>
  );
}

/**
 * Month closing for supervisors: closes the month that is next in turn (after a confirmation),
 * and downloads the signed package of a closed month.
 */
export function ClosingPanel({ month, monthLabel, status, closings }: { month: string; monthLabel: string; status: Status; closings: Closings | null }) {
  const { t } = useI18n();
  const may = useCan()('reports.closeMonth');
  const api = useApi();
  const { run, busy, error, message } = useAction();
  const [confirming, setConfirming] = useState(false);
  const canClose = may && status.state === 'open' && closings?.nextToClose === month;
  return (
    <div className="reports__closing">
      {canClose && (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => setConfirming(true)}>
          {t('reports.closeMonth', { month: monthLabel })}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('reports.closeMonth', { month: monthLabel })}
        confirmLabel={t('reports.closeMonth', { month: monthLabel })}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          void run(async () => {
            setConfirming(false);
            const r = await api('reports.closeMonth', { month });
            return t('reports.closedDone', { month: monthLabel, n: r.corrections });
          })
        }
      >
        <p>{t('reports.confirmClose', { month: monthLabel })}</p>
      </ConfirmDialog>
      {status.state === 'open' && closings?.nextToClose && closings.nextToClose !== month && may && (
        <span className="reports__hint">{t('reports.closeInOrder', { month: closings.nextToCloseLabel ?? '' })}</span>
      )}
      {status.state === 'closed' && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(async () => (downloadFile(await api('reports.closingPackage', { month }, { read: true })), null))}
        >
          {t('reports.downloadPackage')}
        </button>
      )}
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
    </div>
  );
}
