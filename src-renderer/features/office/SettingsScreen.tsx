import { useEffect, useState } from 'react';
import { invoke, type Output } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useUser } from '../../app/session';
import { TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { BackupPanel } from './BackupPanel';

type Office = Output<'office.get'>;

export function SettingsScreen() {
  const [office, setOffice] = useState<Office | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    invoke('office.get', {}).then(setOffice, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Notice kind="error">{error}</Notice>;
  return office ? <SettingsForm office={office} onSaved={setOffice} /> : null;
}

function SettingsForm({ office, onSaved }: { office: Office; onSaved(o: Office): void }) {
  const { t } = useI18n();
  const user = useUser();
  const readOnly = user.role !== 'admin';
  const [saved, setSaved] = useState(false);
  const f = useForm({
    name: office.name,
    provinceLabel: office.provinceLabel,
    address: office.address,
    postalCode: office.postalCode ?? '',
    phone: office.phone ?? '',
    email: office.email ?? '',
    letterhead: office.letterheadLines.join('\n'),
    signatoryName: office.signatoryName,
    signatoryTitle: office.signatoryTitle,
    signatoryNip: office.signatoryNip,
    yearlyTarget: String(office.yearlyTarget),
  });
  const v = f.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    void f.submit(async () => {
      const next = await invoke('office.update', {
        name: v.name,
        provinceLabel: v.provinceLabel,
        address: v.address,
        postalCode: v.postalCode || null,
        phone: v.phone || null,
        email: v.email || null,
        letterheadLines: v.letterhead.split('\n').map((l) => l.trim()).filter(Boolean),
        signatoryName: v.signatoryName,
        signatoryTitle: v.signatoryTitle,
        signatoryNip: v.signatoryNip.replace(/\s/g, ''),
        yearlyTarget: Number(v.yearlyTarget.replace(/\D/g, '') || 'NaN'),
      });
      onSaved(next);
      setSaved(true);
    });
  };
  const downloadKey = () => {
    const blob = new Blob([office.publicKey], { type: 'application/x-pem-file' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `kunci-publik-${office.keyId}.pem`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <section className="screen">
      <h1>{t('settings.title')}</h1>
      {readOnly && <Notice kind="info">{t('settings.onlyAdmin')}</Notice>}
      {saved && <Notice kind="success">{t('common.saved')}</Notice>}
      <Notice kind="error">{f.error}</Notice>
      <form className="panel panel--wide panel--flat" onSubmit={submit} noValidate>
        <fieldset disabled={readOnly}>
          <legend>{t('setup.officeSection')}</legend>
          <p className="muted">
            {t('office.region')}: <strong>{office.kecamatanNama}</strong> ({office.kecamatanKode}), {office.kotaNama}. {t('office.regionFixed')}
          </p>
          <div className="grid2">
            <TextField label={t('office.name')} required value={v.name} error={f.errorOf('name')} onChange={(e) => f.set('name', e.target.value)} />
            <TextField label={t('office.provinceLabel')} required value={v.provinceLabel} error={f.errorOf('provinceLabel')} onChange={(e) => f.set('provinceLabel', e.target.value)} />
          </div>
          <TextField label={t('office.address')} required value={v.address} error={f.errorOf('address')} onChange={(e) => f.set('address', e.target.value)} />
          <div className="grid3">
            <TextField label={t('office.postalCode')} value={v.postalCode} error={f.errorOf('postalCode')} onChange={(e) => f.set('postalCode', e.target.value)} />
            <TextField label={t('office.phone')} value={v.phone} error={f.errorOf('phone')} onChange={(e) => f.set('phone', e.target.value)} />
            <TextField label={t('office.email')} value={v.email} error={f.errorOf('email')} onChange={(e) => f.set('email', e.target.value)} />
          </div>
          <TextField label={t('office.yearlyTarget')} required inputMode="numeric" value={v.yearlyTarget} error={f.errorOf('yearlyTarget')} onChange={(e) => f.set('yearlyTarget', e.target.value)} />
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>{t('setup.letterheadSection')}</legend>
          <TextAreaField label={t('office.letterheadLines')} required rows={3} value={v.letterhead} error={f.errorOf('letterheadLines')} onChange={(e) => f.set('letterhead', e.target.value)} />
          <div className="grid3">
            <TextField label={t('office.signatoryName')} required value={v.signatoryName} error={f.errorOf('signatoryName')} onChange={(e) => f.set('signatoryName', e.target.value)} />
            <TextField label={t('office.signatoryTitle')} required value={v.signatoryTitle} error={f.errorOf('signatoryTitle')} onChange={(e) => f.set('signatoryTitle', e.target.value)} />
            <TextField label={t('office.signatoryNip')} required value={v.signatoryNip} error={f.errorOf('signatoryNip')} onChange={(e) => f.set('signatoryNip', e.target.value)} />
          </div>
        </fieldset>
        {!readOnly && (
          <div className="actions">
            <button className="button button--primary" type="submit" disabled={f.busy}>
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      <div className="panel panel--wide panel--flat">
        <h2>{t('office.publicKey')}</h2>
        <p>
          {t('office.keyId')}: <code>{office.keyId}</code>
        </p>
        <button type="button" className="button" onClick={downloadKey}>
          {t('office.downloadKey')}
        </button>
      </div>
      {user.role === 'admin' && <BackupPanel />}
    </section>
  );
}
