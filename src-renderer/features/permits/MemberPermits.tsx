import { type Output } from '../../app/api';
import { useApiQuery } from '../../app/data';
import { Notice } from '../../components/Notice';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { SlaBadge, StatusBadge } from './badges';

type Row = Output<'permits.list'>['rows'][number];

/** A member's permits, for the member page: status, number and a link to each permit. */
export function MemberPermits({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const query = useApiQuery('permits.list', { memberId, pageSize: 50, sort: 'submittedAt', dir: 'desc' });
  const rows: Row[] | null = query.data?.rows ?? null;
  if (query.error) return <Notice kind="error">{query.error}</Notice>;
  if (!rows) return <p className="muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p className="muted">{t('common.noData')}</p>;
  return (
    <ul className="permits-plain">
      {rows.map((r) => (
        <li key={r.id}>
          <a href={`#/perizinan/izin/${r.id}`}>{r.businessName}</a> <StatusBadge status={r.status} /> <SlaBadge sla={r.sla} status={r.status} />{' '}
          <span className="permits-small">
            {r.number ?? formatDate(r.submittedAt)}
            {r.issuedOn ? ` · ${formatDate(r.issuedOn)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
