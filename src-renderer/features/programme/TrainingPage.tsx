import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ApiCallError, invoke, type Output } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Notice } from '../../components/Notice';
import { MemberPicker, type MemberOption } from './MemberPicker';
import { SKPD_OPTIONS } from './TrainingForm';
import { printPdf } from '../../components/files';
import { JobProgress } from '../../components/JobProgress';
import { useLongCall } from '../../components/useLongCall';

type Training = Output<'trainings.get'>;

export function TrainingPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [training, setTraining] = useState<Training | null>(null);
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [full, setFull] = useState<MemberOption | null>(null);
  const [busy, setBusy] = useState(false);
  const printing = useLongCall();
  const listRef = useRef<HTMLUListElement>(null);

  const load = useCallback(async () => {
    try {
      const got = await invoke('trainings.get', { id });
      setTraining(got);
      setMarks(Object.fromEntries(got.participants.filter((p) => p.status === 'terdaftar').map((p) => [p.memberId, p.attended === 1])));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const done = await action();
      // The list is refreshed before the message shows, so what the message says is on screen.
      await load();
      setMessage(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!training) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;
  const enrolled = training.participants.filter((p) => p.status === 'terdaftar');
  const waiting = training.participants.filter((p) => p.status === 'menunggu');
  const withdrawn = training.participants.filter((p) => p.status === 'mundur');
  const open = training.status === 'terjadwal';
  const done = training.status === 'selesai';

  const enrol = (m: MemberOption, waitlist = false) =>
    run(async () => {
      setFull(null);
      try {
        const r = await invoke('trainings.enrol', { trainingId: id, memberId: m.id, waitlist });
        return r.status === 'menunggu' ? t('tr.waitlisted', { name: r.memberName, pos: r.waitlistPos ?? 0 }) : t('tr.enrolled', { name: r.memberName });
      } catch (e) {
        if (e instanceof ApiCallError && e.code === 'conflict' && e.fields.memberId) setFull(m);
        throw e;
      }
    });

  const saveAttendance = () =>
    run(async () => {
      const r = await invoke('trainings.attendance', { trainingId: id, marks: enrolled.map((p) => ({ memberId: p.memberId, attended: marks[p.memberId] ?? false })) });
      return t('tr.attendanceSaved', { n: r.attended });
    });

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const boxes = Array.from(listRef.current?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? []);
    const index = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = index < 0 ? 0 : Math.min(boxes.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)));
      boxes[next]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void saveAttendance();
    }
  };

  return (
    <div className="prog-training">
      <p>
        <a href="#/program">{t('prog.back')}</a>
      </p>
      <div className="prog-card">
        <h2>{training.topic}</h2>
        <dl className="prog-facts">
          <dt>{t('tr.startsAt')}</dt>
          <dd>{formatDateTime(training.startsAt)} – {formatDateTime(training.endsAt)}</dd>
          <dt>{t('tr.mode')}</dt>
          <dd>{training.mode === 'online' ? `${t('tr.mode.online')} · ${training.link}` : `${t('tr.mode.offline')} · ${training.place}`}</dd>
          <dt>{t('tr.trainer')}</dt>
          <dd>{training.trainer}</dd>
          <dt>{t('tr.skpd')}</dt>
          <dd>{SKPD_OPTIONS.find(([c]) => c === training.skpd)?.[1]}</dd>
          <dt>{t('tr.seats')}</dt>
          <dd>
            {enrolled.length} / {training.capacity} · {t('tr.waiting')}: {waiting.length}
          </dd>
          <dt>{t('tr.status')}</dt>
          <dd>{t(`tr.status.${training.status}`)}</dd>
        </dl>
        <div className="row-actions">
          {open && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => window.confirm(t('tr.confirmComplete')) && void run(async () => t('tr.completed', { n: (await invoke('trainings.complete', { id })).graduates }))}>
              {t('tr.complete')}
            </button>
          )}
          {done && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(async () => { const f = await printing.run((options) => invoke('trainings.certificates', { trainingId: id }, options)); if (!f) return t('job.cancelled'); await printPdf(f); return t('prog.pdfReady', { name: f.fileName }); })}>
              {t('tr.printAll')}
            </button>
          )}
          <JobProgress job={printing} />
          {open && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(async () => (await invoke('trainings.cancel', { id }), null))}>
              {t('tr.cancel')}
            </button>
          )}
        </div>
      </div>

      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {full && (
        <p>
          <button type="button" className="button" onClick={() => void enrol(full, true)}>
            {t('tr.toWaitlist')}: {full.fullName}
          </button>
        </p>
      )}

      {open && <MemberPicker label={t('tr.enrol')} placeholder={t('tr.enrolHint')} onPick={(m) => void enrol(m)} busy={busy} />}

      <h3>{t('tr.participants')}</h3>
      {open && enrolled.length > 0 && <p className="prog-muted">{t('tr.attendanceHint')}</p>}
      {enrolled.length === 0 ? (
        <p className="prog-muted">{t('tr.noParticipants')}</p>
      ) : (
        <ul className="prog-attendance" ref={listRef} onKeyDown={onListKey} aria-label={t('tr.participants')}>
          {enrolled.map((p, i) => (
            <li key={p.memberId} className={marks[p.memberId] ? 'prog-attendance__row prog-attendance__row--present' : 'prog-attendance__row'}>
              <label className="prog-attendance__label">
                <input type="checkbox" checked={marks[p.memberId] ?? false} disabled={!open} onChange={(e) => setMarks((m) => ({ ...m, [p.memberId]: e.target.checked }))} />
                <span className="prog-attendance__no">{i + 1}.</span>
                <span className="prog-attendance__name">{p.fullName}</span>
                <span className="prog-muted">
                  {p.memberNo}
                  {p.kelurahan ? ` · ${p.kelurahan}` : ''}
                </span>
              </label>
              {p.completed === 1 && <span className="badge badge--success">{t('tr.graduate')}</span>}
              {p.certificateNo && (
                <span className="prog-muted" data-certificate={p.certificateNo}>
                  {t('tr.certificateNo', { number: p.certificateNo })}
                  {p.certificateRevokedOn ? ` · ${t('tr.certificateRevoked')}` : ''}
                </span>
              )}
              {done && p.completed === 1 && (
                <button type="button" className="button button--small" onClick={() => void run(async () => { const f = await invoke('trainings.certificate', { trainingId: id, memberId: p.memberId }); await printPdf(f); return t('prog.pdfReady', { name: f.fileName }); })}>
                  {t('tr.printOne')}
                </button>
              )}
              {open && (
                <button type="button" className="button button--small" tabIndex={-1} onClick={() => void run(async () => ((await invoke('trainings.withdraw', { trainingId: id, memberId: p.memberId })).promoted.length ? t('tr.promoted') : t('tr.withdrawn')))}>
                  {t('tr.withdraw')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && enrolled.length > 0 && (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void saveAttendance()}>
          {t('tr.saveAttendance')}
        </button>
      )}

      {waiting.length > 0 && (
        <>
          <h3>{t('tr.waitingList')}</h3>
          <ol className="prog-waiting">
            {waiting.map((p) => (
              <li key={p.memberId}>
                {p.fullName} <span className="prog-muted">{p.memberNo}</span>{' '}
                {open && (
                  <button type="button" className="button button--small" onClick={() => void run(async () => (await invoke('trainings.withdraw', { trainingId: id, memberId: p.memberId }), t('tr.withdrawn')))}>
                    {t('tr.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {withdrawn.length > 0 && (
        <p className="prog-muted">
          {t('tr.withdrawnList')}: {withdrawn.map((p) => p.fullName).join(', ')}
        </p>
      )}
    </div>
  );
}
