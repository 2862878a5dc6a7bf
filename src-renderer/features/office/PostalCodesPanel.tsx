import { useEffect, useState, type SubmitEvent } from 'react';
import { useApi, useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { SubmitActions } from '../../components/SubmitActions';

/**
 * The postal code of each kelurahan the office serves, entered once: a business address
 * without one of its own takes its kelurahan's, so every certificate carries a Kode Pos.
 */
export function PostalCodesPanel({ readOnly }: { readOnly: boolean }) {
  const { t } = useI18n();
  const query = useApiQuery('office.postalCodes', {});
  const list = query.data;
  const api = useApi();
  const [saved, setSaved] = useState(false);
  // Keyed by kelurahan code; a kelurahan without a code yet has no entry.
  const form = useForm<Partial<Record<string, string>>>({});
  // The form starts from what is stored, and again after each save.
  useEffect(() => {
    if (list) form.setValues(Object.fromEntries(list.map((k) => [k.kode, k.postalCode ?? ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    void form.submit(async () => {
      await api('office.savePostalCodes', {
        entries: (list ?? []).map((k) => ({ kelurahanKode: k.kode, postalCode: (form.values[k.kode] ?? '').trim() || null })),
      });
      setSaved(true);
    });
  };
  const missing = (list ?? []).filter((k) => !k.postalCode).length;
  return (
    <form className="panel panel--wide panel--flat" onSubmit={submit} noValidate>
      <h2>{t('office.postal.title')}</h2>
      <p className="muted">{t('office.postal.intro')}</p>
      {missing > 0 && <Notice kind="warning">{t('office.postal.missing', { n: missing })}</Notice>}
      {saved && <Notice kind="success">{t('common.saved')}</Notice>}
      <Notice kind="error">{form.error ?? query.error}</Notice>
      <fieldset disabled={readOnly}>
        <table className="postal-codes">
          <thead>
            <tr>
              <th>{t('office.postal.kelurahan')}</th>
              <th>{t('office.postal.code')}</th>
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((k, i) => (
              <tr key={k.kode}>
                <td>
                  <label htmlFor={`postal-${k.kode}`}>{k.nama}</label> <span className="muted">{k.kode}</span>
                </td>
                <td>
                  <input
                    id={`postal-${k.kode}`}
                    inputMode="numeric"
                    maxLength={5}
                    value={form.values[k.kode] ?? ''}
                    aria-invalid={!!form.errorOf(`entries.${i}.postalCode`)}
                    onChange={(e) => form.set(k.kode, e.target.value.replace(/\D/g, ''))}
                  />
                  {form.errorOf(`entries.${i}.postalCode`) && <div className="field__error">{form.errorOf(`entries.${i}.postalCode`)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {!readOnly && <SubmitActions busy={form.busy}>{t('office.postal.save')}</SubmitActions>}
    </form>
  );
}
