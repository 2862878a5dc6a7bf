import { useState } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery, type Action } from '../../app/data';
import { useFlash } from '../../components/flash';
import { hmToDot } from '../../components/dates';
import { formatDate, formatDateTime, formatNumber, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { CheckField, TextAreaField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { StageBadge, stageKey } from './shared';
import { printPdf } from '../../components/files';
import { groupDigits, jakartaToday } from '../../app/format';
import { SubmitActions } from '../../components/SubmitActions';

type Detail = Output<'orders.get'>;
type Assignment = Detail['assignments'][number];
type Item = Detail['items'][number];
type Move = Assignment['moves'][number];

/** One order: its items with the proposal per item, the assignments, their moves and documents. */
export function OrderPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useApiQuery('orders.get', { id });
  const detail: Detail | null = query.data ?? null;
  const api = useApi();
  const action = useAction();
  const [flash] = useFlash();
  const [posted, setMessage] = useState<string | null>(null);
  const message = action.message ?? posted ?? flash;
  const error = action.error ?? query.error;
  /** The assignment whose last move the message reports, with its undo button. */
  const [undoFor, setUndoFor] = useState<string | null>(null);
  const [proposing, setProposing] = useState<string | null>(null);
  const [moving, setMoving] = useState<{ a: Assignment; move: Move } | null>(null);
  const [paying, setPaying] = useState<Assignment | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const act = (fn: Action) => {
    setMessage(null);
    setUndoFor(null);
    return action.run(fn);
  };
  const move = (a: Assignment, m: Move) =>
    act(async () => {
      await api('orders.move', { assignmentId: a.id, to: m.to }, { invalidates: ['members', 'programme'] });
      setUndoFor(a.id);
      return t('orders.moved', { no: a.assignmentNo, status: t(stageKey(m.to)) });
    });
  const undo = (a: Assignment) =>
    act(async () => {
      const r = await api('orders.undoMove', { assignmentId: a.id });
      return t('orders.undone', { no: a.assignmentNo, status: t(stageKey(r.status)) });
    });

  const document = (a: Assignment, kind: 'po' | 'bast' | 'invoice') =>
    act(async () => {
      // Printing a document for the first time records it: a mutation.
      await printPdf(await api('orders.document', { assignmentId: a.id, kind }));
    });

  if (!detail) {
    return (
      <>
        <a href="#/eorder">{t('orders.back')}</a>
        <Notice kind="error">{error}</Notice>
        {!error && <p className="muted">{t('common.loading')}</p>}
      </>
    );
  }
  const { order, buyer, items, assignments } = detail;
  const undoable = undoFor ? assignments.find((a) => a.id === undoFor) : undefined;
  const proposingItem = proposing ? items.find((i) => i.id === proposing) : undefined;
  return (
    <div className="orders-page">
      <a href="#/eorder">{t('orders.back')}</a>
      <header className="screen__header">
        <h1>
          {order.orderNo} <StageBadge stage={order.stage} />
          {order.late && <span className="badge badge--warning">{t('orders.late')}</span>}
        </h1>
        <div className="row-actions">
          {order.amendable && (
            <a className="button" href={`#/eorder/pesanan/${order.id}/ubah`}>
              {t('orders.amend')}
            </a>
          )}
          {order.status === 'baru' && (
            <button
              type="button"
              className="button"
              onClick={() => void act(async () => (await api('orders.confirm', { id: order.id }), t('orders.confirmedDone')))}
            >
              {t('orders.confirm')}
            </button>
          )}
          {order.status !== 'dibatalkan' && assignments.every((a) => ['dipesan', 'dikonfirmasi', 'diproduksi', 'ditolak', 'dibatalkan'].includes(a.status)) && (
            <button type="button" className="button" onClick={() => setCancelling(true)}>
              {t('orders.cancel')}
            </button>
          )}
        </div>
      </header>
      {message && (
        <Notice kind="success">
          {message}{' '}
          {undoable?.undoable && (
            <button type="button" className="button button--small" disabled={action.busy} onClick={() => void undo(undoable)}>
              {t('orders.undo')}
            </button>
          )}
        </Notice>
      )}
      <Notice kind="error">{error}</Notice>
      {order.status === 'dibatalkan' && <Notice kind="warning">{t('orders.cancelled', { reason: order.cancelReason ?? '' })}</Notice>}
      <dl className="orders-facts">
        <div>
          <dt>{t('orders.field.buyer')}</dt>
          <dd>
            {buyer.name}
            {order.buyerUnit && <div className="muted">{order.buyerUnit}</div>}
          </dd>
        </div>
        <div>
          <dt>{t('orders.field.buyerOrderNo')}</dt>
          <dd>{order.buyerOrderNo ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.field.budgetRef')}</dt>
          <dd>{order.budgetRef ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.field.orderDate')}</dt>
          <dd>{formatDate(order.orderDate)}</dd>
        </div>
        <div>
          <dt>{t('orders.field.deliveryDate')}</dt>
          <dd>
            {formatDate(order.deliveryDate)}
            {order.deliveryTime && `, ${hmToDot(order.deliveryTime)}`}
          </dd>
        </div>
        <div>
          <dt>{t('orders.field.deliveryAddress')}</dt>
          <dd>{order.deliveryAddress}</dd>
        </div>
        {order.notes && (
          <div>
            <dt>{t('orders.field.notes')}</dt>
            <dd>{order.notes}</dd>
          </div>
        )}
        <div>
          <dt>{t('orders.col.total')}</dt>
          <dd>
            <strong>{formatRupiah(order.total)}</strong>
          </dd>
        </div>
      </dl>

      <h2>{t('orders.items')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('orders.item.description')}</th>
              <th>{t('orders.item.kind')}</th>
              <th>{t('orders.item.quantity')}</th>
              <th>{t('orders.item.unitPrice')}</th>
              <th>{t('orders.item.amount')}</th>
              <th>{t('orders.item.assigned')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.lineNo}</td>
                <td>{item.description}</td>
                <td>
                  {item.kind ?? '—'}
                  {item.kbliKode && <span className="muted"> · KBLI {item.kbliKode}</span>}
                </td>
                <td>
                  {formatNumber(item.quantity)} {item.unit}
                </td>
                <td className="orders-money">{formatRupiah(item.unitPrice)}</td>
                <td className="orders-money">{formatRupiah(item.amount)}</td>
                <td>
                  {formatNumber(item.assigned)} / {formatNumber(item.quantity)}
                </td>
                <td>
                  {item.remaining > 0 && order.status !== 'dibatalkan' && (
                    <button type="button" className="button button--small button--primary" onClick={() => setProposing(proposing === item.id ? null : item.id)}>
                      {t('orders.propose')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {proposingItem && (
        <Proposal
          item={proposingItem}
          onAssigned={(text) => {
            setProposing(null);
            setMessage(text);
          }}
        />
      )}

      <h2>{t('orders.assignments')}</h2>
      {assignments.length === 0 && <p className="muted">{t('orders.noAssignments')}</p>}
      <div className="orders-assignments">
        {assignments.map((a) => (
          <article key={a.id} className="orders-card" aria-label={a.assignmentNo}>
            <header className="orders-card__head">
              <strong>{a.assignmentNo}</strong> <StageBadge stage={a.status} />
              {a.late && <span className="badge badge--warning">{t('orders.late')}</span>}
              {a.unpaidOverdue && a.deliveredOn && <span className="badge badge--warning">{t('orders.a.unpaid', { days: daysSince(a.deliveredOn) })}</span>}
            </header>
            <div className="orders-card__body">
              <div>
                <div>
                  <strong>{a.businessName}</strong> · {a.ownerName}
                </div>
                <div className="muted">
                  {a.productName} · {formatNumber(a.quantity)} × {formatRupiah(a.unitPrice)} = <strong>{formatRupiah(a.amount)}</strong>
                  {a.invoiceTotal !== a.amount && ` (+PPN: ${formatRupiah(a.invoiceTotal)})`}
                </div>
                {a.overrideReason && <div className="muted">{t('orders.a.override', { reason: a.overrideReason })}</div>}
                {a.paidOn && (
                  <div>{t('orders.a.paid', { amount: formatRupiah(a.paidAmount ?? 0), date: formatDate(a.paidOn), days: a.daysToPayment ?? '—' })}</div>
                )}
              </div>
              <div className="row-actions">
                {a.moves.map((m) =>
                  m.to === 'dibayar' ? (
                    <button key={m.to} type="button" className="button button--small button--primary" onClick={() => setPaying(a)}>
                      {t('orders.pay.title')}
                    </button>
                  ) : (
                    <button
                      key={m.to}
                      type="button"
                      className={`button button--small${m.to === 'ditolak' || m.to === 'dibatalkan' ? '' : ' button--primary'}`}
                      onClick={() => (m.requires.length ? setMoving({ a, move: m }) : void move(a, m))}
                    >
                      {t('orders.move.to', { label: t(stageKey(m.to)) })}
                    </button>
                  ),
                )}
              </div>
              {!['ditolak', 'dibatalkan'].includes(a.status) && (
                <div className="row-actions">
                  <button type="button" className="button button--small" onClick={() => void document(a, 'po')}>
                    {t('orders.doc.po')} (PDF)
                  </button>
                  {!['dipesan', 'dikonfirmasi', 'diproduksi'].includes(a.status) && (
                    <>
                      <button type="button" className="button button--small" onClick={() => void document(a, 'bast')}>
                        {t('orders.doc.bast')} (PDF)
                      </button>
                      <button type="button" className="button button--small" onClick={() => void document(a, 'invoice')}>
                        {t('orders.doc.invoice')} (PDF)
                      </button>
                    </>
                  )}
                </div>
              )}
            </div>
            <details className="orders-history">
              <summary>
                {t('orders.a.history')} ({a.events.length})
              </summary>
              <ol>
                {a.events.map((e) => (
                  <li key={e.id}>
                    {t('orders.event', {
                      at: formatDateTime(e.at),
                      user: e.userName ?? '—',
                      from: e.fromStatus ? t(stageKey(e.fromStatus)) : '—',
                      to: t(stageKey(e.toStatus)),
                    })}
                    {e.reason && <span className="muted"> — {e.reason}</span>}
                  </li>
                ))}
              </ol>
            </details>
          </article>
        ))}
      </div>

      <Dialog title={moving ? t('orders.move.title', { label: t(stageKey(moving.move.to)) }) : ''} open={moving !== null} onClose={() => setMoving(null)}>
        {moving && (
          <MoveForm
            assignment={moving.a}
            move={moving.move}
            onDone={() => {
              setMoving(null);
            }}
          />
        )}
      </Dialog>
      <Dialog title={t('orders.pay.title')} open={paying !== null} onClose={() => setPaying(null)}>
        {paying && (
          <PaymentForm
            assignment={paying}
            onDone={(days) => {
              setPaying(null);
              setMessage(t('orders.pay.done', { days: days ?? '—' }));
            }}
          />
        )}
      </Dialog>
      <Dialog title={t('orders.cancel')} open={cancelling} onClose={() => setCancelling(false)}>
        {cancelling && (
          <CancelForm
            orderId={order.id}
            onDone={() => {
              setCancelling(false);
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function daysSince(date: string) {
  return Math.round((Date.parse(jakartaToday()) - Date.parse(date)) / 86_400_000);
}

/** The ranked candidates for one item; assign all to one, or enter shares to split. */
function Proposal({ item, onAssigned }: { item: Item; onAssigned: (text: string) => void }) {
  const { t } = useI18n();
  const [shares, setShares] = useState<Record<string, string>>({});
  const f = useForm({ overrideReason: '' });
  const api = useApi();
  const proposalQuery = useApiQuery('orders.propose', { itemId: item.id });
  const proposal = proposalQuery.data ?? null;
  const loadError = proposalQuery.error;

  const assign = (parts: { productId: string; quantity: number }[]) =>
    f.submit(async () => {
      const res = await api('orders.assign', { itemId: item.id, parts, overrideReason: f.values.overrideReason || null });
      onAssigned(t('orders.assigned', { list: res.assignments.map((a) => `${a.assignmentNo} ${a.businessName} (${a.quantity})`).join(', ') }));
    });
  const split = Object.entries(shares)
    .map(([productId, q]) => ({ productId, quantity: Number(q) }))
    .filter((p) => p.quantity > 0 || Number.isNaN(p.quantity));
  const splitTotal = split.reduce((s, p) => s + (Number.isFinite(p.quantity) ? p.quantity : 0), 0);
  const partsErrors = Object.entries(f.fieldErrors).filter(([k]) => k.startsWith('parts'));

  return (
    <section className="orders-proposal" aria-label={t('orders.propose')}>
      <Notice kind="error">{loadError ?? f.error}</Notice>
      {!proposal && !loadError && <p className="muted">{t('common.loading')}</p>}
      {proposal && (
        <>
          <h3>{t('orders.proposalFor', { description: item.description, remaining: item.remaining, unit: item.unit, days: proposal.days })}</h3>
          {proposal.candidates.length === 0 ? (
            <p className="muted">{t('orders.proposalEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t('orders.cand.business')}</th>
                    <th>{t('orders.cand.product')}</th>
                    <th>{t('orders.cand.available')}</th>
                    <th>{t('orders.cand.reasons')}</th>
                    <th>{t('orders.cand.quantity')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {proposal.candidates.map((c, i) => (
                    <tr key={c.productId} className={c.enough ? undefined : 'orders-short'}>
                      <td>{i + 1}</td>
                      <td>
                        <strong>{c.businessName}</strong>
                        <div className="muted orders-small">
                          {c.memberName}
                          {c.kelurahanNama && ` · ${c.kelurahanNama}`}
                        </div>
                      </td>
                      <td>
                        {c.productName}
                        <div className="muted orders-small">{formatRupiah(c.unitPrice)}</div>
                      </td>
                      <td>
                        {formatNumber(Math.max(0, c.available))} / {formatNumber(c.capacity)}
                      </td>
                      <td>
                        <ul className="orders-reasons">
                          {c.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        <input
                          aria-label={`${t('orders.cand.quantity')} ${c.businessName}`}
                          inputMode="numeric"
                          size={5}
                          value={shares[c.productId] ?? ''}
                          onChange={(e) => setShares({ ...shares, [c.productId]: e.target.value })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--small button--primary"
                          disabled={f.busy}
                          onClick={() => void assign([{ productId: c.productId, quantity: item.remaining }])}
                        >
                          {t('orders.assignOne')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {partsErrors.length > 0 && (
            <ul className="field__error">
              {partsErrors.map(([k, m]) => (
                <li key={k}>{m}</li>
              ))}
            </ul>
          )}
          <div className="orders-proposal__split">
            <TextField
              label={t('orders.overrideReason')}
              value={f.values.overrideReason}
              error={f.errorOf('overrideReason')}
              onChange={(e) => f.set('overrideReason', e.target.value)}
            />
            <span className={splitTotal === item.remaining ? 'orders-ok' : 'muted'}>
              {t('orders.splitTotal', { total: splitTotal, remaining: item.remaining })}
            </span>
            <button type="button" className="button" disabled={f.busy || split.length === 0} onClick={() => void assign(split)}>
              {t('orders.assignSplit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function MoveForm({ assignment, move, onDone }: { assignment: Assignment; move: Move; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const f = useForm({ reason: '', bastSigned: false, date: jakartaToday() });
  const needsReason = move.requires.includes('reason');
  const needsBast = move.requires.includes('bastSigned');
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api(
        'orders.move',
        {
          assignmentId: assignment.id,
          to: move.to,
          reason: f.values.reason || null,
          ...(needsBast ? { bastSigned: f.values.bastSigned, date: f.values.date } : {}),
        },
        { invalidates: ['members', 'programme'] },
      );
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <p>
        {assignment.assignmentNo} · {assignment.businessName}
      </p>
      {needsBast && (
        <>
          <CheckField label={t('orders.move.bastSigned')} checked={f.values.bastSigned} onChange={(e) => f.set('bastSigned', e.target.checked)} />
          {f.errorOf('bastSigned') && <div className="field__error">{f.errorOf('bastSigned')}</div>}
          <DateField label={t('orders.move.date')} value={f.values.date} error={f.errorOf('date')} onChange={(v) => f.set('date', v)} />
        </>
      )}
      <TextAreaField
        label={t('orders.move.reason')}
        required={needsReason}
        autoFocus={needsReason}
        rows={2}
        value={f.values.reason}
        error={f.errorOf('reason')}
        onChange={(e) => f.set('reason', e.target.value)}
      />
      <SubmitActions busy={f.busy}>{t('orders.move.submit')}</SubmitActions>
    </form>
  );
}

function PaymentForm({ assignment, onDone }: { assignment: Assignment; onDone: (days: number | null) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const f = useForm({ amount: groupDigits(assignment.invoiceTotal), paidOn: jakartaToday(), note: '' });
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      const res = await api('orders.recordPayment', {
        assignmentId: assignment.id,
        amount: Number(f.values.amount.replace(/\./g, '')),
        paidOn: f.values.paidOn,
        note: f.values.note || null,
      });
      onDone(res.daysToPayment);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <p>
        {assignment.assignmentNo} · {assignment.businessName} · {formatRupiah(assignment.invoiceTotal)}
      </p>
      <TextField
        label={t('orders.pay.amount')}
        required
        inputMode="numeric"
        autoFocus
        value={f.values.amount}
        error={f.errorOf('amount')}
        onChange={(e) => f.set('amount', e.target.value)}
      />
      <DateField label={t('orders.pay.date')} required value={f.values.paidOn} error={f.errorOf('paidOn')} onChange={(v) => f.set('paidOn', v)} />
      <TextField label={t('orders.pay.note')} value={f.values.note} error={f.errorOf('note')} onChange={(e) => f.set('note', e.target.value)} />
      <SubmitActions busy={f.busy}>{t('orders.pay.submit')}</SubmitActions>
    </form>
  );
}

function CancelForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const f = useForm({ reason: '' });
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api('orders.cancel', { id: orderId, reason: f.values.reason });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <TextField
        label={t('orders.cancelReason')}
        required
        autoFocus
        value={f.values.reason}
        error={f.errorOf('reason')}
        onChange={(e) => f.set('reason', e.target.value)}
      />
      <SubmitActions busy={f.busy}>{t('orders.cancel')}</SubmitActions>
    </form>
  );
}
