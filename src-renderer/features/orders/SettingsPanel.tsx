import { useEffect } from 'react';
import { useApi, useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { SubmitActions } from '../../components/SubmitActions';

/** The office's e-order settings: PPN on invoices, the unpaid alert, the rotation window. Admin edits. */
export function SettingsPanel() {
  const { t } = useI18n();
  const f = useForm({ ppnRateBp: '', unpaidAlertDays: '', rotationDays: '', saved: false });
  const api = useApi();
  const query = useApiQuery('orders.settings', {});
  const s = query.data;
  useEffect(() => {
    if (s) f.setValues({ ppnRateBp: String(s.ppnRateBp), unpaidAlertDays: String(s.unpaidAlertDays), rotationDays: String(s.rotationDays), saved: false });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s]);
  useEffect(() => {
    if (query.error) f.setError(query.error);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.error]);
  const admin = useCan()('orders.saveSettings');
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('orders.saveSettings', {
        ppnRateBp: Number(f.values.ppnRateBp),
        unpaidAlertDays: Number(f.values.unpaidAlertDays),
        rotationDays: Number(f.values.rotationDays),
      });
      f.set('saved', true);
    });
  };
  return (
    <form onSubmit={submit} noValidate className="orders-settings">
      <h2>{t('orders.settings.title')}</h2>
      <Notice kind="error">{f.error}</Notice>
      <Notice kind="success">{f.values.saved ? t('common.saved') : null}</Notice>
      <div className="grid3">
        <TextField
          label={t('orders.settings.ppn')}
          hint={t('orders.settings.ppnHint')}
          inputMode="numeric"
          disabled={!admin}
          value={f.values.ppnRateBp}
          error={f.errorOf('ppnRateBp')}
          onChange={(e) => f.set('ppnRateBp', e.target.value)}
        />
        <TextField
          label={t('orders.settings.unpaidDays')}
          inputMode="numeric"
          disabled={!admin}
          value={f.values.unpaidAlertDays}
          error={f.errorOf('unpaidAlertDays')}
          onChange={(e) => f.set('unpaidAlertDays', e.target.value)}
        />
        <TextField
          label={t('orders.settings.rotationDays')}
          inputMode="numeric"
          disabled={!admin}
          value={f.values.rotationDays}
          error={f.errorOf('rotationDays')}
          onChange={(e) => f.set('rotationDays', e.target.value)}
        />
      </div>
      {admin ? <SubmitActions busy={f.busy}>{t('common.save')}</SubmitActions> : <p className="muted">{t('settings.onlyAdmin')}</p>}
    </form>
  );
}
