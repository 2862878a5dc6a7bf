import { useEffect, useState } from 'react';
import { invoke, type Output } from '../../app/api';
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
  const [backups, setBackups] = useState<Backup[]>([]);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => invoke('office.backups', {}).then(setBackups, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const backupNow = () =>
    run(async () => {
      const b = await invoke('office.backup', passphrase ? { passphrase } : {});
      setPassphrase('');
      setMessage(t('backup.done', { name: b.name }));
      await load();
    });
  const restore = (b: Backup) =>
    run(async () => {
      if (!window.confirm(t('backup.restoreConfirm', { name: b.name }))) return;
      let secret: string | undefined;
      if (b.encrypted) {
        secret = window.prompt(t('backup.restorePassphrase', { name: b.name })) ?? undefined;
        if (!secret) return;
      }
      const r = await invoke('office.restore', { name: b.name, ...(secret ? { passphrase: secret } : {}) });
      window.alert(t('backup.restored', { name: r.restoredFrom, previous: r.previous }));
      // Every session ended with the restore: back to the login screen.
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
                  <button type="button" className="button button--small" disabled={busy} aria-label={`${t('backup.restore')} ${b.name}`} onClick={() => void restore(b)}>
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
        <TextField label={t('backup.passphrase')} type="password" autoComplete="new-password" hint={t('backup.passphraseHint')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        <button type="submit" className="button" disabled={busy}>
          {t('backup.now')}
        </button>
      </form>
    </div>
  );
}
