import { invoke } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { RegionPicker } from './RegionPicker';

const PROVINCE = 'PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA';

/** First start: the office, its letterhead and signatory, and the first admin account. */
export function SetupScreen() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const f = useForm({
    kotaKode: '',
    kecamatanKode: '',
    name: '',
    address: '',
    postalCode: '',
    phone: '',
    email: '',
    letterhead: '',
    signatoryName: '',
    signatoryTitle: '',
    signatoryNip: '',
    yearlyTarget: '',
    username: 'admin',
    fullName: '',
    password: '',
    password2: '',
  });
  const v = f.values;

  const onRegion = (kotaKode: string, kecamatanKode: string, kecNama: string, kotaNama: string) => {
    f.setValues((old) => ({
      ...old,
      kotaKode,
      kecamatanKode,
      // Suggest the usual names; the user can still edit them.
      ...(kecNama && {
        name: `Kantor Kecamatan ${kecNama}`,
        letterhead: [PROVINCE, kotaNama.replace(/^Kota Administrasi /, 'Kota Administrasi ').toUpperCase(), `KECAMATAN ${kecNama.toUpperCase()}`].join('\n'),
        signatoryTitle: old.signatoryTitle || `Camat ${kecNama}`,
      }),
    }));
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (v.password !== v.password2) {
      f.setFieldErrors({ 'admin.password2': t('user.passwordMismatch') });
      return;
    }
    void f.submit(async () => {
      const result = await invoke('office.setup', {
        office: {
          kotaKode: v.kotaKode,
          kecamatanKode: v.kecamatanKode,
          name: v.name,
          address: v.address,
          postalCode: v.postalCode || null,
          phone: v.phone || null,
          email: v.email || null,
          letterheadLines: v.letterhead.split('\n').map((l) => l.trim()).filter(Boolean),
          signatoryName: v.signatoryName,
          signatoryTitle: v.signatoryTitle,
          signatoryNip: v.signatoryNip.replace(/\s/g, ''),
          yearlyTarget: Number(v.yearlyTarget.replace(/\D/g, '') || 'NaN'),
        },
        admin: { username: v.username, fullName: v.fullName, password: v.password },
      });
      signedIn({ csrfToken: result.csrfToken, user: result.user });
    });
  };
  const err = (k: string) => f.errorOf(`office.${k}`, `admin.${k}`);

  return (
    <div className="page-center">
      <form className="panel panel--wide" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <Notice kind="error">{f.error}</Notice>
        <fieldset>
          <legend>{t('setup.officeSection')}</legend>
          <RegionPicker kotaKode={v.kotaKode} kecamatanKode={v.kecamatanKode} onChange={onRegion} errors={{ kota: err('kotaKode'), kecamatan: err('kecamatanKode') }} />
          <TextField label={t('office.name')} required value={v.name} error={err('name')} onChange={(e) => f.set('name', e.target.value)} />
          <TextField label={t('office.address')} required value={v.address} error={err('address')} onChange={(e) => f.set('address', e.target.value)} />
          <div className="grid3">
            <TextField label={t('office.postalCode')} inputMode="numeric" value={v.postalCode} error={err('postalCode')} onChange={(e) => f.set('postalCode', e.target.value)} />
            <TextField label={t('office.phone')} value={v.phone} error={err('phone')} onChange={(e) => f.set('phone', e.target.value)} />
            <TextField label={t('office.email')} type="email" value={v.email} error={err('email')} onChange={(e) => f.set('email', e.target.value)} />
          </div>
          <TextField label={t('office.yearlyTarget')} required inputMode="numeric" value={v.yearlyTarget} error={err('yearlyTarget')} onChange={(e) => f.set('yearlyTarget', e.target.value)} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.letterheadSection')}</legend>
          <TextAreaField label={t('office.letterheadLines')} required rows={3} value={v.letterhead} error={err('letterheadLines')} onChange={(e) => f.set('letterhead', e.target.value)} />
          <div className="grid3">
            <TextField label={t('office.signatoryName')} required value={v.signatoryName} error={err('signatoryName')} onChange={(e) => f.set('signatoryName', e.target.value)} />
            <TextField label={t('office.signatoryTitle')} required value={v.signatoryTitle} error={err('signatoryTitle')} onChange={(e) => f.set('signatoryTitle', e.target.value)} />
            <TextField label={t('office.signatoryNip')} required inputMode="numeric" value={v.signatoryNip} error={err('signatoryNip')} onChange={(e) => f.set('signatoryNip', e.target.value)} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <div className="grid2">
            <TextField label={t('user.username')} required autoComplete="username" value={v.username} error={err('username')} onChange={(e) => f.set('username', e.target.value)} />
            <TextField label={t('user.fullName')} required value={v.fullName} error={err('fullName')} onChange={(e) => f.set('fullName', e.target.value)} />
            <TextField label={t('user.password')} required type="password" autoComplete="new-password" hint={t('user.passwordHint')} value={v.password} error={err('password')} onChange={(e) => f.set('password', e.target.value)} />
            <TextField label={t('user.passwordRepeat')} required type="password" autoComplete="new-password" value={v.password2} error={err('password2')} onChange={(e) => f.set('password2', e.target.value)} />
          </div>
        </fieldset>
        <div className="actions">
          <button className="button button--primary" type="submit" disabled={f.busy}>
            {f.busy ? t('common.saving') : t('setup.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
