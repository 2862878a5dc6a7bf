import { useCallback, useEffect, useRef, useState } from 'react';
import { type Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { formatDate } from '../../app/format';
import { useI18n, type Translate } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import './permits.css';
import { useLatest } from '../../components/useLatest';

type Work = Output<'permits.work'>;
type List = Work['approve'];
type Row = List['rows'][number];

const timeFmt = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });

function slaText(t: Translate, sla: Row['sla']): string {
  if (!sla) return '';
  const left = sla.left;
  const time = timeFmt.format(new Date(left.dueAt));
  switch (left.kind) {
    case 'late':
      return t('permits.work.late', { n: left.workingDays });
    case 'today':
      return t('permits.work.today', { time });
    case 'paused':
      return t('permits.sla.paused');
    default:
      return t('permits.work.days', { n: left.workingDays, date: formatDate(sla.dueDate) });
  }
}

const slaKind = (sla: Row['sla']) => (!sla ? '' : sla.left.kind === 'late' ? 'late' : sla.left.kind === 'today' ? 'today' : '');

function Rows({ rows, action, first }: { rows: Row[]; action?: (row: Row, index: number) => React.ReactNode; first: boolean }) {
  const { t } = useI18n();
  return (
    <ol className="work__rows">
      {rows.map((r, i) => (
        <li key={r.id} className="work__row">
          <a href={`#/perizinan/izin/${r.id}`} className="work__link" data-first-work={first && i === 0 && !action ? true : undefined}>
            <strong>{r.businessName}</strong>
            <span className="permits-small">
              {' '}
              · {r.memberName} · {r.number ?? t('permits.work.submitted', { date: formatDate(r.submittedAt) })}
            </span>
          </a>
          {r.sla && <span className={`work__sla work__sla--${slaKind(r.sla)}`}>{slaText(t, r.sla)}</span>}
          {action?.(r, i)}
        </li>
      ))}
    </ol>
  );
}

function Section({ title, list, note, children }: { title: string; list: { count: number; rows: unknown[] }; note?: string; children: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="work__section" aria-label={title}>
      <h3>
        {title} <span className={`work__count${list.count === 0 ? ' work__count--zero' : ''}`}>{list.count}</span>
      </h3>
      {note && <p className="permits-small">{note}</p>}
      {list.count === 0 ? <p className="muted">{t('permits.work.none')}</p> : children}
      {list.count > list.rows.length && <p className="permits-small">{t('permits.work.more', { n: list.count - list.rows.length })}</p>}
    </section>
  );
}

/**
 * Beranda's work for each role: the supervisor's approvals (oldest first, time left, approved
 * here with one confirmation), the counter's verify / issue / print / hand-over lists and today's
 * AJIB tasks, and what waits for the supervisor. The first thing to do has the focus.
 */
export function WorkPanel() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [work, setWork] = useState<Work | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [approving, setApproving] = useState<Row | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(true);

  const tLatest = useLatest(t);
  const load = useCallback(
    () => api('permits.work', {}, { read: true }).then(setWork, (e: unknown) => setError(errorMessage(e, tLatest.current))),
    [api, tLatest],
  );
  // Loaded again when the language changes: the server words the lists in the caller's.
  useEffect(() => {
    void load();
  }, [load, locale]);
  useEffect(() => {
    if (!work || !focusFirst.current) return;
    focusFirst.current = false;
    rootRef.current?.querySelector<HTMLElement>('[data-first-work]')?.focus();
  }, [work]);

  if (!work) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;

  const approve = async (row: Row) => {
    setBusy(true);
    setError(null);
    try {
      await api('permits.transition', { id: row.id, to: 'disetujui', expectedStatus: 'diverifikasi' });
      setMessage(t('permits.work.approved', { business: row.businessName }));
      setApproving(null);
      focusFirst.current = true;
      await load();
    } catch (e) {
      setApproving(null);
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  // Which lists are this role's own work comes from the server (the tables that allow the moves).
  const mine = work.mine;
  // A role with no permit moves (admin) has nothing waiting here.
  if (!Object.values(mine).some(Boolean)) return null;
  const approver = mine.approve;
  const counter = !approver && (mine.issue || mine.print || mine.handOver);
  const approveButton = (r: Row, i: number) => (
    <button type="button" className="button button--primary button--small" data-first-work={i === 0 ? true : undefined} onClick={() => setApproving(r)}>
      {t('permits.action.approve')}
    </button>
  );
  // The first non-empty list of the role's own work gets the focus.
  const counterLists = counter ? [work.issue, work.print, work.handOver] : [];
  if (mine.verify) counterLists.push(work.verify);
  const firstCounter = counterLists.find((l) => l.count > 0);

  return (
    <div className="work" ref={rootRef}>
      <h2>{t('home.work')}</h2>
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {approver && (
        <Section title={t('permits.work.approve')} list={work.approve} note={t('permits.work.approveNote')}>
          <Rows rows={work.approve.rows} action={approveButton} first />
        </Section>
      )}
      <div className="work__grid">
        {counter && (
          <>
            <Section title={t('permits.work.issue')} list={work.issue}>
              <Rows rows={work.issue.rows} first={firstCounter === work.issue} />
            </Section>
            <Section title={t('permits.work.print')} list={work.print}>
              <Rows rows={work.print.rows} first={firstCounter === work.print} />
            </Section>
            <Section title={t('permits.work.handOver')} list={work.handOver}>
              <Rows rows={work.handOver.rows} first={firstCounter === work.handOver} />
            </Section>
          </>
        )}
        {mine.verify && (
          <Section
            title={t('permits.work.verify')}
            list={work.verify}
            note={work.waitingOnApplicant ? t('permits.work.waitingOnApplicant', { n: work.waitingOnApplicant }) : undefined}
          >
            <Rows rows={work.verify.rows} first={firstCounter === work.verify} />
          </Section>
        )}
        {counter && mine.ajib && (
          <Section title={t('permits.work.ajib')} list={work.ajibToday}>
            <ol className="work__rows">
              {work.ajibToday.rows.map((task) => (
                <li key={task.id} className="work__row">
                  <a href={`#/perizinan/izin/${task.permitId}`} className="work__link">
                    <strong>{t(`permits.ajib.kind.${task.kind}`)}</strong>
                    <span className="permits-small">
                      {' '}
                      · {task.businessName} · {task.officerName} · {task.address}
                    </span>
                  </a>
                </li>
              ))}
            </ol>
          </Section>
        )}
        {!approver && mine.verify && (
          <Section title={t('permits.work.atSupervisor')} list={work.approve}>
            <Rows rows={work.approve.rows} first={false} />
          </Section>
        )}
        {approver && (
          <section className="work__section">
            <h3>{t('permits.work.counterSummary')}</h3>
            <ul className="permits-plain">
              <li>{t('permits.work.summary.verify', { n: work.verify.count })}</li>
              <li>{t('permits.work.summary.issue', { n: work.issue.count })}</li>
              <li>{t('permits.work.summary.print', { n: work.print.count })}</li>
              <li>{t('permits.work.summary.handOver', { n: work.handOver.count })}</li>
              <li>{t('permits.work.summary.ajib', { n: work.ajibToday.count })}</li>
            </ul>
          </section>
        )}
      </div>
      <ConfirmDialog
        open={approving !== null}
        title={t('permits.approve.title')}
        confirmLabel={t('permits.approve.confirm')}
        busy={busy}
        onCancel={() => setApproving(null)}
        onConfirm={() => approving && void approve(approving)}
      >
        {approving && (
          <>
            <p>{t('permits.approve.text', { business: approving.businessName, applicant: approving.memberName })}</p>
            {approving.sla && <p className="permits-small">{slaText(t, approving.sla)}</p>}
            {approving.missingRequirements.length > 0 ? (
              <p className="field__error">{t('permits.detail.missing', { list: approving.missingRequirements.join('; ') })}</p>
            ) : (
              <p className="permits-small">{t('permits.approve.complete')}</p>
            )}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
