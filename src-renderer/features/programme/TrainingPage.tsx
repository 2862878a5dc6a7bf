import { useRef, useState, type KeyboardEvent } from 'react';
import type { Output } from '../../app/api';
import { isRefusal, useAction, useApi, useApiQuery, useLongCall } from '../../app/data';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { MemberPicker, type MemberOption } from './MemberPicker';
import { printPdf } from '../../components/files';
import { JobProgress } from '../../components/JobProgress';
import { CancelTrainingDialog, WithdrawDialog } from './TrainingDialogs';
import { useFlash } from '../../components/flash';

type Participant = Output<'trainings.get'>['participants'][number];
/** What the last action can be undone with, shown beside its message. */
type Undo = { label: string; run: () => Promise<string> } | null;

export function TrainingPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useApiQuery('trainings.get', { id });
  const training = query.data;
  const api = useApi();
  const action = useAction();
  const { busy } = action;
  // Only what the user ticked differs from the server's marks; saving clears it.
  const [edited, setEdited] = useState<Record<string, boolean>>({});
  const [full, setFull] = useState<MemberOption | null>(null);
  const printing = useLongCall();
  const [undo, setUndo] = useState<Undo>(null);
  const [confirming, setConfirming] = useState<'complete' | 'cancel' | null>(null);
  const [withdrawing, setWithdrawing] = useState<Participant | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [flash] = useFlash();
  const error = action.error ?? query.error;

  const run = (work: () => Promise<string | null>, undoWith: Undo = null) =>
    action.run(async () => {
      setUndo(null);
      const done = await work();
      setUndo(undoWith);
      return done;
    });

  if (!training) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;
  const enrolled = training.participants.filter((p) => p.status === 'terdaftar');
  const waiting = training.participants.filter((p) => p.status === 'menunggu');
  const withdrawn = training.participants.filter((p) => p.status === 'mundur');
  const open = training.status === 'terjadwal';
  const done = training.status === 'selesai';
  const marks: Record<string, boolean> = { ...Object.fromEntries(enrolled.map((p) => [p.memberId, p.attended === 1])), ...edited };
  const unsavedMarks = Object.keys(edited).length > 0;
  const present = enrolled.filter((p) => marks[p.memberId]).length;

  const enrol = (m: MemberOption, waitlist = false) =>
    run(async () => {
      setFull(null);
      try {
        const r = await api('trainings.enrol', { trainingId: id, memberId: m.id, waitlist });
        return r.status === 'menunggu' ? t('tr.waitlisted', { name: r.memberName, pos: r.waitlistPos ?? 0 }) : t('tr.enrolled', { name: r.memberName });
      } catch (e) {
        if (isRefusal(e, 'conflict') && e.fields.memberId) setFull(m);
        throw e;
      }
    });

  const storeMarks = async () => {
    const r = await api('trainings.attendance', {
      trainingId: id,
      marks: enrolled.map((p) => ({ memberId: p.memberId, attended: marks[p.memberId] ?? false })),
    });
    setEdited({});
    return r;
  };
  const saveAttendance = () => run(async () => t('tr.attendanceSaved', { n: (await storeMarks()).attended }));

  const complete = () =>
    run(async () => {
      setConfirming(null);
      if (unsavedMarks) await storeMarks();
      return t('tr.completed', { n: (await api('trainings.complete', { id }, { invalidates: ['programme', 'members'] })).graduates });
    });

  const reinstate = async () => {
    const r = await api('trainings.reinstate', { id });
    return t('tr.reinstated', { enrolled: r.enrolled, waiting: r.waiting });
  };
  const cancel = (reason: string) =>
    run(
      async () => {
        await api('trainings.cancel', { id, reason });
        setConfirming(null);
        return t('tr.cancelled');
      },
      { label: t('tr.reinstate'), run: reinstate },
    );

  const undoWithdraw = (p: Participant) => async () => {
    const r = await api('trainings.undoWithdraw', { trainingId: id, memberId: p.memberId });
    if (r.status === 'menunggu') return t('tr.undoneWaiting', { name: r.memberName, pos: r.waitlistPos ?? 0 });
    const other = training.participants.find((q) => q.memberId === r.backToWaitlist[0]);
    return other ? t('tr.undoneSeatBack', { name: r.memberName, other: other.fullName }) : t('tr.undoneSeat', { name: r.memberName });
  };
  const withdraw = (p: Participant) =>
    run(
      async () => {
        setWithdrawing(null);
        const r = await api('trainings.withdraw', { trainingId: id, memberId: p.memberId });
        const next = training.participants.find((q) => q.memberId === r.promoted[0]);
        return next ? t('tr.withdrewPromoted', { name: p.fullName, next: next.fullName }) : t('tr.withdrewName', { name: p.fullName });
      },
      { label: t('tr.undo'), run: undoWithdraw(p) },
    );

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
          <dd>
            {formatDateTime(training.startsAt)} – {formatDateTime(training.endsAt)}
          </dd>
          <dt>{t('tr.mode')}</dt>
          <dd>{training.mode === 'online' ? `${t('tr.mode.online')} · ${training.link}` : `${t('tr.mode.offline')} · ${training.place}`}</dd>
          <dt>{t('tr.trainer')}</dt>
          <dd>{training.trainer}</dd>
          <dt>{t('tr.skpd')}</dt>
          <dd>{t(`reg.skpd.${training.skpd}`)}</dd>
          <dt>{t('tr.seats')}</dt>
          <dd>
            {enrolled.length} / {training.capacity} · {t('tr.waiting')}: {waiting.length}
          </dd>
          <dt>{t('tr.status')}</dt>
          <dd>{t(`tr.status.${training.status}`)}</dd>
        </dl>
        <div className="row-actions">
          {open && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => setConfirming('complete')}>
              {t('tr.complete')}
            </button>
          )}
          {done && (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const f = await printing.run('trainings.certificates', { trainingId: id });
                  if (!f) return t('job.cancelled');
                  await printPdf(f);
                  return t('prog.pdfReady', { name: f.fileName });
                })
              }
            >
              {t('tr.printAll')}
            </button>
          )}
          <JobProgress job={printing} />
          {open && (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                action.setError(null);
                setConfirming('cancel');
              }}
            >
              {t('tr.cancel')}
            </button>
          )}
          {training.status === 'dibatalkan' && (
            <button type="button" className="button" disabled={busy} onClick={() => void run(reinstate)}>
              {t('tr.reinstate')}
            </button>
          )}
        </div>
      </div>

      {training.status === 'dibatalkan' && training.cancelReason && (
        <Notice kind="warning">{t('tr.cancelledBecause', { reason: training.cancelReason })}</Notice>
      )}
      {!action.message && !action.error && <Notice kind="success">{flash}</Notice>}
      {action.message && (
        <Notice kind="success">
          {action.message}{' '}
          {undo && (
            <button type="button" className="button button--small" disabled={busy} onClick={() => void run(undo.run)}>
              {undo.label}
            </button>
          )}
        </Notice>
      )}
      <Notice kind="error">{confirming ? null : error}</Notice>
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
                <input
                  type="checkbox"
                  checked={marks[p.memberId] ?? false}
                  disabled={!open}
                  onChange={(e) => setEdited((m) => ({ ...m, [p.memberId]: e.target.checked }))}
                />
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
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    void run(async () => {
                      const f = await api('trainings.certificate', { trainingId: id, memberId: p.memberId }, { read: true });
                      await printPdf(f);
                      return t('prog.pdfReady', { name: f.fileName });
                    })
                  }
                >
                  {t('tr.printOne')}
                </button>
              )}
              {open && (
                <button
                  type="button"
                  className="button button--small"
                  tabIndex={-1}
                  aria-label={`${t('tr.withdraw')}: ${p.fullName}`}
                  onClick={() => setWithdrawing(p)}
                >
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
                  <button type="button" className="button button--small" aria-label={`${t('tr.withdraw')}: ${p.fullName}`} onClick={() => setWithdrawing(p)}>
                    {t('tr.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {withdrawn.length > 0 && (
        <>
          <h3>{t('tr.withdrawnList')}</h3>
          <ul className="prog-waiting">
            {withdrawn.map((p) => (
              <li key={p.memberId}>
                {p.fullName} <span className="prog-muted">{p.memberNo}</span>{' '}
                {open && (
                  <button
                    type="button"
                    className="button button--small"
                    disabled={busy}
                    aria-label={`${t('tr.undoWithdraw')}: ${p.fullName}`}
                    onClick={() => void run(undoWithdraw(p))}
                  >
                    {t('tr.undoWithdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={confirming === 'complete'}
        title={t('tr.complete')}
        confirmLabel={t('tr.complete')}
        busy={busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void complete()}
      >
        <p>{t('tr.confirmCompleteCounts', { present, enrolled: enrolled.length, absent: enrolled.length - present })}</p>
        {unsavedMarks && <p className="muted">{t('tr.unsavedMarks')}</p>}
      </ConfirmDialog>
      <CancelTrainingDialog
        open={confirming === 'cancel'}
        enrolled={enrolled.length}
        waiting={waiting.length}
        busy={busy}
        error={confirming === 'cancel' ? (action.fields.reason ?? action.error ?? undefined) : undefined}
        onCancel={() => setConfirming(null)}
        onConfirm={(reason) => void cancel(reason)}
      />
      <WithdrawDialog
        participant={withdrawing}
        next={withdrawing?.status === 'terdaftar' ? waiting[0] : undefined}
        busy={busy}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && void withdraw(withdrawing)}
      />
    </div>
  );
}
