import { useEffect, useState } from 'react';
import { invoke, type Output } from '../../app/api';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';

type Backup = Output<'office.backups'>[number];

/** Admins see the backups and can take one at any time. */
export function BackupPanel() {
  const { t } = useI18n();
  const [backups, setBackups] = useState<Backup[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => invoke('office.backups', {}).then(setBackups, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);
  const backupNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const b = await invoke('office.backup', {});
      setMessage(t('backup.done', { name: b.name }));
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
