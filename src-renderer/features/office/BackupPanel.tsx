import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../app/data';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';

/** Admins see the backups and can take one at any time. */
export function BackupPanel() {
  const { t } = useI18n();
  const list = useApiQuery('office.backups', {});
  const backups = list.data ?? [];
  const backup = useApiMutation('office.backup');
  const [message, setMessage] = useState<string | null>(null);
  const busy = backup.busy;
  const error = backup.error ?? list.error;
  const backupNow = async () => {
    setMessage(null);
    // A refusal shows as backup.error.
    const b = await backup.mutate({}).catch(() => null);
    if (b) setMessage(t('backup.done', { name: b.name }));
  };
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
              <th>{t('backup.file')}</th>
              <th>{t('backup.size')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.slice(0, 5).map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt)}</td>
                <td>
                  <code>{b.name}</code>
                </td>
                <td>{formatNumber(Math.round(b.size / 1024))} KB</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void backupNow()}>
          {t('backup.now')}
        </button>
      </div>
    </div>
  );
}
