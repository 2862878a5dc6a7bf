import { useEffect, useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { groupDigits } from '../../app/format';
import { RupiahField } from '../../components/RupiahField';
import { formatNumber, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DataTable } from '../../components/DataTable';
import { useLatest } from '../../components/useLatest';
import { FilterSelect, SearchBox } from '../../components/Filters';
import { Dialog } from '../../components/Dialog';
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { useServerTable } from '../../components/useServerTable';
import { SubmitActions } from '../../components/SubmitActions';

type Product = Output<'orderProducts.list'>['rows'][number];
type Business = Output<'orderProducts.businesses'>[number];
const col = createColumnHelper<Product>();
const STATUSES = ['diajukan', 'lolos', 'tidak_lolos'] as const;
const CRITERIA = ['rasa', 'kemasan', 'higienitas', 'halal', 'foto'] as const;
const statusTone = { diajukan: 'warning', lolos: 'success', tidak_lolos: 'muted' } as const;

/** The curated catalogue: member products submitted, curated (criteria and result), and their figures. */
export function CatalogueScreen() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [curating, setCurating] = useState<Product | null>(null);
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'name', dir: 'asc', filters: { q: '', status: '' } }, 'orderProducts.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'name',
    dir: s.dir,
    search: f.q || undefined,
    status: (f.status || undefined) as 'lolos' | undefined,
  }));
  const columns = useMemo(
    () => [
      col.display({ id: 'photo', header: '', cell: (c) => (c.row.original.photo ? <img className="orders-thumb" src={c.row.original.photo} alt="" /> : null) }),
      col.accessor('name', {
        header: t('catalogue.name'),
        cell: (c) => (
          <>
            <strong>{c.getValue()}</strong>
            <div className="muted orders-small">
              {c.row.original.kind} · KBLI {c.row.original.kbliKode}
            </div>
          </>
        ),
      }),
      col.accessor('businessName', { header: t('catalogue.business'), enableSorting: false }),
      col.accessor('unitPrice', { header: t('catalogue.unitPrice'), cell: (c) => `${formatRupiah(c.getValue())} / ${c.row.original.unit}` }),
      col.accessor('dailyCapacity', { header: t('catalogue.dailyCapacity'), cell: (c) => t('catalogue.perDay', { n: formatNumber(c.getValue()) }) }),
      col.accessor('curationStatus', {
        header: t('catalogue.status'),
        enableSorting: false,
        cell: (c) => (
          <>
            <span className={`badge badge--${statusTone[c.getValue()]}`}>{t(`catalogue.status.${c.getValue()}`)}</span>
            {c.row.original.curationReason && <div className="muted orders-small">{c.row.original.curationReason}</div>}
          </>
        ),
      }),
      col.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (c) => (
          <div className="row-actions">
            <button type="button" className="button button--small button--primary" onClick={() => setCurating(c.row.original)}>
              {t('catalogue.curate')}
            </button>
            <button type="button" className="button button--small" onClick={() => setEditing(c.row.original)}>
              {t('common.edit')}
            </button>
          </div>
        ),
      }),
    ],
    [t],
  );
  return (
    <>
      <header className="screen__header">
        <h1>{t('orders.tab.catalogue')}</h1>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          + {t('catalogue.new')}
        </button>
      </header>
      <Notice kind="error">{table.error}</Notice>
      <div className="filters">
        <SearchBox value={table.filters.q} onChange={(v) => table.setFilter('q', v)} />
        <FilterSelect
          label={t('catalogue.status')}
          value={table.filters.status}
          options={STATUSES.map((s) => [s, t(`catalogue.status.${s}`)] as const)}
          onChange={(v) => table.setFilter('status', v)}
        />
      </div>
      <DataTable columns={columns} {...table.tableProps} caption={t('orders.tab.catalogue')} />
      <Dialog title={editing === 'new' ? t('catalogue.new') : t('catalogue.edit')} open={editing !== null} onClose={() => setEditing(null)}>
        {editing !== null && (
          <ProductForm
            product={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              table.refresh();
            }}
          />
        )}
      </Dialog>
      <Dialog title={t('catalogue.curate')} open={curating !== null} onClose={() => setCurating(null)}>
        {curating && (
          <CurateForm
            product={curating}
            onDone={() => {
              setCurating(null);
              table.refresh();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function ProductForm({ product, onDone }: { product: Product | null; onDone: () => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Business[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const f = useForm({
    businessId: product?.businessId ?? '',
    businessName: product?.businessName ?? '',
    name: product?.name ?? '',
    kind: product?.kind ?? '',
    kbliKode: product?.kbliKode ?? '',
    unit: product?.unit ?? '',
    unitPrice: product ? groupDigits(product.unitPrice) : '',
    dailyCapacity: product ? String(product.dailyCapacity) : '',
    halalCertNo: product?.halalCertNo ?? '',
    photo: product?.photo ?? '',
  });
  const v = f.values;
  const api = useApi();
  const tLatest = useLatest(t);
  const searchFor = (text: string) => {
    setSearch(text);
    if (text.trim().length < 2) setFound([]);
  };
  useEffect(() => {
    if (search.trim().length < 2) return;
    const timer = setTimeout(() => {
      api('orderProducts.businesses', { search }, { read: true }).then(
        (rows) => {
          setFound(rows);
          setPhotoError(null);
        },
        (e: unknown) => {
          setFound([]);
          setPhotoError(errorMessage(e, tLatest.current));
        },
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [search, api, tLatest]);
  const choosePhoto = (file: File | undefined) => {
    setPhotoError(null);
    if (!file) return;
    if (file.size > 300_000) {
      setPhotoError(t('catalogue.photo') + ': > 300 KB');
      return;
    }
    const reader = new FileReader();
    reader.onload = () => f.set('photo', reader.result as string); // a data: URL
    reader.onerror = () => setPhotoError(errorMessage(reader.error, t));
    reader.readAsDataURL(file);
  };
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('orderProducts.save', {
        ...(product ? { id: product.id } : {}),
        businessId: v.businessId,
        name: v.name,
        kind: v.kind,
        kbliKode: v.kbliKode,
        unit: v.unit,
        unitPrice: Number(v.unitPrice.replace(/\./g, '')),
        dailyCapacity: Number(v.dailyCapacity.replace(/\./g, '')),
        halalCertNo: v.halalCertNo || null,
        photo: v.photo || null,
      });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      {v.businessId ? (
        <p>
          {t('catalogue.business')}: <strong>{v.businessName}</strong>{' '}
          <button type="button" className="button button--small button--ghost" onClick={() => f.setValues({ ...v, businessId: '', businessName: '' })}>
            ✕
          </button>
        </p>
      ) : (
        <>
          <TextField
            label={t('catalogue.businessSearch')}
            autoFocus
            value={search}
            error={f.errorOf('businessId')}
            onChange={(e) => searchFor(e.target.value)}
          />
          <ul className="orders-picklist">
            {found.map((b) => (
              <li key={b.id}>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  onClick={() => f.setValues({ ...v, businessId: b.id, businessName: b.name, kbliKode: v.kbliKode || b.kbliKode })}
                >
                  {b.name} · {b.ownerName} ({b.memberNo})
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <TextField label={t('catalogue.name')} required value={v.name} error={f.errorOf('name')} onChange={(e) => f.set('name', e.target.value)} />
      <div className="grid2">
        <TextField
          label={t('catalogue.kind')}
          required
          placeholder="nasi kotak"
          value={v.kind}
          error={f.errorOf('kind')}
          onChange={(e) => f.set('kind', e.target.value)}
        />
        <TextField
          label={t('catalogue.kbli')}
          required
          inputMode="numeric"
          maxLength={5}
          value={v.kbliKode}
          error={f.errorOf('kbliKode')}
          onChange={(e) => f.set('kbliKode', e.target.value)}
        />
        <TextField label={t('catalogue.unit')} required value={v.unit} error={f.errorOf('unit')} onChange={(e) => f.set('unit', e.target.value)} />
        <RupiahField label={t('catalogue.unitPrice')} required value={v.unitPrice} error={f.errorOf('unitPrice')} onChange={(p) => f.set('unitPrice', p)} />
        <TextField
          label={t('catalogue.dailyCapacity')}
          required
          inputMode="numeric"
          value={v.dailyCapacity}
          error={f.errorOf('dailyCapacity')}
          onChange={(e) => f.set('dailyCapacity', e.target.value)}
        />
        <TextField
          label={t('catalogue.halalCertNo')}
          value={v.halalCertNo}
          error={f.errorOf('halalCertNo')}
          onChange={(e) => f.set('halalCertNo', e.target.value)}
        />
      </div>
      <TextField
        label={t('catalogue.photo')}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        error={photoError ?? f.errorOf('photo')}
        onChange={(e) => choosePhoto(e.target.files?.[0])}
      />
      {v.photo && <img className="orders-thumb orders-thumb--large" src={v.photo} alt="" />}
      <SubmitActions busy={f.busy}>{t('common.save')}</SubmitActions>
    </form>
  );
}

function CurateForm({ product, onDone }: { product: Product; onDone: () => void }) {
  const { t } = useI18n();
  const f = useForm({
    status: product.curationStatus,
    reason: product.curationReason ?? '',
    rasa: product.critRasa === 1,
    kemasan: product.critKemasan === 1,
    higienitas: product.critHigienitas === 1,
    halal: product.critHalal === 1,
    foto: product.critFoto === 1,
  });
  const v = f.values;
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('orderProducts.curate', {
        id: product.id,
        status: v.status,
        reason: v.reason || null,
        criteria: { rasa: v.rasa, kemasan: v.kemasan, higienitas: v.higienitas, halal: v.halal, foto: v.foto },
      });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <p>
        <strong>{product.name}</strong> · {product.businessName}
      </p>
      <fieldset className="orders-criteria">
        <legend>{t('catalogue.criteria')}</legend>
        {CRITERIA.map((c) => (
          <CheckField key={c} label={t(`catalogue.crit.${c}`)} checked={v[c]} onChange={(e) => f.set(c, e.target.checked)} />
        ))}
        {f.errorOf('criteria') && <div className="field__error">{f.errorOf('criteria')}</div>}
      </fieldset>
      <SelectField
        label={t('catalogue.status')}
        required
        value={v.status}
        error={f.errorOf('status')}
        onChange={(e) => f.set('status', e.target.value as Product['curationStatus'])}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`catalogue.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('catalogue.reason')} rows={2} value={v.reason} error={f.errorOf('reason')} onChange={(e) => f.set('reason', e.target.value)} />
      <SubmitActions busy={f.busy}>{t('common.save')}</SubmitActions>
    </form>
  );
}
