import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { TextField } from '../../components/Field';
import { LetterheadFields, OfficeContactFields, officePayload } from '../office';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { RegionPicker } from './RegionPicker';
import { SubmitActions } from '../../components/SubmitActions';

const PROVINCE = 'PEMERINTAH PROVINSI DAERAH KHUSUS JAKARTA';

/** First start: the office, its letterhead and signatory, and the first admin account. */
export function SetupScreen() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const api = useApi();
  const f = useForm({
    kotaKode: '',
    kecamatanKode: '',
    name: '',
    // Shown on the settings screen once the office exists; UU 2/2024 renamed the province.
    provinceLabel: 'Pemerintah Provinsi Daerah Khusus Jakarta',
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
        letterhead: [PROVINCE, kotaNama.toUpperCase(), `KECAMATAN ${kecNama.toUpperCase()}`].join('\n'),
        signatoryTitle: old.signatoryTitle || `Camat ${kecNama}`,
      }),
    }));
  };

  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    if (v.password !== v.password2) {
      f.setFieldErrors({ 'admin.password2': t('user.passwordMismatch') });
      return;
    }
    void f.submit(async () => {
      const result = await api('office.setup', {
        office: { ...officePayload(v), kotaKode: v.kotaKode, kecamatanKode: v.kecamatanKode },
        admin: { username: v.username, fullName: v.fullName, password: v.password },
      });
      await signedIn({ csrfToken: result.csrfToken, user: result.user });
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
          <RegionPicker
            kotaKode={v.kotaKode}
            kecamatanKode={v.kecamatanKode}
            onChange={onRegion}
            errors={{ kota: err('kotaKode'), kecamatan: err('kecamatanKode') }}
          />
          <TextField label={t('office.name')} required value={v.name} error={err('name')} onChange={(e) => f.set('name', e.target.value)} />
          <OfficeContactFields values={v} set={f.set} error={err} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.letterheadSection')}</legend>
          <LetterheadFields values={v} set={f.set} error={err} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.adminSection')}</legend>
          <div className="grid2">
            <TextField
              label={t('user.username')}
              required
              autoComplete="username"
              value={v.username}
              error={err('username')}
              onChange={(e) => f.set('username', e.target.value)}
            />
            <TextField label={t('user.fullName')} required value={v.fullName} error={err('fullName')} onChange={(e) => f.set('fullName', e.target.value)} />
            <TextField
              label={t('user.password')}
              required
              type="password"
              autoComplete="new-password"
              hint={t('user.passwordHint')}
              value={v.password}
              error={err('password')}
              onChange={(e) => f.set('password', e.target.value)}
            />
            <TextField
              label={t('user.passwordRepeat')}
              required
              type="password"
              autoComplete="new-password"
              value={v.password2}
              error={err('password2')}
              onChange={(e) => f.set('password2', e.target.value)}
            />
          </div>
        </fieldset>
        <SubmitActions busy={f.busy}>{f.busy ? t('common.saving') : t('setup.submit')}</SubmitActions>
      </form>
    </div>
  );
}
