import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { useApiQuery } from '../../app/data';
import { formatDate, formatNumber, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { useServerTable } from '../../components/useServerTable';
import { StageBadge, STAGES, stageKey, type Stage } from './shared';
import { SearchBox } from '../../components/Filters';

type Row = Output<'orders.list'>['rows'][number];
const col = createColumnHelper<Row>();

export function OrdersList() {
  const { t } = useI18n();
  const buyersQuery = useApiQuery('orderBuyers.list', { pageSize: 200 });
  const buyers = buyersQuery.data?.rows ?? [];
  const table = useServerTable(
    { page: 0, pageSize: 25, sort: 'orderDate', dir: 'desc', filters: { q: '', stage: '', buyer: '', due: '' } },
    'orders.list',
    (s, f) => ({
      page: s.page,
      pageSize: s.pageSize,
      sort: s.sort as 'orderDate',
      dir: s.dir,
      search: f.q || undefined,
      stage: (f.stage || undefined) as Stage | undefined,
      buyerId: f.buyer || undefined,
      due: (f.due || undefined) as 'late' | undefined,
    }),
  );
  const columns = useMemo(
    () => [
      col.accessor('orderNo', { header: t('orders.col.orderNo'), cell: (c) => <strong className="orders-nowrap">{c.getValue()}</strong> }),
      col.accessor('orderDate', { header: t('orders.col.orderDate'), cell: (c) => formatDate(c.getValue()) }),
      col.accessor('deliveryDate', {
        header: t('orders.col.deliveryDate'),
        cell: (c) => `${formatDate(c.getValue())}${c.row.original.deliveryTime ? ` ${c.row.original.deliveryTime}` : ''}`,
      }),
      col.accessor('buyerName', {
        header: t('orders.col.buyer'),
        enableSorting: false,
        cell: (c) => (
          <>
            {c.getValue()}
            {c.row.original.buyerUnit && <div className="muted orders-small">{c.row.original.buyerUnit}</div>}
          </>
        ),
      }),
      col.accessor('itemCount', { header: t('orders.col.items'), enableSorting: false, cell: (c) => formatNumber(c.getValue()) }),
      col.accessor('total', { header: t('orders.col.total'), cell: (c) => <span className="orders-money">{formatRupiah(c.getValue())}</span> }),
      col.accessor('stage', { header: t('orders.col.stage'), enableSorting: false, cell: (c) => <StageBadge stage={c.getValue()} /> }),
    ],
    [t],
  );
  return (
    <>
      <header className="screen__header">
        <h1>{t('orders.title')}</h1>
        <a className="button button--primary" href="#/eorder/baru">
          + {t('orders.new')}
        </a>
      </header>
      <Notice kind="error">{table.error ?? buyersQuery.error}</Notice>
      <div className="filters">
        <SearchBox
          placeholder={`${t('orders.searchPlaceholder')} (${t('common.searchHint')})`}
          value={table.filters.q}
          onChange={(v) => table.setFilter('q', v)}
        />
        <select aria-label={t('orders.filter.stage')} value={table.filters.stage} onChange={(e) => table.setFilter('stage', e.target.value)}>
          <option value="">
            {t('orders.filter.stage')}: {t('common.all')}
          </option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(stageKey(s))}
            </option>
          ))}
        </select>
        <select aria-label={t('orders.filter.buyer')} value={table.filters.buyer} onChange={(e) => table.setFilter('buyer', e.target.value)}>
          <option value="">
            {t('orders.filter.buyer')}: {t('common.all')}
          </option>
          {buyers.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <select aria-label={t('orders.filter.due')} value={table.filters.due} onChange={(e) => table.setFilter('due', e.target.value)}>
          <option value="">
            {t('orders.filter.due')}: {t('common.all')}
          </option>
          <option value="late">{t('orders.due.late')}</option>
          <option value="today">{t('orders.due.today')}</option>
          <option value="next7">{t('orders.due.next7')}</option>
        </select>
      </div>
      <DataTable
        columns={columns}
        {...table.tableProps}
        caption={t('orders.title')}
        onRowClick={(r) => navigate(`/eorder/pesanan/${r.id}`)}
        rowLabel={(r) => r.orderNo}
      />
    </>
  );
}
