import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { invoke, type Output } from '../../app/api';
import { formatDate, formatDateTime, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useRoute } from '../../app/router';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { printPdf } from '../../components/files';
import { jakartaToday } from '../../app/format';
import { SlaBadge, StatusBadge } from './badges';

type Detail = Output<'permits.get'>;
type Move = Detail['allowedMoves'][number];

export function PermitPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { params } = useRoute();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(params.get('baru') ? t('permits.new.created') : null);
  const [move, setMove] = useState<Move | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [ajibOpen, setAjibOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      const detail = await invoke('permits.get', { id });
      setD(detail);
      setTicked(detail.requirements.filter((r) => r.ticked).map((r) => r.code));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!d) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;
  const p = d.permit;

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      if (done) setMessage(done);
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const quickMove = (m: Move) => {
    const needsInput = m.requires.length > 0 || m.requiresForAjib.length > 0;
    if (needsInput) setMove(m);
    else void run(() => invoke('permits.transition', { id, to: m.to, expectedStatus: p.status }), t('permits.detail.moved', { status: m.label }));
  };

  const print = () =>
    run(async () => {
      await printPdf(await invoke('permits.certificate', { id }));
    }, t('permits.pdfOpened'));

  return (
    <div className="permits-detail">
      <a className="permits-back" href="#/perizinan">
        {t('permits.detail.back')}
      </a>
      <header className="permits-detail__head">
        <div>
          <h2>
            {d.business.name} <StatusBadge status={p.status} /> {d.sla && <SlaBadge sla={d.sla} status={p.status} />}
          </h2>
          <div className="muted">
            {p.number ? <span className="permits-mono">{p.number}</span> : null}
            {p.issuedOn ? ` · ${formatDate(p.issuedOn)}` : ''}
            {d.sla ? ` · ${t('permits.detail.due', { date: formatDate(d.sla.dueDate) })}` : ''}
            {d.sla && d.sla.pausedWorkingDays > 0 ? ` (${t('permits.detail.paused', { days: d.sla.pausedWorkingDays })})` : ''}
          </div>
        </div>
        {d.canPrint && (
          <button type="button" className="button button--primary" onClick={() => void print()}>
            {p.copiesPrinted > 0 ? t('permits.detail.reprint') : t('permits.detail.print')}
          </button>
        )}
      </header>
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {p.status === 'dicabut' && <Notice kind="warning">Dicabut {formatDate(p.revokedOn)}: {p.revokedReason}</Notice>}
      {p.status === 'ditolak' && <Notice kind="warning">Ditolak: {p.decisionReason}</Notice>}

      <div className="permits-columns">
        <div>
          <section className="permits-card">
            <h3>{t('permits.new.applicant')}</h3>
            <dl className="permits-dl">
              <dt>Nama</dt>
              <dd>
                {d.member.fullName} <span className="permits-small">({d.member.memberNo})</span>
              </dd>
              <dt>NIK</dt>
              <dd className="permits-mono">{d.member.nik}</dd>
              <dt>Alamat</dt>
              <dd>
                {d.member.addressStreet}, Kel. {d.member.kelurahan}
              </dd>
              <dt>Telepon</dt>
              <dd>{d.member.phone ?? '—'}</dd>
            </dl>
          </section>
          <section className="permits-card">
            <h3>{t('permits.col.business')}</h3>
            <dl className="permits-dl">
              <dt>Nama usaha</dt>
              <dd>{d.business.name}</dd>
              <dt>KBLI</dt>
              <dd>
                {d.business.kbliKode} {d.business.kbliJudul}
              </dd>
              <dt>Alamat usaha</dt>
              <dd>
                {d.business.addressStreet}, Kel. {d.business.kelurahan}
              </dd>
              <dt>Modal</dt>
              <dd>
                {formatRupiah(d.business.capital)} · {d.business.scale}
              </dd>
              <dt>NIB</dt>
              <dd>{p.nib ?? '—'}</dd>
            </dl>
          </section>
          <section className="permits-card">
            <h3>{t('permits.new.application')}</h3>
            <dl className="permits-dl">
              <dt>{t('permits.field.channel')}</dt>
              <dd>{t(`permits.channel.${p.channel}`)}</dd>
              <dt>{t('permits.field.category')}</dt>
              <dd>
                {t(`permits.category.${p.category}`)}
                {p.categoryRef ? ` · ${p.categoryRef}` : ''}
              </dd>
              <dt>{t('permits.field.locationType')}</dt>
              <dd>
                {t(`permits.location.${p.locationType}`)}
                {p.floorAreaM2 ? ` · ${String(p.floorAreaM2).replace('.', ',')} m²` : ''}
                {p.plotAreaM2 ? ` (lahan ${String(p.plotAreaM2).replace('.', ',')} m²)` : ''}
                {p.zoneLabel ? ` · ${p.zoneLabel}` : ''}
              </dd>
              <dt>{t('permits.field.facility')}</dt>
              <dd>{p.facility ?? '—'}</dd>
              {p.copiesPrinted > 0 && (
                <>
                  <dt>Cetak</dt>
                  <dd>{t('permits.detail.copies', { n: p.copiesPrinted })}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="permits-card">
            <h3>{t('permits.new.requirements')}</h3>
            {d.requirements.map((r) => (
              <CheckField
                key={r.code}
                label={r.label}
                checked={ticked.includes(r.code)}
                disabled={!d.canEditRequirements}
                onChange={(e) => setTicked((list) => (e.target.checked ? [...list, r.code] : list.filter((c) => c !== r.code)))}
              />
            ))}
            {d.canEditRequirements && (
              <button type="button" className="button button--small" onClick={() => void run(() => invoke('permits.updateRequirements', { id, requirements: ticked }), t('common.saved'))}>
                {t('permits.detail.saveRequirements')}
              </button>
            )}
          </section>
        </div>
        <div>
          <section className="permits-card">
            <h3>{t('permits.detail.actions')}</h3>
            {d.allowedMoves.length === 0 ? (
              <p className="muted">{t('permits.detail.noActions')}</p>
            ) : (
              <div className="row-actions">
                {d.allowedMoves.map((m) => (
                  <button key={m.to} type="button" className={`button${m.to === 'ditolak' || m.to === 'dicabut' ? ' permits-danger' : ' button--primary'}`} onClick={() => quickMove(m)}>
                    → {m.label}
                  </button>
                ))}
              </div>
            )}
          </section>
          <section className="permits-card">
            <h3>{t('permits.detail.timeline')}</h3>
            <ol className="permits-timeline">
              {d.events.map((e) => (
                <li key={e.id}>
                  <div>
                    <StatusBadge status={e.to} /> <span className="permits-small">{formatDateTime(e.at)}</span>
                  </div>
                  <div className="permits-small">
                    {e.byName ?? '—'}
                    {e.byRole ? ` (${e.byRole})` : ''}
                    {e.receiverName ? ` · penerima: ${e.receiverName}` : ''}
                    {e.deliveryChannel ? ` · ${e.deliveryChannel === 'ajib' ? 'AJIB' : 'loket'}` : ''}
                  </div>
                  {e.note && <div>{e.note}</div>}
                </li>
              ))}
            </ol>
          </section>
          <section className="permits-card">
            <h3>{t('permits.detail.ajibTasks')}</h3>
            {d.ajibTasks.length === 0 ? (
              <p className="muted">—</p>
            ) : (
              <ul className="permits-plain">
                {d.ajibTasks.map((task) => (
                  <li key={task.id}>
                    {formatDate(task.planned_date)} · {t(`permits.ajib.kind.${task.kind}`)} · {task.officer_name} · {t(`permits.ajib.status.${task.status}`)}
                    {task.receiver_name ? ` · ${task.receiver_name}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="button button--small" onClick={() => setAjibOpen(true)}>
              {t('permits.detail.addAjib')}
            </button>
          </section>
        </div>
      </div>
      <Dialog title={move ? `→ ${move.label}` : ''} open={move !== null} onClose={() => setMove(null)}>
        {move && (
          <MoveForm
            move={move}
            onSubmit={async (input) => {
              await invoke('permits.transition', { id, to: move.to, expectedStatus: p.status, ...input });
              setMove(null);
              setMessage(t('permits.detail.moved', { status: move.label }));
              await load();
            }}
          />
        )}
      </Dialog>
      <Dialog title={t('permits.detail.addAjib')} open={ajibOpen} onClose={() => setAjibOpen(false)}>
        {ajibOpen && (
          <AjibForm
            defaultAddress={`${d.business.addressStreet}, Kel. ${d.business.kelurahan}`}
            defaultKind={p.status === 'terbit' || p.status === 'disetujui' ? 'delivery' : 'pickup'}
            onSubmit={async (input) => {
              await invoke('ajib.create', { permitId: id, ...input });
              setAjibOpen(false);
              await load();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function MoveForm({ move, onSubmit }: { move: Move; onSubmit(input: { reason?: string | null; receiverName?: string | null; deliveryChannel?: 'loket' | 'ajib' | null }): Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({ reason: '', receiverName: '', deliveryChannel: 'loket' });
  const handover = move.to === 'diserahkan';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(() =>
      onSubmit({
        reason: form.values.reason || null,
        receiverName: form.values.receiverName || null,
        deliveryChannel: handover ? (form.values.deliveryChannel as 'loket') : null,
      }),
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      {handover && (
        <SelectField label={t('permits.detail.deliveryChannel')} value={form.values.deliveryChannel} onChange={(e) => form.set('deliveryChannel', e.target.value)}>
          <option value="loket">Loket</option>
          <option value="ajib">AJIB</option>
        </SelectField>
      )}
      {handover && (
        <TextField label={t('permits.detail.receiver')} value={form.values.receiverName} onChange={(e) => form.set('receiverName', e.target.value)} error={form.errorOf('receiverName')} autoFocus />
      )}
      <TextField
        label={t('permits.detail.reason')}
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.target.value)}
        error={form.errorOf('reason')}
        required={move.requires.includes('reason')}
        autoFocus={!handover}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          → {move.label}
        </button>
      </div>
    </form>
  );
}

function AjibForm({ defaultAddress, defaultKind, onSubmit }: { defaultAddress: string; defaultKind: 'pickup' | 'delivery'; onSubmit(input: { kind: 'pickup' | 'delivery'; officerName: string; address: string; plannedDate: string }): Promise<void> }) {
  const { t } = useI18n();
  const form = useForm({ kind: defaultKind, officerName: '', address: defaultAddress, plannedDate: jakartaToday() });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(() => onSubmit({ ...form.values, kind: form.values.kind as 'pickup' }));
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{form.error}</Notice>
      <SelectField label={t('permits.ajib.kind')} value={form.values.kind} onChange={(e) => form.set('kind', e.target.value as 'pickup')} error={form.errorOf('kind')}>
        <option value="pickup">{t('permits.ajib.kind.pickup')}</option>
        <option value="delivery">{t('permits.ajib.kind.delivery')}</option>
      </SelectField>
      <TextField label={t('permits.ajib.officer')} value={form.values.officerName} onChange={(e) => form.set('officerName', e.target.value)} error={form.errorOf('officerName')} required autoFocus />
      <TextField label={t('permits.ajib.address')} value={form.values.address} onChange={(e) => form.set('address', e.target.value)} error={form.errorOf('address')} required />
      <TextField label={t('permits.ajib.date')} type="date" value={form.values.plannedDate} onChange={(e) => form.set('plannedDate', e.target.value)} error={form.errorOf('plannedDate')} required />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {t('permits.detail.addAjib')}
        </button>
      </div>
    </form>
  );
}
