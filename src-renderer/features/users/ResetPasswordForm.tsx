import type { Output } from '../../app/api';
import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { SubmitActions } from '../../components/SubmitActions';

type UserRow = Output<'users.list'>['rows'][number];

export function ResetPasswordForm({ user, onDone }: { user: UserRow; onDone: () => void }) {
  const { t } = useI18n();
  const f = useForm({ password: '' });
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('users.resetPassword', { id: user.id, password: f.values.password });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        {user.fullName} ({user.username})
      </p>
      <Notice kind="error">{f.error}</Notice>
      <TextField
        label={t('password.new')}
        required
        autoFocus
        type="password"
        autoComplete="new-password"
        hint={t('user.passwordHint')}
        value={f.values.password}
        error={f.errorOf('password')}
        onChange={(e) => f.set('password', e.target.value)}
      />
      <SubmitActions busy={f.busy}>{t('users.resetPassword')}</SubmitActions>
    </form>
  );
}
