import { useState } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { setFlash } from '../../components/flash';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';

type Backup = Output<'office.backups'>[number];

/** Admins see the backups, take one at any time (encrypted with a passphrase if they like) and restore one. */
export function BackupPanel() {
  const { t } = useI18n();
  const { reload } = useSession();
  const api = useApi();
  const list = useApiQuery('office.backups', {});
  const backups: Backup[] = list.data ?? [];
  const { run, busy, error: actionError, fields, message } = useAction();
  // A refused passphrase shows at its field, not twice.
  const error = (fields.passphrase ? null : actionError) ?? list.error;
  const [passphrase, setPassphrase] = useState('');
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const [secret, setSecret] = useState('');
  const backupNow = () =>
    run(async () => {
      const b = await api('office.backup', passphrase ? { passphrase } : {});
      setPassphrase('');
      return t('backup.done', { name: b.name });
    });
  // Restoring replaces the whole database: asked once in the app's own dialog, with the
  // passphrase there for an encrypted backup.
  const restore = (b: Backup) =>
    run(async () => {
      const r = await api('office.restore', { name: b.name, ...(b.encrypted ? { passphrase: secret } : {}) });
      setRestoring(null);
      setSecret('');
      // Every session ended with the restore: the login screen says what happened.
      setFlash(t('backup.restored', { name: r.restoredFrom, previous: r.previous }));
      await reload();
    });
  return (
    <div className="panel panel--wide panel--flat">
      <h2>{t('backup.title')}</h2>
      <p className="muted">{t('backup.intro')}</p>
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {backups.length === 0 ? (
        <p>{t('backup.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('backup.at')}</th>
              <th>{t('backup.kind')}</th>
              <th>{t('backup.file')}</th>
              <th>{t('backup.size')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.slice(0, 10).map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>
                  {t(`backup.kind.${b.kind}`)}
                  {b.encrypted && <span className="badge badge--info">{t('backup.encrypted')}</span>}
                </td>
                <td>
                  <code>{b.name}</code>
                </td>
                <td>{formatNumber(Math.round(b.size / 1024))} KB</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy}
                    aria-label={`${t('backup.restore')} ${b.name}`}
                    onClick={() => {
                      setSecret('');
                      setRestoring(b);
                    }}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="actions"
        onSubmit={(e) => {
          e.preventDefault();
          void backupNow();
        }}
      >
        <TextField
          label={t('backup.passphrase')}
          type="password"
          autoComplete="new-password"
          hint={t('backup.passphraseHint')}
          error={restoring ? undefined : fields.passphrase}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('backup.now')}
        </button>
      </form>
      <ConfirmDialog
        open={restoring !== null}
        title={t('backup.restore')}
        confirmLabel={t('backup.restore')}
        danger
        busy={busy}
        focusConfirm={!restoring?.encrypted}
        onCancel={() => setRestoring(null)}
        onConfirm={() => restoring && void restore(restoring)}
      >
        {restoring && (
          <>
            <p>{t('backup.restoreConfirm', { name: restoring.name })}</p>
            {restoring.encrypted && (
              <TextField
                label={t('backup.restorePassphrase', { name: restoring.name })}
                type="password"
                autoComplete="off"
                data-autofocus
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
            <Notice kind="error">{actionError}</Notice>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
