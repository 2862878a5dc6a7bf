import { useApiQuery } from '../../app/data';
import { formatDate, formatNumber, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { StageBadge } from './shared';

/** A member's e-orders and revenue, for the member page: <MemberOrders memberId={id} />. */
export function MemberOrders({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const { data, error } = useApiQuery('orders.byMember', { memberId });
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section className="orders-member" aria-label={t('orders.member.title')}>
      <h2>{t('orders.member.title')}</h2>
      <p>
        {t('orders.member.summary', {
          count: formatNumber(data.count),
          delivered: formatNumber(data.deliveredCount),
          revenue: formatRupiah(data.revenue),
          paid: formatRupiah(data.paid),
        })}
      </p>
      {data.assignments.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('orders.col.orderNo')}</th>
                <th>{t('orders.col.buyer')}</th>
                <th>{t('orders.item.description')}</th>
                <th>{t('orders.col.deliveryDate')}</th>
                <th>{t('orders.a.amount')}</th>
                <th>{t('orders.col.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {data.assignments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`#/eorder/pesanan/${a.orderId}`}>{a.assignmentNo}</a>
                  </td>
                  <td>{a.buyerName}</td>
                  <td>
                    {a.description} · {formatNumber(a.quantity)} {a.unit}
                  </td>
                  <td>{formatDate(a.deliveryDate)}</td>
                  <td className="orders-money">{formatRupiah(a.amount)}</td>
                  <td>
                    <StageBadge stage={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
