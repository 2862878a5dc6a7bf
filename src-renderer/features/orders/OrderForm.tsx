import { useEffect } from 'react';
import type { Input } from '../../app/api';
import { useApi, useApiQuery } from '../../app/data';
import { useUnsavedChanges } from '../../app/unsaved';
import { KelurahanPicker } from '../../components/KelurahanPicker';
import { formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { DateField, TimeField } from '../../components/DateField';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { groupDigits, jakartaToday } from '../../app/format';
import { setFlash } from '../../components/flash';
import { SubmitActions } from '../../components/SubmitActions';

interface ItemRow {
  description: string;
  kind: string;
  kbliKode: string;
  quantity: string;
  unit: string;
  unitPrice: string;
}
const emptyItem = (): ItemRow => ({ description: '', kind: '', kbliKode: '', quantity: '', unit: '', unitPrice: '' });

/** Whole numbers typed with or without thousands dots; anything else is sent as is for the server to refuse. */
function toNumber(v: string): number {
  const clean = v.replace(/\./g, '').trim();
  return clean === '' ? Number.NaN : Number(clean);
}

/** Order entry and amendment, keyboard-first: every field in order, Enter saves. */
export function OrderForm({ orderId }: { orderId?: string }) {
  const { t } = useI18n();
  const api = useApi();
  const buyersQuery = useApiQuery('orderBuyers.list', { pageSize: 200, activeOnly: true });
  const buyers = buyersQuery.data?.rows ?? [];
  const orderQuery = useApiQuery('orders.get', { id: orderId ?? '' }, { enabled: !!orderId });
  const loadError = buyersQuery.error ?? orderQuery.error;
  const blank = {
    buyerId: '',
    buyerUnit: '',
    buyerOrderNo: '',
    budgetRef: '',
    orderDate: jakartaToday(),
    deliveryDate: '',
    deliveryTime: '',
    deliveryAddress: '',
    deliveryKelurahanKode: '',
    notes: '',
    items: [emptyItem()],
  };
  const f = useForm(blank);
  const v = f.values;
  // Leaving with something typed in asks first.
  useUnsavedChanges(JSON.stringify(v) !== JSON.stringify(blank) && !orderQuery.data, t('unsaved.form'));

  const d = orderQuery.data;
  useEffect(() => {
    if (d)
      f.setValues({
        buyerId: d.order.buyerId,
        buyerUnit: d.order.buyerUnit ?? '',
        buyerOrderNo: d.order.buyerOrderNo ?? '',
        budgetRef: d.order.budgetRef ?? '',
        orderDate: d.order.orderDate,
        deliveryDate: d.order.deliveryDate,
        deliveryTime: d.order.deliveryTime ?? '',
        deliveryAddress: d.order.deliveryAddress,
        deliveryKelurahanKode: d.order.deliveryKelurahanKode ?? '',
        notes: d.order.notes ?? '',
        items: d.items.map((i) => ({
          description: i.description,
          kind: i.kind ?? '',
          kbliKode: i.kbliKode ?? '',
          quantity: String(i.quantity),
          unit: i.unit,
          unitPrice: groupDigits(i.unitPrice),
        })),
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [d]);

  const buyer = buyers.find((b) => b.id === v.buyerId);
  /** Choosing the buyer fills its address, unless one was typed for this order. */
  const chooseBuyer = (id: string) => {
    const previous = buyers.find((b) => b.id === v.buyerId);
    const next = buyers.find((b) => b.id === id);
    f.set('buyerId', id);
    if (!next) return;
    const untouched = v.deliveryAddress === '' || v.deliveryAddress === previous?.address;
    if (untouched) {
      f.set('deliveryAddress', next.address);
      f.set('deliveryKelurahanKode', next.kelurahanKode ?? '');
    }
  };
  const setItem = (index: number, key: keyof ItemRow, value: string) => {
    // From the latest state: two quick edits before a render must not undo each other.
    f.setValues((old) => ({ ...old, items: old.items.map((item, i) => (i === index ? { ...item, [key]: value } : item)) }));
    f.setFieldErrors((errors) => {
      const { [`items.${index}.${key}`]: _, ...rest } = errors;
      return rest;
    });
  };
  const lineTotal = (item: ItemRow) => {
    const q = toNumber(item.quantity);
    const p = toNumber(item.unitPrice);
    return Number.isSafeInteger(q) && Number.isSafeInteger(p) ? q * p : null;
  };
  const total = v.items.reduce((s, i) => s + (lineTotal(i) ?? 0), 0);

  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      const input: Input<'orders.create'> = {
        buyerId: v.buyerId,
        buyerUnit: v.buyerUnit || null,
        buyerOrderNo: v.buyerOrderNo || null,
        budgetRef: v.budgetRef || null,
        orderDate: v.orderDate,
        deliveryDate: v.deliveryDate,
        deliveryTime: v.deliveryTime || null,
        deliveryAddress: v.deliveryAddress,
        deliveryKelurahanKode: v.deliveryKelurahanKode || null,
        notes: v.notes || null,
        items: v.items.map((i) => ({
          description: i.description,
          kind: i.kind || null,
          kbliKode: i.kbliKode || null,
          quantity: toNumber(i.quantity),
          unit: i.unit,
          unitPrice: toNumber(i.unitPrice),
        })),
      };
      const saved = orderId ? await api('orders.update', { id: orderId, ...input }) : await api('orders.create', input);
      setFlash(orderId ? t('orders.savedFlash') : t('orders.createdFlash', { no: saved.orderNo }));
      navigate(`/eorder/pesanan/${saved.id}`, undefined, { afterSave: true });
    });
  };

  return (
    <form onSubmit={submit} noValidate className="orders-form">
      <header className="screen__header">
        <h1>{orderId ? t('orders.edit') : t('orders.new')}</h1>
        <a className="button button--ghost" href={orderId ? `#/eorder/pesanan/${orderId}` : '#/eorder'}>
          {t('common.cancel')}
        </a>
      </header>
      <Notice kind="error">{loadError ?? f.error}</Notice>
      <div className="grid3">
        <SelectField
          label={t('orders.field.buyer')}
          required
          autoFocus
          value={v.buyerId}
          error={f.errorOf('buyerId')}
          onChange={(e) => chooseBuyer(e.target.value)}
        >
          <option value="">{t('orders.choose')}</option>
          {buyers.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('orders.field.buyerUnit')}
          list="orders-buyer-units"
          value={v.buyerUnit}
          error={f.errorOf('buyerUnit')}
          onChange={(e) => f.set('buyerUnit', e.target.value)}
        />
        <datalist id="orders-buyer-units">
          {(buyer?.units ?? []).map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
        <TextField
          label={t('orders.field.buyerOrderNo')}
          value={v.buyerOrderNo}
          error={f.errorOf('buyerOrderNo')}
          onChange={(e) => f.set('buyerOrderNo', e.target.value)}
        />
        <TextField
          label={t('orders.field.budgetRef')}
          value={v.budgetRef}
          error={f.errorOf('budgetRef')}
          onChange={(e) => f.set('budgetRef', e.target.value)}
        />
        <DateField label={t('orders.field.orderDate')} required value={v.orderDate} error={f.errorOf('orderDate')} onChange={(v) => f.set('orderDate', v)} />
        <div className="grid2">
          <DateField
            label={t('orders.field.deliveryDate')}
            required
            value={v.deliveryDate}
            error={f.errorOf('deliveryDate')}
            onChange={(v) => f.set('deliveryDate', v)}
          />
          <TimeField
            label={t('orders.field.deliveryTime')}
            value={v.deliveryTime}
            error={f.errorOf('deliveryTime')}
            onChange={(h) => f.set('deliveryTime', h)}
          />
        </div>
      </div>
      <div className="grid2">
        <TextField
          label={t('orders.field.deliveryAddress')}
          required
          value={v.deliveryAddress}
          error={f.errorOf('deliveryAddress')}
          onChange={(e) => f.set('deliveryAddress', e.target.value)}
        />
        <KelurahanPicker
          label={t('orders.field.deliveryKelurahan')}
          value={v.deliveryKelurahanKode}
          error={f.errorOf('deliveryKelurahanKode')}
          onChange={(k) => f.set('deliveryKelurahanKode', k)}
        />
      </div>
      <fieldset className="orders-items">
        <legend>{t('orders.field.items')}</legend>
        <Notice kind="error">{f.errorOf('items')}</Notice>
        <table className="table orders-items__table">
          <thead>
            <tr>
              <th>{t('orders.item.description')}</th>
              <th>{t('orders.item.kind')}</th>
              <th>{t('orders.item.kbli')}</th>
              <th>{t('orders.item.quantity')}</th>
              <th>{t('orders.item.unit')}</th>
              <th>{t('orders.item.unitPrice')}</th>
              <th>{t('orders.item.amount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {v.items.map((item, i) => {
              const cell = (key: keyof ItemRow, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
                const error = f.errorOf(`items.${i}.${key}`);
                return (
                  <td>
                    <input
                      aria-label={`${label} ${i + 1}`}
                      aria-invalid={!!error}
                      title={error}
                      className={error ? 'orders-invalid' : undefined}
                      value={item[key]}
                      onChange={(e) => setItem(i, key, e.target.value)}
                      // Money reads with thousands separators once the cell is left.
                      onBlur={
                        key === 'unitPrice'
                          ? () => Number.isSafeInteger(toNumber(item.unitPrice)) && setItem(i, 'unitPrice', groupDigits(toNumber(item.unitPrice)))
                          : undefined
                      }
                      {...props}
                    />
                    {error && <div className="field__error">{error}</div>}
                  </td>
                );
              };
              const amount = lineTotal(item);
              return (
                <tr key={i}>
                  {cell('description', t('orders.item.description'))}
                  {cell('kind', t('orders.item.kind'), { placeholder: 'nasi kotak' })}
                  {cell('kbliKode', t('orders.item.kbli'), { inputMode: 'numeric', maxLength: 5, size: 6 })}
                  {cell('quantity', t('orders.item.quantity'), { inputMode: 'numeric', size: 6 })}
                  {cell('unit', t('orders.item.unit'), { size: 8 })}
                  {cell('unitPrice', t('orders.item.unitPrice'), { inputMode: 'numeric', size: 10 })}
                  <td className="orders-money">{amount === null ? '—' : formatRupiah(amount)}</td>
                  <td>
                    {v.items.length > 1 && (
                      <button
                        type="button"
                        className="button button--small button--ghost"
                        aria-label={`${t('orders.item.remove')} ${i + 1}`}
                        onClick={() => f.setValues((old) => ({ ...old, items: old.items.filter((_, j) => j !== i) }))}
                      >
                        ✕
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={6}>
                <button type="button" className="button button--small" onClick={() => f.setValues((old) => ({ ...old, items: [...old.items, emptyItem()] }))}>
                  {t('orders.item.add')}
                </button>
              </td>
              <td className="orders-money">
                <strong>{formatRupiah(total)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </fieldset>
      <TextAreaField label={t('orders.field.notes')} rows={2} value={v.notes} error={f.errorOf('notes')} onChange={(e) => f.set('notes', e.target.value)} />
      <SubmitActions busy={f.busy}>{f.busy ? t('common.saving') : t('orders.save')}</SubmitActions>
    </form>
  );
}
