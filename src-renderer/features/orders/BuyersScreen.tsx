import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, SearchBox } from '../../components/Filters';
import { Dialog } from '../../components/Dialog';
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { useServerTable } from '../../components/useServerTable';
import { SubmitActions } from '../../components/SubmitActions';

type Buyer = Output<'orderBuyers.list'>['rows'][number];
const col = createColumnHelper<Buyer>();
const KINDS = ['skpd', 'bumd', 'swasta', 'lainnya'] as const;

export function BuyersScreen() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Buyer | 'new' | null>(null);
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'name', dir: 'asc', filters: { q: '', kind: '' } }, 'orderBuyers.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'name',
    dir: s.dir,
    search: f.q || undefined,
    kind: (f.kind || undefined) as 'skpd' | undefined,
  }));
  const columns = useMemo(
    () => [
      col.accessor('name', {
        header: t('buyers.name'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            {c.row.original.active !== 1 && <span className="badge badge--muted">{t('buyers.inactive')}</span>}
            <div className="muted orders-small">{c.row.original.units.join(' · ')}</div>
          </>
        ),
      }),
      col.accessor('kind', { header: t('buyers.kind'), cell: (c) => t(`buyers.kind.${c.getValue()}`) }),
      col.display({
        id: 'contacts',
        header: t('buyers.contacts'),
        cell: (c) => {
          const b = c.row.original;
          return (
            <div className="orders-small">
              {b.ppkName && (
                <div>
                  {t('buyers.ppkName')}: {b.ppkName}
                </div>
              )}
              {b.procurementName && (
                <div>
                  {t('buyers.procurementName')}: {b.procurementName}
                </div>
              )}
              {b.treasurerName && (
                <div>
                  {t('buyers.treasurerName')}: {b.treasurerName}
                </div>
              )}
            </div>
          );
        },
      }),
      col.accessor('address', { header: t('buyers.address'), enableSorting: false }),
      col.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (c) => (
          <button type="button" className="button button--small" onClick={() => setEditing(c.row.original)}>
            {t('common.edit')}
          </button>
        ),
      }),
    ],
    [t],
  );
  return (
    <>
      <header className="screen__header">
        <h1>{t('orders.tab.buyers')}</h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          + {t('buyers.new')}
        </button>
      </header>
      <Notice kind="error">{table.error}</Notice>
      <div className="filters">
        <SearchBox value={table.filters.q} onChange={(v) => table.setFilter('q', v)} />
        <FilterSelect
          label={t('buyers.kind')}
          value={table.filters.kind}
          options={KINDS.map((k) => [k, t(`buyers.kind.${k}`)] as const)}
          onChange={(v) => table.setFilter('kind', v)}
        />
      </div>
      <DataTable columns={columns} {...table.tableProps} caption={t('orders.tab.buyers')} />
      <Dialog title={editing === 'new' ? t('buyers.new') : t('buyers.edit')} open={editing !== null} onClose={() => setEditing(null)}>
        {editing !== null && (
          <BuyerForm
            buyer={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              table.refresh();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function BuyerForm({ buyer, onDone }: { buyer: Buyer | null; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const f = useForm({
    name: buyer?.name ?? '',
    kind: buyer?.kind ?? 'skpd',
    units: (buyer?.units ?? []).join('\n'),
    address: buyer?.address ?? '',
    phone: buyer?.phone ?? '',
    email: buyer?.email ?? '',
    npwp: buyer?.npwp ?? '',
    ppkName: buyer?.ppkName ?? '',
    ppkNip: buyer?.ppkNip ?? '',
    ppkPhone: buyer?.ppkPhone ?? '',
    procurementName: buyer?.procurementName ?? '',
    procurementPhone: buyer?.procurementPhone ?? '',
    treasurerName: buyer?.treasurerName ?? '',
    treasurerPhone: buyer?.treasurerPhone ?? '',
    active: buyer ? buyer.active === 1 : true,
  });
  const v = f.values;
  const text = (key: Exclude<keyof typeof v, 'active' | 'kind' | 'units'>, label: string, required = false) => (
    <TextField label={label} required={required} value={v[key]} error={f.errorOf(key)} onChange={(e) => f.set(key, e.target.value)} />
  );
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('orderBuyers.save', {
        ...(buyer ? { id: buyer.id } : {}),
        ...v,
        units: v.units
          .split('\n')
          .map((u) => u.trim())
          .filter(Boolean),
        kelurahanKode: buyer?.kelurahanKode ?? null,
      });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      {text('name', t('buyers.name'), true)}
      <SelectField
        label={t('buyers.kind')}
        required
        value={v.kind}
        error={f.errorOf('kind')}
        onChange={(e) => f.set('kind', e.target.value as (typeof KINDS)[number])}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`buyers.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('buyers.units')} rows={2} value={v.units} error={f.errorOf('units')} onChange={(e) => f.set('units', e.target.value)} />
      {text('address', t('buyers.address'), true)}
      <div className="grid2">
        {text('phone', t('buyers.phone'))}
        {text('email', t('buyers.email'))}
        {text('ppkName', t('buyers.ppkName'))}
        {text('ppkNip', t('buyers.ppkNip'))}
        {text('procurementName', t('buyers.procurementName'))}
        {text('procurementPhone', t('buyers.procurementPhone'))}
        {text('treasurerName', t('buyers.treasurerName'))}
        {text('treasurerPhone', t('buyers.treasurerPhone'))}
      </div>
      {text('npwp', t('buyers.npwp'))}
      <CheckField label={t('buyers.active')} checked={v.active} onChange={(e) => f.set('active', e.target.checked)} />
      <SubmitActions busy={f.busy}>{t('common.save')}</SubmitActions>
    </form>
  );
}
