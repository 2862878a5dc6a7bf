import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { useFlash } from '../../components/flash';
import { useId } from 'react';
import { SubmitActions } from '../../components/SubmitActions';

export function LoginScreen({ officeName }: { officeName: string | null }) {
  const passwordId = useId();
  const [flash] = useFlash();
  const { t } = useI18n();
  const { signedIn } = useSession();
  const f = useForm({ username: '', password: '' });
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f
      .submit(async () => {
        const r = await api('auth.login', { username: f.values.username, password: f.values.password });
        await signedIn(r);
      })
      .then((ok) => {
        // A refused password is not left in the field to be sent again: the user types it anew.
        if (!ok) {
          f.set('password', '');
          document.getElementById(passwordId)?.focus();
        }
      });
  };
  return (
    <div className="page-center">
      <form className="panel" onSubmit={submit} noValidate aria-labelledby="login-title">
        <div className="brand brand--login">
          <div className="brand__name">{t('app.name')}</div>
          <div className="brand__office">{officeName ?? t('app.tagline')}</div>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <Notice kind="success">{flash}</Notice>
        <Notice kind="error">{f.error}</Notice>
        <TextField label={t('user.username')} autoFocus autoComplete="username" value={f.values.username} onChange={(e) => f.set('username', e.target.value)} />
        <TextField
          id={passwordId}
          label={t('user.password')}
          type="password"
          autoComplete="current-password"
          value={f.values.password}
          onChange={(e) => f.set('password', e.target.value)}
        />
        <SubmitActions busy={f.busy}>{t('login.submit')}</SubmitActions>
      </form>
    </div>
  );
}
