import type { Output } from '../../app/api';
import { useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { SubmitActions } from '../../components/SubmitActions';

type UserRow = Output<'users.list'>['rows'][number];
type Role = UserRow['role'];
const ROLES: Role[] = ['petugas', 'loket', 'supervisor', 'admin'];

/** Create a user (with a first password) or edit one (without touching the password). */
export function UserForm({ user, onDone }: { user: UserRow | null; onDone: (saved: { username: string }) => void }) {
  const { t } = useI18n();
  const f = useForm({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? 'petugas',
    isPendamping: user?.isPendamping === 1,
    nip: user?.nip ?? '',
    phone: user?.phone ?? '',
    password: '',
  });
  const v = f.values;
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      const common = { fullName: v.fullName, role: v.role, isPendamping: v.isPendamping, nip: v.nip || null, phone: v.phone || null };
      const saved = user
        ? await api('users.update', { id: user.id, ...common })
        : await api('users.create', { ...common, username: v.username, password: v.password });
      onDone(saved);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <TextField
        label={t('user.username')}
        required
        disabled={!!user}
        autoFocus={!user}
        value={v.username}
        error={f.errorOf('username')}
        onChange={(e) => f.set('username', e.target.value)}
      />
      <TextField
        label={t('user.fullName')}
        required
        autoFocus={!!user}
        value={v.fullName}
        error={f.errorOf('fullName')}
        onChange={(e) => f.set('fullName', e.target.value)}
      />
      <SelectField label={t('user.role')} required value={v.role} error={f.errorOf('role')} onChange={(e) => f.set('role', e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      <CheckField label={t('user.isPendamping')} checked={v.isPendamping} onChange={(e) => f.set('isPendamping', e.target.checked)} />
      <div className="grid2">
        <TextField label={t('user.nip')} inputMode="numeric" value={v.nip} error={f.errorOf('nip')} onChange={(e) => f.set('nip', e.target.value)} />
        <TextField label={t('user.phone')} value={v.phone} error={f.errorOf('phone')} onChange={(e) => f.set('phone', e.target.value)} />
      </div>
      {!user && (
        <TextField
          label={t('user.password')}
          required
          type="password"
          autoComplete="new-password"
          hint={t('user.passwordHint')}
          value={v.password}
          error={f.errorOf('password')}
          onChange={(e) => f.set('password', e.target.value)}
        />
      )}
      <SubmitActions busy={f.busy}>{user ? t('common.save') : t('users.create')}</SubmitActions>
    </form>
  );
}
