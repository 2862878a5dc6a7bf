import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Input, Output } from '../../app/api';
import { errorMessage, useLongCall } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { Notice } from '../../components/Notice';
import { useServerTable } from '../../components/useServerTable';
import { formatShortDate } from './display';
import { downloadFile } from '../../components/files';
import { useFlash } from '../../components/flash';
import { SCALES, SKPDS, STAGE_CODES, TARGET_GROUPS, useReference } from './reference';
import { SearchBox } from '../../components/Filters';
import { JobProgress } from '../../components/JobProgress';

type MemberRow = Output<'members.list'>['rows'][number];
type ListInput = Input<'members.list'>;
interface Filters {
  q: string;
  kel: string;
  tg: string;
  skpd: string;
  stage: string;
  scale: string;
  status: string;
}
const col = createColumnHelper<MemberRow>();
const NO_FILTERS: Filters = { q: '', kel: '', tg: '', skpd: '', stage: '', scale: '', status: '' };

/** The URL's filter names to the API's filter fields. */
function toApiFilters(f: Filters) {
  return {
    search: f.q.trim() || undefined,
    kelurahanKode: f.kel || undefined,
    targetGroup: (f.tg || undefined) as ListInput['targetGroup'],
    skpd: (f.skpd || undefined) as ListInput['skpd'],
    stage: (f.stage || undefined) as ListInput['stage'],
    scale: (f.scale || undefined) as ListInput['scale'],
    status: (f.status || undefined) as ListInput['status'],
  };
}

export function MembersList() {
  const { t } = useI18n();
  const ref = useReference();
  const [flash] = useFlash();
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const exportJob = useLongCall();
  const [fullNik, setFullNik] = useState(false);
  // Loket clerks look members up; registering, importing and exporting are for the others.
  const can = useCan();
  const canRegister = can('members.register');
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'name', dir: 'asc', filters: NO_FILTERS }, 'members.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as ListInput['sort'],
    dir: s.dir,
    ...toApiFilters(f),
  }));
  const anyFilter = Object.values(table.filters).some(Boolean);

  const exportView = async (format: 'xlsx' | 'csv') => {
    setExporting(format);
    setExportError(null);
    setExportNotice(null);
    try {
      const input = { format, unmaskNik: fullNik, sort: table.state.sort as ListInput['sort'], dir: table.state.dir, ...toApiFilters(table.filters) };
      const file = await exportJob.run('members.export', input);
      if (file) downloadFile(file);
      else setExportNotice(t('job.cancelled'));
    } catch (e) {
      setExportError(errorMessage(e, t));
    } finally {
      setExporting(null);
    }
  };

  const columns = useMemo(
    () => [
      col.accessor('memberNo', {
        id: 'memberNo',
        header: `${t('reg.col.memberNo')} / ${t('reg.col.nik')}`,
        cell: (c) => (
          <>
            <div className="reg-mono reg-nowrap">{c.getValue()}</div>
            <div className="reg-mono reg-nowrap reg-small">{c.row.original.nikMasked}</div>
          </>
        ),
      }),
      col.accessor('fullName', {
        id: 'name',
        header: t('reg.col.name'),
        cell: (c) => (
          <>
            <a href={`#/pendaftaran/anggota/${c.row.original.id}`} className="reg-name" onClick={(e) => e.stopPropagation()}>
              {c.getValue()}
            </a>
            {c.row.original.status !== 'aktif' && <span className="badge badge--muted">{t(`reg.status.${c.row.original.status}`)}</span>}
          </>
        ),
      }),
      col.accessor('kelurahanNama', { id: 'kelurahan', header: t('reg.col.kelurahan'), cell: (c) => c.getValue() ?? c.row.original.kelurahanKode }),
      col.accessor('businessNames', {
        header: t('reg.col.business'),
        enableSorting: false,
        cell: (c) => <span className="reg-clip">{c.getValue() || '—'}</span>,
      }),
      col.accessor('targetGroup', { header: t('reg.col.targetGroup'), enableSorting: false, cell: (c) => t(`reg.tg.${c.getValue()}`) }),
      col.accessor('stagesDone', {
        header: t('reg.col.stages'),
        enableSorting: false,
        cell: (c) => (
          <span className="reg-stages" role="img" aria-label={c.getValue().join(', ')}>
            {STAGE_CODES.map((s) => (
              <span key={s} className={c.getValue().includes(s) ? 'reg-stage reg-stage--done' : 'reg-stage'} aria-hidden="true">
                {s.slice(1)}
              </span>
            ))}
          </span>
        ),
      }),
      col.accessor('registeredOn', {
        id: 'registeredOn',
        header: t('reg.col.registeredOn'),
        cell: (c) => <span className="reg-nowrap">{formatShortDate(c.getValue())}</span>,
      }),
    ],
    [t],
  );

  const select = (name: keyof Filters, labelText: string, options: [string, string][]) => (
    <select aria-label={labelText} value={table.filters[name]} onChange={(e) => table.setFilter(name, e.target.value)}>
      <option value="">
        {labelText}: {t('common.all')}
      </option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );

  return (
    <section className="screen reg-list">
      <header className="screen__header">
        <h1>{t('reg.title')}</h1>
        {canRegister && (
          <div className="row-actions reg-list-actions">
            <label className="check reg-full-nik" title={t('reg.fullNikHint')}>
              <input type="checkbox" checked={fullNik} onChange={(e) => setFullNik(e.target.checked)} /> {t('reg.fullNik')}
            </label>
            <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportView('xlsx')}>
              {exporting === 'xlsx' ? t('reg.exporting') : t('reg.exportXlsx')}
            </button>
            <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportView('csv')}>
              {exporting === 'csv' ? t('reg.exporting') : t('reg.exportCsv')}
            </button>
            <a className="button" href="#/pendaftaran/impor">
              {t('reg.import')}
            </a>
            <a className="button button--primary" href="#/pendaftaran/baru">
              + {t('reg.register')}
            </a>
          </div>
        )}
      </header>
      <Notice kind="success">{flash}</Notice>
      <JobProgress job={exportJob} />
      <Notice>{exportNotice}</Notice>
      <Notice kind="error">{exportError ?? table.error}</Notice>
      <div className="filters">
        <SearchBox placeholder={t('reg.searchPlaceholder')} value={table.filters.q} onChange={(v) => table.setFilter('q', v)} />
        {select(
          'kel',
          t('reg.filter.kelurahan'),
          ref.kelurahans.map((k) => [k.kode, k.nama]),
        )}
        {select(
          'tg',
          t('reg.filter.targetGroup'),
          TARGET_GROUPS.map((x) => [x, t(`reg.tg.${x}`)]),
        )}
        {select(
          'skpd',
          t('reg.filter.skpd'),
          SKPDS.map((x) => [x, t(`reg.skpd.${x}`)]),
        )}
        {select(
          'stage',
          t('reg.filter.stage'),
          STAGE_CODES.map((x) => [x, t(`reg.stage.${x}`)]),
        )}
        {select(
          'scale',
          t('reg.filter.scale'),
          SCALES.map((x) => [x, t(`reg.scale.${x}`)]),
        )}
        {select('status', t('reg.filter.status'), [
          ['aktif', t('reg.status.aktif')],
          ['nonaktif', t('reg.status.nonaktif')],
        ])}
        {anyFilter && (
          <button type="button" className="button button--ghost" onClick={() => navigate('/pendaftaran')}>
            {t('reg.filter.reset')}
          </button>
        )}
      </div>
      <DataTable
        columns={columns}
        {...table.tableProps}
        caption={t('reg.title')}
        rowLabel={(r) => `${r.fullName} ${r.memberNo}`}
        onRowClick={(r) => navigate(`/pendaftaran/anggota/${r.id}`)}
      />
    </section>
  );
}
