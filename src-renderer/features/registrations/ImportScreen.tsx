import { useRef, useState } from 'react';
import type { Input, Output } from '../../app/api';
import { errorMessage, fieldErrorsOf, useApi, useLongCall } from '../../app/data';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { CheckField, SelectField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { downloadFile, readFileBase64 } from '../../components/files';
import { SKPDS, TARGET_GROUPS } from './reference';
import { JobProgress } from '../../components/JobProgress';

type Preview = Output<'members.importPreview'>;
type PreviewInput = Input<'members.importPreview'>;
type Mapping = NonNullable<PreviewInput['mapping']>;
type JobStatus = Output<'members.importStatus'>;
type Mode = Input<'members.importRun'>['mode'];

const MAX_MB = 20;
// The columns of the preview table: enough to recognise a row, the reason says the rest.
const PREVIEW_KEYS = ['nik', 'fullName', 'birthDate', 'kelurahan', 'businessName', 'kbli'] as const;

/** The header line of a CSV, for mapping by hand when no column could be matched. */
function csvHeaders(base64: string): string[] {
  const text = new TextDecoder().decode(Uint8Array.from(atob(base64.slice(0, 8000)), (c) => c.charCodeAt(0))).replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/)[0] ?? '';
  const sep = (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
  return line
    .split(sep)
    .map((h) => h.trim().replace(/^"|"$/g, ''))
    .filter(Boolean);
}

/**
 * Import from an office's XLSX or CSV: choose the file, match columns to fields, preview the
 * checked rows, then write them all-or-nothing or the valid ones in batches with a progress
 * bar and a Cancel button. Rows not imported can be downloaded with their reasons.
 */
export function ImportScreen() {
  const { t } = useI18n();
  const api = useApi();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [defaults, setDefaults] = useState({ targetGroup: 'pemula', skpd: 'ppkukm_ukm' });
  const [confirmDuplicates, setConfirmDuplicates] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [headersOnly, setHeadersOnly] = useState<string[] | null>(null);
  const [mode, setMode] = useState<Mode>('valid_only');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<(JobStatus & { cancelled?: boolean }) | null>(null);
  const [running, setRunning] = useState(false);
  const cancelRequested = useRef(false);
  const isCancelRequested = () => cancelRequested.current;
  // Reading and checking the file (preview and start) report their progress and can be cancelled.
  const reading = useLongCall();

  const fileInput = (chosen: { name: string; base64: string }) => ({
    fileName: chosen.name,
    fileBase64: chosen.base64,
    mapping,
    defaults: defaults as PreviewInput['defaults'],
    confirmDuplicates,
  });

  const runPreview = async (f: { name: string; base64: string }, m: Mapping) => {
    setBusy(true);
    setError(null);
    try {
      const input = { fileName: f.name, fileBase64: f.base64, mapping: m, defaults: defaults as PreviewInput['defaults'], confirmDuplicates, limit: 50 };
      const p = await reading.run('members.importPreview', input, { read: true });
      if (!p) {
        setPreview(null);
        setError(t('reg.imp.readCancelled'));
        return;
      }
      setPreview(p);
      setHeadersOnly(null);
      setMapping(p.mapping);
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e, t));
      // Without a usable mapping the server refuses before listing the headers; for a CSV the
      // header line is read here so that the columns can still be matched by hand.
      if (Object.keys(fieldErrorsOf(e)).some((k) => k.startsWith('mapping')) && /\.csv$/i.test(f.name)) setHeadersOnly(csvHeaders(f.base64));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File | undefined) => {
    setJob(null);
    setPreview(null);
    setHeadersOnly(null);
    setMapping({});
    if (!chosen) {
      setFile(null);
      return;
    }
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setError(t('reg.imp.wrongType'));
      return;
    }
    if (chosen.size > MAX_MB * 1024 * 1024) {
      setError(t('reg.imp.tooBig', { mb: MAX_MB }));
      return;
    }
    setBusy(true);
    try {
      const f = { name: chosen.name, base64: await readFileBase64(chosen) };
      setFile(f);
      await runPreview(f, {});
    } catch (e) {
      setError(errorMessage(e, t));
      setBusy(false);
    }
  };

  const run = async () => {
    if (!file) return;
    setError(null);
    setRunning(true);
    cancelRequested.current = false;
    try {
      const started = await reading.run('members.importRun', { ...fileInput(file), mode });
      if (!started) {
        setError(t('reg.imp.readCancelled'));
        return;
      }
      let status: JobStatus = started;
      setJob(status);
      // Each call writes one batch in its own transaction; stopping between calls never
      // leaves half a batch.
      while (!status.done) {
        // Read afresh each time round: the cancel button sets it while this loop awaits.
        if (isCancelRequested()) {
          status = await api('members.importCancel', { jobId: status.jobId });
          setJob({ ...status, cancelled: true });
          break;
        }
        status = await api('members.importContinue', { jobId: status.jobId });
        setJob(status);
      }
    } catch (e) {
      setError(t('reg.imp.failed', { message: errorMessage(e, t) }));
    } finally {
      setRunning(false);
    }
  };

  const downloadReport = async (format: 'csv' | 'xlsx') => {
    if (!job) return;
    try {
      downloadFile(await api('members.importReport', { jobId: job.jobId, format }));
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setHeadersOnly(null);
    setJob(null);
    setError(null);
    setMapping({});
  };

  const headers = preview?.headers ?? headersOnly ?? [];
  const fields = preview?.fields ?? FALLBACK_FIELDS;
  const finished = job?.done;

  return (
    <section className="screen reg-import">
      <a className="reg-back" href="#/pendaftaran">
        {t('reg.back')}
      </a>
      <header className="screen__header">
        <h1>{t('reg.imp.title')}</h1>
      </header>
      <p className="muted">{t('reg.imp.intro')}</p>
      <Notice kind="error">{error}</Notice>
      <JobProgress job={reading} />

      {!job && (
        <div className="reg-panel">
          <div className="field">
            <label htmlFor="reg-import-file">{t('reg.imp.file')}</label>
            <input
              id="reg-import-file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy || running}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </div>
          {busy && !reading.running && <p className="muted">{t('reg.imp.reading')}</p>}
        </div>
      )}

      {file && headers.length > 0 && !job && (
        <div className="reg-panel">
          <h2>{t('reg.imp.mapping')}</h2>
          <p className="field__hint">{t('reg.imp.mappingHint')}</p>
          <div className="reg-mapping">
            {fields.map((f) => (
              <SelectField
                key={f.key}
                label={f.label}
                required={f.required}
                value={mapping[f.key] ?? ''}
                onChange={(e) => setMapping((m) => ({ ...m, [f.key]: e.target.value }))}
              >
                <option value="">{t('reg.imp.notMapped')}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          <div className="grid3">
            <SelectField
              label={t('reg.imp.defaultTarget')}
              value={defaults.targetGroup}
              onChange={(e) => setDefaults((d) => ({ ...d, targetGroup: e.target.value }))}
            >
              {TARGET_GROUPS.map((x) => (
                <option key={x} value={x}>
                  {t(`reg.tg.${x}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('reg.imp.defaultSkpd')} value={defaults.skpd} onChange={(e) => setDefaults((d) => ({ ...d, skpd: e.target.value }))}>
              {SKPDS.map((x) => (
                <option key={x} value={x}>
                  {t(`reg.skpd.${x}`)}
                </option>
              ))}
            </SelectField>
            <div className="reg-import-check">
              <CheckField label={t('reg.imp.confirmDuplicates')} checked={confirmDuplicates} onChange={(e) => setConfirmDuplicates(e.target.checked)} />
            </div>
          </div>
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void runPreview(file, mapping)}>
              {t('reg.imp.refresh')}
            </button>
          </div>
        </div>
      )}

      {preview && !job && (
        <div className="reg-panel">
          <h2>{t('reg.imp.preview')}</h2>
          <p>
            <strong>
              {t('reg.imp.summary', {
                total: formatNumber(preview.counts.total),
                valid: formatNumber(preview.counts.valid),
                invalid: formatNumber(preview.counts.invalid),
              })}
            </strong>{' '}
            {preview.counts.alreadyRegistered > 0 && t('reg.imp.alreadyCount', { n: formatNumber(preview.counts.alreadyRegistered) })}{' '}
            {preview.rows.length < preview.counts.total && <span className="muted">{t('reg.imp.previewOf', { shown: preview.rows.length })}</span>}
          </p>
          <div className="table-wrap reg-import-preview">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('reg.imp.row')}</th>
                  <th>{t('reg.col.status')}</th>
                  {PREVIEW_KEYS.map((k) => (
                    <th key={k}>{fields.find((f) => f.key === k)?.label ?? k}</th>
                  ))}
                  <th>{t('reg.imp.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row} className={r.status === 'valid' ? undefined : 'reg-row--invalid'}>
                    <td>{r.row}</td>
                    <td>
                      <span className={`badge ${r.status === 'valid' ? 'badge--success' : r.status === 'terdaftar' ? 'badge--muted' : 'badge--warning'}`}>
                        {t(r.status === 'valid' ? 'reg.imp.valid' : r.status === 'terdaftar' ? 'reg.imp.already' : 'reg.imp.invalid')}
                      </span>
                    </td>
                    {PREVIEW_KEYS.map((k) => (
                      <td key={k} className="reg-clip">
                        {(r.values as Record<string, string | undefined>)[k] ?? ''}
                      </td>
                    ))}
                    <td className="reg-reason">{r.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="reg-import-mode">
            <legend>{t('reg.imp.mode')}</legend>
            <label className="check">
              <input type="radio" name="mode" value="all_or_nothing" checked={mode === 'all_or_nothing'} onChange={() => setMode('all_or_nothing')} />{' '}
              {t('reg.imp.modeAll')}
            </label>
            <label className="check">
              <input type="radio" name="mode" value="valid_only" checked={mode === 'valid_only'} onChange={() => setMode('valid_only')} />{' '}
              {t('reg.imp.modeValid')}
            </label>
          </fieldset>
          <div className="actions">
            <button type="button" className="button button--primary" disabled={busy || running || preview.counts.valid === 0} onClick={() => void run()}>
              {t('reg.imp.run')}
            </button>
          </div>
        </div>
      )}

      {job && (
        <div className="reg-panel" aria-live="polite">
          <h2>{job.fileName}</h2>
          <progress
            className="reg-progress"
            max={Math.max(job.toWrite, 1)}
            value={job.toWrite === 0 ? 1 : job.written}
            aria-label={t('reg.imp.progress', { done: job.written, total: job.toWrite })}
          />
          <p>{t('reg.imp.progress', { done: formatNumber(job.written), total: formatNumber(job.toWrite) })}</p>
          {running && !job.done && (
            <button
              type="button"
              className="button"
              onClick={() => {
                cancelRequested.current = true;
              }}
            >
              {t('reg.imp.cancel')}
            </button>
          )}
          {finished && job.status === 'ditolak' && <Notice kind="warning">{t('reg.imp.rejected', { invalid: formatNumber(job.invalid) })}</Notice>}
          {finished && job.status === 'dibatalkan' && <Notice kind="warning">{t('reg.imp.cancelled', { imported: formatNumber(job.inserted) })}</Notice>}
          {finished && job.status === 'selesai' && (
            <Notice kind="success">
              {t('reg.imp.done', { imported: formatNumber(job.inserted), skipped: formatNumber(job.alreadyRegistered), invalid: formatNumber(job.invalid) })}
            </Notice>
          )}
          {finished && (
            <div className="actions reg-actions--left">
              {job.invalid + job.alreadyRegistered > 0 && (
                <>
                  <button type="button" className="button" onClick={() => void downloadReport('xlsx')}>
                    {t('reg.imp.report')} (XLSX)
                  </button>
                  <button type="button" className="button" onClick={() => void downloadReport('csv')}>
                    {t('reg.imp.report')} (CSV)
                  </button>
                </>
              )}
              <button type="button" className="button" onClick={reset}>
                {t('reg.imp.again')}
              </button>
              <a className="button button--primary" href="#/pendaftaran">
                {t('reg.back')}
              </a>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** Shown only before the server has answered a preview (a CSV whose headers matched nothing). */
const FALLBACK_FIELDS: Preview['fields'] = [
  { key: 'nik', label: 'NIK', required: true },
  { key: 'fullName', label: 'Nama lengkap', required: true },
  { key: 'birthDate', label: 'Tanggal lahir', required: true },
  { key: 'gender', label: 'Jenis kelamin', required: true },
  { key: 'addressStreet', label: 'Alamat', required: true },
  { key: 'kelurahan', label: 'Kelurahan', required: true },
  { key: 'businessName', label: 'Nama usaha', required: true },
  { key: 'kbli', label: 'KBLI', required: true },
  { key: 'phone', label: 'Nomor telepon', required: false },
  { key: 'capital', label: 'Modal usaha', required: false },
  { key: 'monthlyTurnover', label: 'Omzet bulanan', required: false },
] as Preview['fields'];
