import { useState, type FormEvent } from 'react';
import { invoke, type Output } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { TextAreaField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { downloadText, readFileBase64 } from '../../components/files';

type Result = Output<'permits.verify'>;

export function VerifyPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (input: { text?: string; pdfBase64?: string }) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await invoke('permits.verify', input));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check({ text });
  };
  const exportKey = async () => {
    const key = await invoke('permits.publicKey', {});
    downloadText(key.publicKeyPem, key.fileName, 'application/x-pem-file');
  };

  return (
    <div className="permits-verify">
      <h2>{t('permits.verify.title')}</h2>
      <p className="muted">{t('permits.verify.intro')}</p>
      <form onSubmit={submit}>
        <TextAreaField
          label={t('permits.verify.text')}
          value={text}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void check({ text });
            }
          }}
        />
        <div className="permits-verify__row">
          <label className="button">
            {t('permits.verify.pdf')}
            <input
              type="file"
              accept="application/pdf,.pdf"
              className="visually-hidden"
              aria-label={t('permits.verify.pdf')}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) {
                  setText('');
                  await check({ pdfBase64: await readFileBase64(file) });
                }
                e.target.value = '';
              }}
            />
          </label>
          <span className="pager__spacer" />
          <button type="button" className="button button--ghost" onClick={() => void exportKey()}>
            {t('permits.verify.exportKey')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !text.trim()}>
            {t('permits.verify.check')}
          </button>
        </div>
      </form>
      <Notice kind="error">{error}</Notice>
      {result?.message && <Notice kind="warning">{result.message}</Notice>}
      {result?.results.map((r, i) => {
        const good = r.signatureValid && (r.record === null || r.record.state === 'aktif');
        return (
          <div key={i} className={`permits-verdict ${good ? 'permits-verdict--ok' : 'permits-verdict--bad'}`} role="status">
            <div className="permits-verdict__head">{r.signatureValid ? t('permits.verify.valid') : t('permits.verify.invalid')}</div>
            <div>{r.verdict}</div>
            {r.payload && (
              <dl className="permits-dl">
                <dt>Nomor</dt>
                <dd className="permits-mono">{String(r.payload.n ?? '')}</dd>
                <dt>Tanggal terbit</dt>
                <dd>{String(r.payload.d ?? '')}</dd>
                <dt>Nama usaha</dt>
                <dd>{String(r.payload.b ?? '')}</dd>
                <dt>Kunci</dt>
                <dd className="permits-mono">{r.kid}</dd>
              </dl>
            )}
          </div>
        );
      })}
    </div>
  );
}
