import { useEffect, useMemo, useRef, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { type Output } from '../../app/api';
import { errorMessage, useApi, useLongCall } from '../../app/data';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { JobProgress } from '../../components/JobProgress';
import { Notice } from '../../components/Notice';
import { useServerTable } from '../../components/useServerTable';
import { printInPlace } from '../../components/files';
import { Dialog } from '../../components/Dialog';
import { PrintResultForm } from './PermitForms';
import { jakartaToday } from '../../app/format';
import { SlaBadge, StatusBadge } from './badges';
import { SearchBox } from '../../components/Filters';

type Row = Output<'permits.list'>['rows'][number];
const col = createColumnHelper<Row>();
export const STATUSES = ['diajukan', 'diverifikasi', 'perlu_perbaikan', 'disetujui', 'terbit', 'diserahkan', 'ditolak', 'dicabut'] as const;
export const CHANNELS = ['loket', 'ajib', 'pendamping', 'online'] as const;
const SLA = ['due_today', 'late', 'paused', 'open'] as const;

export function PermitList() {
  const { t } = useI18n();
  const api = useApi();
  const can = useCan();
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [printed, setPrinted] = useState<string[] | null>(null);
  // Enter was pressed while the list was loading: decide once it has loaded.
  const pendingOpen = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const batch = useLongCall();
  const table = useServerTable(
    { page: 0, pageSize: 25, sort: 'submittedAt', dir: 'desc', filters: { q: '', status: '', channel: '', sla: '' } },
    'permits.list',
    (s, f) => ({
      page: s.page,
      pageSize: s.pageSize,
      sort: s.sort as 'submittedAt',
      dir: s.dir,
      query: f.q || undefined,
      status: (f.status || null) as Row['status'] | null,
      channel: (f.channel || null) as Row['channel'] | null,
      sla: (f.sla || null) as (typeof SLA)[number] | null,
    }),
  );
  const columns = useMemo(
    () => [
      col.accessor('submittedAt', { header: t('permits.col.submitted'), cell: (c) => <span className="permits-nowrap">{formatDate(c.getValue())}</span> }),
      col.accessor('memberName', {
        header: t('permits.col.applicant'),
        cell: (c) => (
          <>
            <a className="permits-name" href={`#/perizinan/izin/${c.row.original.id}`} onClick={(e) => e.stopPropagation()}>
              {c.getValue()}
            </a>
            <div className="permits-small">{c.row.original.memberNo}</div>
          </>
        ),
      }),
      col.accessor('businessName', { header: t('permits.col.business') }),
      col.accessor('channel', { header: t('permits.col.channel'), cell: (c) => t(`permits.channel.${c.getValue()}`) }),
      col.accessor('status', { header: t('permits.col.status'), cell: (c) => <StatusBadge status={c.getValue()} /> }),
      col.display({ id: 'sla', header: t('permits.col.sla'), cell: (c) => <SlaBadge sla={c.row.original.sla} status={c.row.original.status} /> }),
      col.accessor('number', { header: t('permits.col.number'), cell: (c) => <PermitNumber value={c.getValue()} /> }),
    ],
    [t],
  );
  const printDay = async () => {
    setError(null);
    setMessage(null);
    setNotice(null);
    try {
      const file = await batch.run('permits.certificateBatch', { issuedOn: jakartaToday() });
      if (!file) {
        setNotice(t('job.cancelled'));
        return;
      }
      await printInPlace(file);
      // Originals among them: the clerk says how the batch came out, as for a single print.
      if (file.originals > 0) setPrinted(file.ids);
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };
  const report = async (good: boolean, note = '') => {
    try {
      await api('permits.printResult', { ids: printed ?? [], good, note: note || null });
      setMessage(t(good ? 'permits.print.confirmed' : 'permits.print.failedLogged'));
    } catch (e) {
      setError(errorMessage(e, t));
    }
    setPrinted(null);
  };
  // Enter in the search box with exactly one permit found opens it.
  const openOnly = () => {
    if (table.tableProps.loading) pendingOpen.current = true;
    else if (table.tableProps.rows.length === 1) navigate(`/perizinan/izin/${table.tableProps.rows[0].id}`);
  };
  useEffect(() => {
    if (!pendingOpen.current || table.tableProps.loading) return;
    pendingOpen.current = false;
    if (table.tableProps.rows.length === 1) navigate(`/perizinan/izin/${table.tableProps.rows[0].id}`);
  }, [table.tableProps.loading, table.tableProps.rows]);
  return (
    <>
      <Notice kind="error">{error ?? table.error}</Notice>
      <Notice kind="success">{message}</Notice>
      <Notice>{notice}</Notice>
      <div className="filters">
        <SearchBox placeholder={t('permits.search')} value={table.filters.q} onChange={(v) => table.setFilter('q', v)} onEnter={openOnly} />
        <select aria-label={t('permits.filter.status')} value={table.filters.status} onChange={(e) => table.setFilter('status', e.target.value)}>
          <option value="">
            {t('permits.filter.status')}: {t('common.all')}
          </option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`permits.status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('permits.filter.channel')} value={table.filters.channel} onChange={(e) => table.setFilter('channel', e.target.value)}>
          <option value="">
            {t('permits.filter.channel')}: {t('common.all')}
          </option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`permits.channel.${c}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('permits.filter.sla')} value={table.filters.sla} onChange={(e) => table.setFilter('sla', e.target.value)}>
          <option value="">
            {t('permits.filter.sla')}: {t('common.all')}
          </option>
          {SLA.map((s) => (
            <option key={s} value={s}>
              {t(`permits.sla.${s}`)}
            </option>
          ))}
        </select>
        {can('permits.certificateBatch') && (
          <button type="button" className="button" onClick={() => void printDay()} disabled={batch.running}>
            {t('permits.printDay')}
          </button>
        )}
      </div>
      <JobProgress job={batch} />
      <DataTable
        columns={columns}
        {...table.tableProps}
        caption={t('permits.tab.list')}
        onRowClick={(r) => navigate(`/perizinan/izin/${r.id}`)}
        rowLabel={(r) => `${r.memberName}, ${r.businessName}`}
      />
      <Dialog title={t('permits.print.title')} open={printed !== null} onClose={() => setPrinted(null)}>
        {printed && <PrintResultForm canHandOver={false} busy={false} onGood={() => void report(true)} onFailed={(note) => void report(false, note)} />}
      </Dialog>
    </>
  );
}

/** A permit number that may wrap after its slashes instead of being cut: 503/0002/IUMK/…. */
export function PermitNumber({ value }: { value: string | null }) {
  if (!value) return <span className="permits-mono">—</span>;
  const parts = value.split('/');
  return (
    <span className="permits-mono">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}
