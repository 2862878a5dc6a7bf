import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { useApiMutation } from '../../app/data';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useCan, useUser } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { FilterSelect, SearchBox } from '../../components/Filters';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useServerTable } from '../../components/useServerTable';
import { UserForm } from './UserForm';
import { ResetPasswordForm } from './ResetPasswordForm';

type UserRow = Output<'users.list'>['rows'][number];
const col = createColumnHelper<UserRow>();
const ROLES = ['admin', 'supervisor', 'petugas', 'loket'] as const;

export function UsersScreen() {
  const { t } = useI18n();
  const me = useUser();
  const can = useCan();
  const canEdit = can('users.update');
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deactivating, setDeactivating] = useState<UserRow | null>(null);
  const activation = useApiMutation('users.setActive');
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'fullName', dir: 'asc', filters: { q: '', role: '', status: '' } }, 'users.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'fullName',
    dir: s.dir,
    search: f.q || undefined,
    role: (f.role || undefined) as UserRow['role'] | undefined,
    active: f.status === '' ? undefined : f.status === 'active',
  }));

  const setActive = async (u: UserRow, active: boolean) => {
    setMessage(null);
    // The refusal, if any, shows as activation.error.
    await activation.mutate({ id: u.id, active }).then(
      () => setMessage(active ? t('users.activated', { username: u.username }) : t('users.deactivated', { username: u.username })),
      () => undefined,
    );
    setDeactivating(null);
  };

  const unlocking = useApiMutation('users.unlock');
  const unlock = async (u: UserRow) => {
    setMessage(null);
    // The refusal, if any, shows as unlocking.error.
    await unlocking.mutate({ id: u.id }).then(
      () => setMessage(t('users.unlocked', { username: u.username })),
      () => undefined,
    );
  };

  const columns = useMemo(
    () => [
      col.accessor('fullName', { header: t('user.fullName') }),
      col.accessor('username', { header: t('user.username') }),
      col.accessor('role', {
        header: t('user.role'),
        cell: (c) => (
          <>
            {t(`role.${c.getValue()}`)}
            {c.row.original.isPendamping === 1 && <span className="badge badge--info">pendamping</span>}
          </>
        ),
      }),
      col.display({
        id: 'status',
        header: t('user.status'),
        cell: (c) => {
          const u = c.row.original;
          if (u.active !== 1) return <span className="badge badge--muted">{t('user.inactive')}</span>;
          // Locked as of when the list was read.
          if (u.lockedUntil && Date.parse(u.lockedUntil) > table.readAt) return <span className="badge badge--warning">{t('user.locked')}</span>;
          return <span className="badge badge--success">{t('user.active')}</span>;
        },
      }),
      col.accessor('lastLoginAt', { header: t('user.lastLogin'), cell: (c) => (c.getValue() ? formatDateTime(c.getValue()) : t('user.never')) }),
      ...(canEdit
        ? [
            col.display({
              id: 'actions',
              header: t('common.actions'),
              cell: (c) => {
                const u = c.row.original;
                return (
                  <div className="row-actions">
                    <button type="button" className="button button--small" onClick={() => setEditing(u)}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="button button--small" onClick={() => setResetting(u)}>
                      {t('users.resetPassword')}
                    </button>
                    {u.lockedUntil && (
                      <button type="button" className="button button--small" onClick={() => void unlock(u)}>
                        {t('users.unlock')}
                      </button>
                    )}
                    {u.id !== me.id && (
                      <button type="button" className="button button--small" onClick={() => (u.active === 1 ? setDeactivating(u) : void setActive(u, true))}>
                        {u.active === 1 ? t('users.deactivate') : t('users.activate')}
                      </button>
                    )}
                  </div>
                );
              },
            }),
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, canEdit, me.id, table.readAt],
  );

  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('users.title')}</h1>
        {canEdit && (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            + {t('users.new')}
          </button>
        )}
      </header>
      {!canEdit && <Notice kind="info">{t('users.readOnly')}</Notice>}
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{activation.error ?? unlocking.error ?? table.error}</Notice>
      <div className="filters">
        <SearchBox value={table.filters.q} onChange={(v) => table.setFilter('q', v)} />
        <FilterSelect
          label={t('user.role')}
          value={table.filters.role}
          options={ROLES.map((r) => [r, t(`role.${r}`)] as const)}
          onChange={(v) => table.setFilter('role', v)}
        />
        <FilterSelect
          label={t('user.status')}
          value={table.filters.status}
          options={[
            ['active', t('user.active')],
            ['inactive', t('user.inactive')],
          ]}
          onChange={(v) => table.setFilter('status', v)}
        />
      </div>
      <DataTable columns={columns} {...table.tableProps} caption={t('users.title')} />
      <Dialog title={editing === 'new' ? t('users.new') : t('users.edit')} open={editing !== null} onClose={() => setEditing(null)}>
        {editing !== null && (
          <UserForm
            user={editing === 'new' ? null : editing}
            onDone={(saved) => {
              setEditing(null);
              setMessage(editing === 'new' ? t('users.created', { username: saved.username }) : t('common.saved'));
              table.refresh();
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deactivating !== null}
        title={t('users.deactivate')}
        confirmLabel={t('users.deactivate')}
        busy={activation.busy}
        onCancel={() => setDeactivating(null)}
        onConfirm={() => deactivating && void setActive(deactivating, false)}
      >
        <p>{deactivating && t('users.confirmDeactivate', { username: deactivating.username })}</p>
      </ConfirmDialog>
      <Dialog title={t('users.resetPassword')} open={resetting !== null} onClose={() => setResetting(null)}>
        {resetting && (
          <ResetPasswordForm
            user={resetting}
            onDone={() => {
              setResetting(null);
              setMessage(t('users.resetDone'));
              table.refresh();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}
