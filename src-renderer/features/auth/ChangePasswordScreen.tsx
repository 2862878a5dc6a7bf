import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { useState } from 'react';

/** Own password change; forced at the first login after an admin set the password. */
export function ChangePasswordScreen({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { passwordChanged, logout } = useSession();
  const [done, setDone] = useState(false);
  const f = useForm({ currentPassword: '', newPassword: '', repeat: '' });
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    if (f.values.newPassword !== f.values.repeat) {
      f.setFieldErrors({ repeat: t('user.passwordMismatch') });
      return;
    }
    void f.submit(async () => {
      const r = await api('auth.changePassword', { currentPassword: f.values.currentPassword, newPassword: f.values.newPassword });
      setDone(true);
      f.setValues({ currentPassword: '', newPassword: '', repeat: '' });
      passwordChanged(r.csrfToken);
    });
  };
  const form = (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h1 id="password-title">{t('password.title')}</h1>
      {forced && <Notice kind="warning">{t('password.mustChange')}</Notice>}
      {done && <Notice kind="success">{t('password.changed')}</Notice>}
      <Notice kind="error">{f.error}</Notice>
      <TextField
        label={t('password.current')}
        type="password"
        autoComplete="current-password"
        value={f.values.currentPassword}
        error={f.errorOf('currentPassword')}
        onChange={(e) => f.set('currentPassword', e.target.value)}
      />
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        hint={t('user.passwordHint')}
        value={f.values.newPassword}
        error={f.errorOf('newPassword')}
        onChange={(e) => f.set('newPassword', e.target.value)}
      />
      <TextField
        label={t('user.passwordRepeat')}
        type="password"
        autoComplete="new-password"
        value={f.values.repeat}
        error={f.errorOf('repeat')}
        onChange={(e) => f.set('repeat', e.target.value)}
      />
      <div className="actions">
        {forced && (
          <button type="button" className="button button--ghost" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        )}
        <button className="button button--primary" type="submit" disabled={f.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
  return forced ? <div className="page-center">{form}</div> : <section className="screen">{form}</section>;
}
