import { useState } from 'react';
import { useAction, useApiQuery, useLongCall } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { navigate, useRoute } from '../../app/router';
import { Notice } from '../../components/Notice';
import { downloadFile, printPdf } from '../../components/files';
import { Dashboard } from './Dashboard';
import { MonthlySummaryView } from './MonthlySummaryView';
import { currentMonth } from '../../app/format';
import { JobProgress } from '../../components/JobProgress';
import { MonthField } from '../../components/MonthField';

/** Laporan: the dashboard and the monthly summary, with its exports. */
export function ReportsScreen() {
  const { t, locale } = useI18n();
  const { path, params } = useRoute();
  const tab = path.endsWith('/rekap') ? 'monthly' : 'dashboard';
  const month = params.get('bulan') ?? currentMonth();
  const kelurahan = params.get('kelurahan') ?? '';
  const exporting = useAction();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const exportJob = useLongCall();
  const closingsQuery = useApiQuery('reports.closings', {});
  const closings = closingsQuery.data ?? null;
  const office = useApiQuery('office.get', {});
  const kelurahanQuery = useApiQuery('regions.list', { parent: office.data?.kecamatanKode ?? '', level: 'kelurahan' }, { enabled: !!office.data });
  const kelurahanList = kelurahanQuery.data ?? [];
  const error = exporting.error ?? closingsQuery.error ?? office.error ?? kelurahanQuery.error;

  const go = (nextTab: string, next: { bulan?: string; kelurahan?: string }) =>
    navigate(nextTab === 'monthly' ? '/laporan/rekap' : '/laporan', {
      bulan: next.bulan ?? month,
      kelurahan: nextTab === 'monthly' ? (next.kelurahan ?? kelurahan) : undefined,
    });

  const exportAs = (format: 'pdf' | 'xlsx' | 'csv') => {
    setBusy(format);
    setNotice(null);
    return exporting
      .run(async () => {
        const file = await exportJob.run('reports.export', { month, kelurahan: kelurahan || null, format });
        if (!file) setNotice(t('job.cancelled'));
        else if (format === 'pdf') await printPdf(file);
        else downloadFile(file);
      })
      .finally(() => setBusy(null));
  };

  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('reports.title')}</h1>
        <div className="reports__exports">
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <button
              key={f}
              type="button"
              className={`button${f === 'pdf' ? ' button--primary' : ''}`}
              disabled={busy !== null}
              // The files are the office's report, in Indonesian whoever exports them (see the server's reports/words.ts).
              title={locale === 'id' ? undefined : t('reports.exportsLanguage')}
              onClick={() => void exportAs(f)}
            >
              {busy === f ? t('reports.exporting') : t(f === 'pdf' ? 'reports.exportPdf' : f === 'xlsx' ? 'reports.exportXlsx' : 'reports.exportCsv')}
            </button>
          ))}
        </div>
      </header>
      <nav className="tabs" aria-label={t('reports.title')}>
        <a
          href="#/laporan"
          aria-current={tab === 'dashboard' ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            go('dashboard', {});
          }}
        >
          {t('reports.dashboard')}
        </a>
        <a
          href="#/laporan/rekap"
          aria-current={tab === 'monthly' ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            go('monthly', {});
          }}
        >
          {t('reports.monthly')}
        </a>
      </nav>
      <div className="filters">
        <MonthField label={t('reports.month')} value={month} max={currentMonth()} onChange={(next) => go(tab, { bulan: next })} />
        <label className="reports__filter">
          {t('reports.kelurahan')}{' '}
          <select value={kelurahan} onChange={(e) => go('monthly', { kelurahan: e.target.value })}>
            <option value="">{t('reports.wholeKecamatan')}</option>
            {kelurahanList.map((k) => (
              <option key={k.kode} value={k.kode}>
                {k.nama}
              </option>
            ))}
          </select>
        </label>
      </div>
      <JobProgress job={exportJob} />
      <Notice>{notice}</Notice>
      <Notice kind="error">{error}</Notice>
      {tab === 'dashboard' ? <Dashboard month={month} /> : <MonthlySummaryView month={month} kelurahan={kelurahan || null} closings={closings} />}
    </section>
  );
}
