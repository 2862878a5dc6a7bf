import { useState } from 'react';
import type { Output } from '../../app/api';
import { useApiQuery } from '../../app/data';
import { formatDate, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { SettingsPanel } from './SettingsPanel';
import { StageBadge } from './shared';
import { navigate } from '../../app/router';

type Due = Output<'orders.due'>;
type Row = Due['dueSoon'][number] & { daysSinceDelivery?: number };

/** What is due in the next days, what is late, and deliveries long unpaid. */
export function DuePanel() {
  const { t } = useI18n();
  const [days, setDays] = useState(3);
  const query = useApiQuery('orders.due', { days }, { keepPrevious: true });
  const due: Due | null = query.data ?? null;
  const error = query.error;
  const table = (rows: Row[], extra?: (r: Row) => string) => (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('orders.col.orderNo')}</th>
            <th>{t('orders.col.buyer')}</th>
            <th>{t('orders.a.business')}</th>
            <th>{t('orders.col.deliveryDate')}</th>
            <th>{t('orders.a.amount')}</th>
            <th>{t('orders.col.stage')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className="table__row--link"
              tabIndex={0}
              onClick={() => navigate(`/eorder/pesanan/${r.orderId}`)}
              onKeyDown={(e) => e.key === 'Enter' && navigate(`/eorder/pesanan/${r.orderId}`)}
            >
              <td>{r.assignmentNo}</td>
              <td>{r.buyerName}</td>
              <td>{r.businessName}</td>
              <td>
                {formatDate(r.deliveryDate)}
                {extra && <div className="muted orders-small">{extra(r)}</div>}
              </td>
              <td className="orders-money">{formatRupiah(r.amount)}</td>
              <td>
                <StageBadge stage={r.status} />
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="table__empty">
                {t('common.noData')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
  return (
    <>
      <header className="screen__header">
        <h1>{t('orders.tab.due')}</h1>
        <select aria-label={t('orders.filter.due')} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 3, 7, 14].map((d) => (
            <option key={d} value={d}>
              {t('orders.due.soonTitle', { days: d })}
            </option>
          ))}
        </select>
      </header>
      <Notice kind="error">{error}</Notice>
      {due && (
        <>
          <h2>{t('orders.due.soonTitle', { days })}</h2>
          {table(due.dueSoon)}
          <h2>{t('orders.due.lateTitle')}</h2>
          {table(due.late)}
          <h2>{t('orders.due.unpaidTitle', { days: due.unpaidAlertDays })}</h2>
          {table(
            due.unpaid,
            (r) => `${t('orders.status.diterima')} ${formatDate(r.deliveredOn)} · ${t('orders.due.since', { days: r.daysSinceDelivery ?? 0 })}`,
          )}
        </>
      )}
      <SettingsPanel />
    </>
  );
}
