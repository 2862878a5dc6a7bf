import { useState } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { TextField } from '../../components/Field';
import { downloadText } from '../../components/files';
import { LetterheadFields, OfficeContactFields, officePayload } from './OfficeFields';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { BackupPanel } from './BackupPanel';
import { PostalCodesPanel } from './PostalCodesPanel';
import { SubmitActions } from '../../components/SubmitActions';

type Office = Output<'office.get'>;

export function SettingsScreen() {
  const { data: office, error } = useApiQuery('office.get', {});
  if (error) return <Notice kind="error">{error}</Notice>;
  return office ? <SettingsForm office={office} /> : null;
}

function SettingsForm({ office }: { office: Office }) {
  const { t } = useI18n();
  const can = useCan();
  const readOnly = !can('office.update');
  const [saved, setSaved] = useState(false);
  const api = useApi();
  const keyAction = useAction();
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
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    void f.submit(async () => {
      await api('office.update', officePayload(v));
      setSaved(true);
    });
  };
  // The file names the office, so whoever checks a certificate with it sees who signed.
  const downloadKey = () =>
    keyAction.run(async () => {
      const key = await api('permits.publicKey', {}, { read: true });
      downloadText(key.publicKeyPem, key.fileName, 'application/x-pem-file');
    });
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
            <TextField
              label={t('office.provinceLabel')}
              required
              value={v.provinceLabel}
              error={f.errorOf('provinceLabel')}
              onChange={(e) => f.set('provinceLabel', e.target.value)}
            />
          </div>
          <OfficeContactFields values={v} set={f.set} error={(k) => f.errorOf(k)} />
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>{t('setup.letterheadSection')}</legend>
          <LetterheadFields values={v} set={f.set} error={(k) => f.errorOf(k)} />
        </fieldset>
        {!readOnly && <SubmitActions busy={f.busy}>{t('common.save')}</SubmitActions>}
      </form>
      <PostalCodesPanel readOnly={readOnly} />
      <div className="panel panel--wide panel--flat">
        <h2>{t('office.publicKey')}</h2>
        <p>
          {t('office.keyId')}: <code>{office.keyId}</code>
        </p>
        <Notice kind="error">{keyAction.error}</Notice>
        <button type="button" className="button" disabled={keyAction.busy} onClick={() => void downloadKey()}>
          {t('office.downloadKey')}
        </button>
      </div>
      <div className="panel panel--wide panel--flat">
        <h2>{t('office.lanCertificate')}</h2>
        <p className="muted">{t('office.lanCertificateIntro')}</p>
        {office.lanCertificateFingerprint ? (
          <p>
            {t('office.lanFingerprint')}: <code data-testid="lan-fingerprint">{office.lanCertificateFingerprint}</code>
          </p>
        ) : (
          <p>{t('office.lanCertificateNone')}</p>
        )}
      </div>
      {can('office.backup') && <BackupPanel />}
    </section>
  );
}
