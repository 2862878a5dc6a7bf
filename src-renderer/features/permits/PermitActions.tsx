import { useState } from 'react';
import { errorMessage, useApi, type Action as Step } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { printInPlace } from '../../components/files';
import { Kbd, useShortcut } from '../../components/shortcuts';
import type { Detail } from './PermitPage';
import { PrintResultForm, type Move } from './PermitForms';

/** A button with its Alt shortcut shown; `primary` marks the next thing to do (it gets the focus). */
function ActionButton({ code, label, onClick, primary, danger }: { code?: string; label: string; onClick: () => void; primary?: boolean; danger?: boolean }) {
  const keys = useShortcut(code ?? '', label, onClick, Boolean(code));
  return (
    <button
      type="button"
      className={`button${primary ? ' button--primary' : ''}${danger ? ' permits-danger' : ''}`}
      data-primary={primary ? true : undefined}
      aria-keyshortcuts={code ? keys : undefined}
      onClick={onClick}
    >
      {label} {code && <Kbd keys={keys} />}
    </button>
  );
}

/**
 * The moves of the permit for the caller's role, the next one first and focused: verify,
 * approve (with one confirmation), issue and print in one go, print, report how the print came
 * out, hand over. Printing opens the system print dialog in place.
 */
export function PermitActions({
  detail: d,
  onMove,
  run,
  setMessage,
  setError,
  reload,
}: {
  detail: Detail;
  onMove: (move: Move) => void;
  run: (fn: () => Promise<unknown>, done?: string) => Promise<void>;
  setMessage: (m: string | null) => void;
  setError: (m: string | null) => void;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const [approving, setApproving] = useState(false);
  const [busy, setBusy] = useState(false);
  const p = d.permit;
  const id = p.id;
  const moves = new Map(d.allowedMoves.map((m) => [m.to, m]));

  const transition = (to: string, extra: Record<string, unknown> = {}) =>
    api('permits.transition', { id, to: to as 'terbit', expectedStatus: p.status, ...extra });

  /**
   * Prints now. An original then asks how it came out (once the page shows the issued permit,
   * so the question can offer the handover); in the desktop app a closed dialog is a failed print.
   */
  const printNow = async (): Promise<boolean> => {
    const file = await api('permits.certificate', { id });
    const outcome = await printInPlace(file);
    if (file.kind === 'salinan') {
      setMessage(t('permits.print.copyPrinted'));
      return false;
    }
    if (outcome.printed === false) {
      await api('permits.printResult', { ids: [id], good: false, note: t('permits.print.cancelledNote') });
      setMessage(t('permits.print.cancelled'));
      return false;
    }
    return true;
  };

  /** Runs an action, then reloads the permit; `true` from the action asks how the print came out. */
  const act = async (fn: Step<boolean>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    let ask = false;
    try {
      ask = (await fn()) === true;
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
    await reload();
    if (ask) setAsking(true);
  };

  const simple = (m: Move) =>
    m.requires.length > 0 || m.requiresForAjib.length > 0 ? onMove(m) : void run(() => transition(m.to), t('permits.detail.moved', { status: m.label }));

  interface Action {
    key: string;
    code?: string;
    label: string;
    primary?: boolean;
    danger?: boolean;
    onClick: () => void;
  }
  const actions: Action[] = [];
  const verify = moves.get('diverifikasi');
  const approve = moves.get('disetujui');
  const issue = moves.get('terbit');
  const handOverMove = moves.get('diserahkan');
  if (verify)
    actions.push({ key: 'verify', code: 'KeyK', label: t('permits.action.verify'), primary: d.turn.action === 'verify', onClick: () => simple(verify) });
  if (approve) actions.push({ key: 'approve', code: 'KeyS', label: t('permits.action.approve'), primary: true, onClick: () => setApproving(true) });
  if (issue) {
    actions.push(
      {
        key: 'issue',
        code: 'KeyT',
        label: t('permits.action.issuePrint'),
        primary: true,
        onClick: () =>
          void act(async () => {
            await transition('terbit');
            return printNow();
          }),
      },
      {
        key: 'issueOnly',
        label: t('permits.action.issueOnly'),
        onClick: () => void run(() => transition('terbit'), t('permits.detail.moved', { status: issue.label })),
      },
    );
  }
  if (d.canReportPrint && d.print.awaitingReport)
    actions.push({ key: 'report', code: 'KeyB', label: t('permits.action.reportPrint'), primary: true, onClick: () => setAsking(true) });
  if (d.canPrint) {
    const original = d.print.nextKind === 'asli';
    actions.push({
      key: 'print',
      code: 'KeyC',
      label: t(original ? 'permits.action.printOriginal' : 'permits.action.printCopy'),
      primary: original,
      onClick: () => void act(printNow),
    });
  }
  // Handed over only once the original is confirmed good: what the applicant takes is the original.
  if (handOverMove && d.print.originalConfirmed) {
    actions.push(
      {
        key: 'handOver',
        code: 'KeyR',
        label: t('permits.action.handOver'),
        primary: true,
        onClick: () => void run(() => transition('diserahkan', { deliveryChannel: 'loket' }), t('permits.detail.moved', { status: handOverMove.label })),
      },
      { key: 'handOverOther', label: t('permits.action.handOverOther'), onClick: () => onMove(handOverMove) },
    );
  }
  for (const m of d.allowedMoves) {
    if (['diverifikasi', 'disetujui', 'terbit', 'diserahkan'].includes(m.to)) continue;
    actions.push({ key: m.to, label: `→ ${m.label}`, danger: m.to === 'ditolak' || m.to === 'dicabut', onClick: () => simple(m) });
  }
  // Only one button is the next step: the first one marked so.
  const primaryKey = actions.find((a) => a.primary)?.key;

  return (
    <section className="permits-card permits-actions">
      <h3>{t('permits.detail.actions')}</h3>
      {actions.length === 0 ? (
        <p className="muted">{t('permits.detail.noActions')}</p>
      ) : (
        <div className="row-actions">
          {actions.map((a) => (
            <ActionButton key={a.key} code={a.code} label={a.label} primary={a.key === primaryKey} danger={a.danger} onClick={a.onClick} />
          ))}
        </div>
      )}
      <Dialog title={t('permits.print.title')} open={asking} onClose={() => setAsking(false)}>
        {asking && (
          <PrintResultForm
            canHandOver={moves.has('diserahkan')}
            busy={busy}
            onGood={(handOver) =>
              void act(async () => {
                await api('permits.printResult', { ids: [id], good: true });
                setAsking(false);
                if (handOver) {
                  await transition('diserahkan', { deliveryChannel: 'loket' });
                  setMessage(t('permits.print.handedOver'));
                } else setMessage(t('permits.print.confirmed'));
              })
            }
            onFailed={(note) =>
              void act(async () => {
                await api('permits.printResult', { ids: [id], good: false, note: note || null });
                setAsking(false);
                setMessage(t('permits.print.failedLogged'));
              })
            }
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={approving}
        title={t('permits.approve.title')}
        confirmLabel={t('permits.approve.confirm')}
        busy={busy}
        onCancel={() => setApproving(false)}
        onConfirm={() =>
          void act(async () => {
            await transition('disetujui');
            setApproving(false);
            // Only reachable from the approve button, which exists only when the move is allowed.
            setMessage(t('permits.detail.moved', { status: approve?.label ?? '' }));
          })
        }
      >
        <p>{t('permits.approve.text', { business: d.business.name, applicant: d.member.fullName })}</p>
        {d.missingRequirements.length > 0 && <p className="field__error">{t('permits.detail.missing', { list: d.missingRequirements.join('; ') })}</p>}
      </ConfirmDialog>
    </section>
  );
}
