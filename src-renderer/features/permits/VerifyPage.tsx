import { useState, type SubmitEvent } from 'react';
import { type Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { TextAreaField, TextField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { downloadText, readFileBase64 } from '../../components/files';
import './permits.css';

type Result = Output<'permits.verify'>;

/**
 * Checking a certificate: paste the scanned QR text, open the PDF, or type the code read out on
 * the phone; with the holder's NIK (or its last 6 digits) the check also says whether the
 * certificate is that person's.
 */
/** One field of a signed payload as text; a payload signed elsewhere may lack it. */
const payloadField = (payload: Partial<Record<string, string | number>>, key: string) => String(payload[key] ?? '');

export function VerifyPage() {
  const { t } = useI18n();
  const api = useApi();
  const [text, setText] = useState('');
  const [code, setCode] = useState('');
  const [nik, setNik] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const check = async (input: { text?: string; pdfBase64?: string; code?: string }) => {
    setBusy(true);
    setError(null);
    setFields({});
    setResult(null);
    try {
      setResult(await api('permits.verify', { ...input, nik: nik.trim() || null }, { read: true }));
    } catch (e) {
      setError(errorMessage(e, t));
      setFields((e as { fields?: Record<string, string> }).fields ?? {});
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void check(code.trim() ? { code } : { text });
  };
  const exportKey = async () => {
    const key = await api('permits.publicKey', {}, { read: true });
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
        <div className="grid2">
          <TextField
            label={t('permits.verify.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fields.code}
            hint={t('permits.verify.codeHint')}
            autoComplete="off"
          />
          <TextField
            label={t('permits.verify.nik')}
            value={nik}
            onChange={(e) => setNik(e.target.value)}
            error={fields.nik}
            hint={t('permits.verify.nikHint')}
            inputMode="numeric"
            autoComplete="off"
          />
        </div>
        <div className="permits-verify__row">
          <label className="button">
            {t('permits.verify.pdf')}
            <input
              type="file"
              accept="application/pdf,.pdf"
              className="visually-hidden"
              aria-label={t('permits.verify.pdf')}
              onChange={(e) => {
                const input = e.target;
                const file = input.files?.[0];
                void (async () => {
                  if (file) {
                    setText('');
                    setCode('');
                    await check({ pdfBase64: await readFileBase64(file) });
                  }
                  input.value = '';
                })();
              }}
            />
          </label>
          <span className="pager__spacer" />
          <button type="button" className="button button--ghost" onClick={() => void exportKey()}>
            {t('permits.verify.exportKey')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || (!text.trim() && !code.trim())}>
            {t('permits.verify.check')}
          </button>
        </div>
      </form>
      <Notice kind="error">{error}</Notice>
      {result?.message && <Notice kind="warning">{result.message}</Notice>}
      {result?.results.map((r, i) => (
        <div key={i} className={`permits-verdict ${r.good ? 'permits-verdict--ok' : 'permits-verdict--bad'}`} role="status">
          <div className="permits-verdict__head">{r.headline}</div>
          <div>{r.verdict}</div>
          {r.payload && (
            <dl className="permits-dl">
              <dt>{t('permits.col.number')}</dt>
              <dd className="permits-mono">{payloadField(r.payload, 'n')}</dd>
              <dt>{t('permits.verify.issuedOn')}</dt>
              <dd>{payloadField(r.payload, 'd')}</dd>
              <dt>{t('permits.col.business')}</dt>
              <dd>{payloadField(r.payload, 'b')}</dd>
              <dt>{t('permits.verify.issuer')}</dt>
              <dd>
                {r.issuer?.officeName ?? '—'}
                {r.issuer?.kecamatanKode ? ` (${r.issuer.kecamatanKode})` : ''} · <span className="permits-mono">{r.kid}</span>
              </dd>
              {r.holder && (
                <>
                  <dt>NIK</dt>
                  <dd>{r.holder.message}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      ))}
    </div>
  );
}
