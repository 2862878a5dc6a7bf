import { useCallback, useEffect, useRef, useState } from 'react';
import { type Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { formatDate, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useRoute } from '../../app/router';
import { useCan } from '../../app/session';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useShortcut } from '../../components/shortcuts';
import { RequirementChecklist } from './ApplicationFields';
import { SlaBadge, StatusBadge } from './badges';
import { AjibForm, MoveForm, type Move, type MoveInput } from './PermitForms';
import { PermitActions } from './PermitActions';
import { PermitTimeline } from './PermitTimeline';
import { TurnBanner } from './TurnBanner';
import { useLatest } from '../../components/useLatest';

export type Detail = Output<'permits.get'>;

export function PermitPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const can = useCan();
  const { params } = useRoute();
  const [d, setD] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const created = params.get('baru');
  const [message, setMessage] = useState<string | null>(created === 'verified' ? t('permits.new.createdVerified') : created ? t('permits.new.created') : null);
  const [move, setMove] = useState<Move | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [ajibOpen, setAjibOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ nik: string; npwp: string | null } | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const focusAfterLoad = useRef(true);

  const tLatest = useLatest(t);
  const load = useCallback(
    () =>
      api('permits.get', { id }, { read: true }).then(
        (detail) => {
          setD(detail);
          setTicked(detail.requirements.filter((r) => r.ticked).map((r) => r.code));
        },
        (e: unknown) => setError(errorMessage(e, tLatest.current)),
      ),
    [api, id, tLatest],
  );
  // Loaded again when the language changes: the server words the detail (requirements, statuses) in the caller's.
  useEffect(() => {
    focusAfterLoad.current = true;
    void load();
  }, [load, locale]);

  // After every load and every action, the focus goes to the next thing to do, never the page top.
  useEffect(() => {
    if (!d || !focusAfterLoad.current) return;
    focusAfterLoad.current = false;
    const root = pageRef.current;
    const target = root?.querySelector<HTMLElement>('[data-primary]') ?? document.querySelector<HTMLElement>('[data-next-work]');
    target?.focus();
  }, [d]);

  const reload = async () => {
    focusAfterLoad.current = true;
    await load();
  };

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      if (done) setMessage(done);
    } catch (e) {
      setError(errorMessage(e, t));
    }
    await reload();
  };

  const reveal = async () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    try {
      setRevealed(await api('permits.revealNik', { id }));
    } catch (e) {
      setError(errorMessage(e, t));
    }
  };

  const saveRequirements = () => run(() => api('permits.updateRequirements', { id, requirements: ticked }), t('common.saved'));
  const reqKey = useShortcut('KeyP', t('permits.detail.saveRequirements'), () => void saveRequirements(), Boolean(d?.canEditRequirements));

  if (!d) return <Notice kind={error ? 'error' : 'info'}>{error ?? t('common.loading')}</Notice>;
  const p = d.permit;
  const intakeRole = can('permits.create');

  return (
    <div className="permits-detail" ref={pageRef}>
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
        <div className="permits-detail__next">
          {intakeRole && (
            <a className="button" href="#/perizinan/baru" data-next-work>
              {t('permits.tab.new')}
            </a>
          )}
          <a className="button button--ghost" href="#/" data-next-work={intakeRole ? undefined : true}>
            {t('nav.home')}
          </a>
        </div>
      </header>
      <TurnBanner turn={d.turn} />
      <Notice kind="success">{message}</Notice>
      <Notice kind="error">{error}</Notice>
      {p.status === 'dicabut' && (
        <Notice kind="warning">
          {t(p.revokedKind === 'diganti' ? 'permits.detail.replacedOn' : 'permits.detail.revokedOn', { date: formatDate(p.revokedOn) })}: {p.revokedReason}
        </Notice>
      )}
      {p.status === 'ditolak' && <Notice kind="warning">Ditolak: {p.decisionReason}</Notice>}
      {!d.business.inArea && <Notice kind="warning">{t('permits.detail.outOfArea', { kecamatan: d.business.kecamatan })}</Notice>}

      <div className="permits-columns">
        <div>
          <PermitActions detail={d} onMove={setMove} run={run} setMessage={setMessage} setError={setError} reload={reload} />
          <section className="permits-card">
            <h3>{t('permits.new.applicant')}</h3>
            <dl className="permits-dl">
              <dt>{t('permits.walkin.fullName')}</dt>
              <dd>
                {d.member.fullName} <span className="permits-small">({d.member.memberNo})</span>
              </dd>
              <dt>NIK</dt>
              <dd>
                <span className="permits-mono">{revealed ? revealed.nik : d.member.nik}</span>{' '}
                {d.canRevealNik && (
                  <button type="button" className="button button--small" onClick={() => void reveal()} title={t('reg.m.revealNote')}>
                    {revealed ? t('reg.m.hide') : t('reg.m.reveal')}
                  </button>
                )}
              </dd>
              <dt>{t('permits.walkin.address')}</dt>
              <dd>
                {d.member.addressStreet}, Kel. {d.member.kelurahan}
              </dd>
              <dt>{t('permits.walkin.phone')}</dt>
              <dd>{d.member.phone ?? '—'}</dd>
            </dl>
          </section>
          <section className="permits-card">
            <h3>{t('permits.col.business')}</h3>
            <dl className="permits-dl">
              <dt>{t('permits.walkin.businessName')}</dt>
              <dd>{d.business.name}</dd>
              <dt>KBLI</dt>
              <dd>
                {d.business.kbliKode} {d.business.kbliJudul}
              </dd>
              <dt>{t('permits.walkin.businessAddress')}</dt>
              <dd>
                {d.business.addressStreet}, Kel. {d.business.kelurahan}, Kec. {d.business.kecamatan}
                {d.business.postalCode ? `, ${t('permits.walkin.postalCode')} ${d.business.postalCode}` : ''}
              </dd>
              <dt>{t('permits.walkin.capital')}</dt>
              <dd>
                {formatRupiah(d.business.capital)} · {d.business.scale}
              </dd>
              <dt>NPWP</dt>
              <dd className="permits-mono">{revealed ? (revealed.npwp ?? '—') : (d.business.npwp ?? '—')}</dd>
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
              {p.verificationCode && (
                <>
                  <dt>{t('permits.verify.code')}</dt>
                  <dd className="permits-mono">{p.verificationCode.match(/.{1,4}/g)?.join('-')}</dd>
                </>
              )}
            </dl>
          </section>
          <section className="permits-card">
            <h3>{t('permits.new.requirements')}</h3>
            <RequirementChecklist requirements={d.requirements} ticked={ticked} onChange={setTicked} disabled={!d.canEditRequirements} />
            {d.canEditRequirements && (
              <button type="button" className="button button--small" aria-keyshortcuts={reqKey} onClick={() => void saveRequirements()}>
                {t('permits.detail.saveRequirements')}{' '}
                <kbd className="kbd" aria-hidden="true">
                  {reqKey}
                </kbd>
              </button>
            )}
          </section>
        </div>
        <div>
          <PermitTimeline events={d.events} prints={d.prints} />
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
            onSubmit={async (input: MoveInput) => {
              await api('permits.transition', { id, to: move.to, expectedStatus: p.status, ...input });
              setMove(null);
              setMessage(t('permits.detail.moved', { status: move.label }));
              await reload();
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
              await api('ajib.create', { permitId: id, ...input });
              setAjibOpen(false);
              await reload();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
