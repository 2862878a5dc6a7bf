import { useState, type SubmitEvent } from 'react';
import type { Output } from '../../app/api';
import { useApi, useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { CheckField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';

type Settings = Output<'programme.settings'>;
const RULES = ['izin', 'npwp', 'umur', 'omzet'] as const;

function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const api = useApi();
  const form = useForm({
    visitOverdueDays: String(initial.visitOverdueDays),
    growthPercent: String(Math.round(initial.naikKelas.growthShare * 100)),
    windowMonths: String(initial.naikKelas.windowMonths),
    minAgeMonths: String(initial.bankability.minAgeMonths),
    reportMonths: String(initial.bankability.reportMonths),
    certificateNumberTemplate: initial.certificateNumberTemplate,
    ...initial.bankability.rules,
  });
  const v = form.values;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    void form
      .submit(async () => {
        await api('programme.saveSettings', {
          visitOverdueDays: Number(v.visitOverdueDays),
          naikKelas: { growthShare: Number(v.growthPercent) / 100, windowMonths: Number(v.windowMonths) },
          bankability: {
            rules: { izin: v.izin, npwp: v.npwp, umur: v.umur, omzet: v.omzet },
            minAgeMonths: Number(v.minAgeMonths),
            reportMonths: Number(v.reportMonths),
          },
          certificateNumberTemplate: v.certificateNumberTemplate,
        });
      })
      .then(setSaved);
  };
  return (
    <form onSubmit={submit} noValidate className="prog-card prog-settings">
      <Notice kind="error">{form.error}</Notice>
      <Notice kind="success">{saved ? t('common.saved') : null}</Notice>
      <TextField
        label={t('s.visitOverdueDays')}
        inputMode="numeric"
        value={v.visitOverdueDays}
        error={form.errorOf('visitOverdueDays')}
        onChange={(e) => form.set('visitOverdueDays', e.target.value)}
      />
      <div className="prog-row">
        <TextField
          label={t('s.growthPercent')}
          inputMode="numeric"
          value={v.growthPercent}
          error={form.errorOf('naikKelas.growthShare')}
          onChange={(e) => form.set('growthPercent', e.target.value)}
        />
        <TextField
          label={t('s.windowMonths')}
          inputMode="numeric"
          value={v.windowMonths}
          error={form.errorOf('naikKelas.windowMonths')}
          onChange={(e) => form.set('windowMonths', e.target.value)}
        />
      </div>
      <fieldset className="prog-fieldset">
        <legend>{t('s.bankability')}</legend>
        {RULES.map((r) => (
          <CheckField key={r} label={t(`s.rule.${r}`)} checked={v[r]} onChange={(e) => form.set(r, e.target.checked)} />
        ))}
        <div className="prog-row">
          <TextField
            label={t('s.minAgeMonths')}
            inputMode="numeric"
            value={v.minAgeMonths}
            error={form.errorOf('bankability.minAgeMonths')}
            onChange={(e) => form.set('minAgeMonths', e.target.value)}
          />
          <TextField
            label={t('s.reportMonths')}
            inputMode="numeric"
            value={v.reportMonths}
            error={form.errorOf('bankability.reportMonths')}
            onChange={(e) => form.set('reportMonths', e.target.value)}
          />
        </div>
      </fieldset>
      <TextField
        label={t('s.certificateNumberTemplate')}
        hint={t('s.certificateNumberHint')}
        value={v.certificateNumberTemplate}
        error={form.errorOf('certificateNumberTemplate')}
        onChange={(e) => form.set('certificateNumberTemplate', e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

/** The programme's configurable rules: visit interval, naik-kelas growth, bankability rules. */
export function SettingsTab() {
  const { data: settings, error } = useApiQuery('programme.settings', {});
  if (!settings) return <Notice kind="error">{error}</Notice>;
  return <SettingsForm initial={settings} />;
}
