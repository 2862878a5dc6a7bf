import { useState } from 'react';
import type { Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { HistoryTable } from './HistoryTable';
import { formatDate, formatNumber, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { CheckField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { formatShortDate } from './display';
import { jakartaToday } from '../../app/format';
import { useFlash } from '../../components/flash';
import { MemberOrders } from '../orders';
import { MemberPermits } from '../permits';
import { type EDUCATIONS } from './reference';
import { SubmitActions } from '../../components/SubmitActions';

type Education = (typeof EDUCATIONS)[number];

type Profile = Output<'members.get'>;
type Business = Profile['businesses'][number];
/** Null when none was recorded yet (the server's `history[0] ?? null`, which its type does not say). */
const latestConditionOf = (b: Business): Business['conditions'][number] | null => b.latestCondition;
type Stage = Profile['stages'][number];

/** One member: profile, businesses with their dated conditions, the 7P checklist, history. */
export function MemberPage({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const canEdit = can('members.update');
  const [flash, setFlash] = useFlash();
  const api = useApi();
  const profileQuery = useApiQuery('members.get', { id: memberId });
  const historyQuery = useApiQuery('members.history', { id: memberId, limit: 50 });
  const profile: Profile | null = profileQuery.data ?? null;
  const history = historyQuery.data ?? [];
  const revealing = useAction();
  const error = revealing.error ?? profileQuery.error ?? historyQuery.error;
  const [revealed, setRevealed] = useState<Output<'members.revealNik'> | null>(null);
  const [conditionFor, setConditionFor] = useState<Business | null>(null);
  const [stageFor, setStageFor] = useState<Stage | null>(null);

  const reveal = async () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    // The reveal is itself a change in the trail: the history reloads with it.
    await revealing.run(async () => setRevealed(await api('members.revealNik', { id: memberId })));
  };

  if (!profile)
    return (
      <section className="screen">
        <a className="reg-back" href="#/pendaftaran">
          {t('reg.back')}
        </a>
        {error ? <Notice kind="error">{error}</Notice> : <p className="muted">{t('common.loading')}</p>}
      </section>
    );

  const p = profile;
  const address = [
    p.addressStreet,
    p.rt || p.rw ? `RT ${p.rt ?? '—'}/RW ${p.rw ?? '—'}` : null,
    p.kelurahanNama ? `Kel. ${p.kelurahanNama}` : null,
    p.kecamatanNama ? `Kec. ${p.kecamatanNama}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <section className="screen reg-member">
      <a className="reg-back" href="#/pendaftaran">
        {t('reg.back')}
      </a>
      <header className="screen__header">
        <div>
          <h1>{p.fullName}</h1>
          <div className="muted">
            {t('reg.m.memberNo')} <span className="reg-mono">{p.memberNo}</span> · {t('reg.m.registeredOn')} {formatDate(p.registeredOn)}{' '}
            <span className={`badge ${p.status === 'aktif' ? 'badge--success' : 'badge--muted'}`}>{t(`reg.status.${p.status}`)}</span>
          </div>
        </div>
        {canEdit && (
          <a className="button button--primary" href={`#/pendaftaran/anggota/${p.id}/ubah`}>
            {t('reg.m.edit')}
          </a>
        )}
      </header>
      <Notice kind="success">{flash}</Notice>
      <Notice kind="error">{error}</Notice>

      <div className="reg-panels">
        <section className="reg-panel" aria-labelledby="reg-profile">
          <h2 id="reg-profile">{t('reg.m.profile')}</h2>
          <dl className="reg-dl">
            <dt>{t('reg.f.nik')}</dt>
            <dd>
              <span className="reg-mono" data-testid="nik">
                {revealed ? revealed.nik : p.nikMasked}
              </span>{' '}
              {p.canRevealNik && (
                <button type="button" className="button button--small" onClick={() => void reveal()} title={t('reg.m.revealNote')}>
                  {revealed ? t('reg.m.hide') : t('reg.m.reveal')}
                </button>
              )}
            </dd>
            <dt>{t('reg.f.kk')}</dt>
            <dd className="reg-mono">{revealed ? (revealed.kk ?? '—') : (p.kkMasked ?? '—')}</dd>
            <dt>{t('reg.m.born')}</dt>
            <dd>
              {p.birthPlace ? `${p.birthPlace}, ` : ''}
              {formatDate(p.birthDate)} · {t(`reg.gender.${p.gender}`)}
            </dd>
            <dt>{t('reg.f.education')}</dt>
            <dd>{p.education ? t(`reg.edu.${p.education as Education}`) : '—'}</dd>
            <dt>{t('reg.m.address')}</dt>
            <dd>{address}</dd>
            <dt>{t('reg.m.contact')}</dt>
            <dd>{[p.phone, p.email].filter(Boolean).join(' · ') || '—'}</dd>
            <dt>{t('reg.f.targetGroup')}</dt>
            <dd>{t(`reg.tg.${p.targetGroup}`)}</dd>
            <dt>{t('reg.f.skpd')}</dt>
            <dd>{t(`reg.skpd.${p.skpd}`)}</dd>
            <dt>{t('reg.f.pendamping')}</dt>
            <dd>{p.pendampingNama ?? '—'}</dd>
          </dl>
        </section>

        <section className="reg-panel" aria-labelledby="reg-stages">
          <h2 id="reg-stages">{t('reg.m.stages')}</h2>
          <table className="table reg-stage-table">
            <thead>
              <tr>
                <th>{t('reg.s.stage')}</th>
                <th>{t('reg.s.status')}</th>
                <th>{t('reg.s.evidenceBy')}</th>
                {canEdit && <th aria-label={t('common.actions')} />}
              </tr>
            </thead>
            <tbody>
              {p.stages.map((s) => (
                <tr key={s.code}>
                  <td>
                    <strong>{s.code}</strong> {s.label}
                  </td>
                  <td>
                    <span className={`badge ${s.status === 'selesai' ? 'badge--success' : s.status === 'proses' ? 'badge--warning' : 'badge--muted'}`}>
                      {t(s.status === 'selesai' ? 'reg.s.done' : s.status === 'proses' ? 'reg.s.inProgress' : 'reg.s.notYet')}
                    </span>
                    {s.completedOn && <div className="reg-small reg-nowrap">{formatShortDate(s.completedOn)}</div>}
                  </td>
                  <td className="reg-evidence">
                    <div className="reg-evidence__text" title={s.evidence ?? undefined}>
                      {s.evidence ?? '—'}
                    </div>
                    {(Boolean(s.recordedByName) || (Boolean(s.source) && s.source !== 'manual')) && (
                      <div className="reg-small">{t('reg.s.byName', { name: s.recordedByName ?? s.source ?? '' })}</div>
                    )}
                  </td>
                  {canEdit && (
                    <td>
                      {s.status !== 'selesai' && (
                        <button type="button" className="button button--small" onClick={() => setStageFor(s)}>
                          {t('reg.s.record')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section className="reg-panel" aria-labelledby="reg-businesses">
        <h2 id="reg-businesses">{t('reg.m.businesses')}</h2>
        {p.businesses.length === 0 && <p className="muted">{t('reg.m.noBusiness')}</p>}
        {p.businesses.map((b) => (
          <BusinessCard key={b.id} business={b} revealedNpwp={revealed?.npwp[b.id]} canEdit={canEdit} onRecord={() => setConditionFor(b)} />
        ))}
      </section>

      <section className="reg-panel" aria-labelledby="reg-permits">
        <h2 id="reg-permits">{t('nav.permits')}</h2>
        <MemberPermits memberId={p.id} />
      </section>

      <div className="reg-panel">
        <MemberOrders memberId={p.id} />
      </div>

      <section className="reg-panel" aria-labelledby="reg-history">
        <h2 id="reg-history">{t('reg.m.history')}</h2>
        {history.length === 0 ? <p className="muted">{t('reg.m.noHistory')}</p> : <HistoryTable entries={history} />}
      </section>

      <Dialog title={conditionFor ? `${t('reg.m.addCondition')}: ${conditionFor.name}` : ''} open={conditionFor !== null} onClose={() => setConditionFor(null)}>
        {conditionFor && (
          <ConditionForm
            business={conditionFor}
            onDone={() => {
              setConditionFor(null);
              setFlash(t('reg.c.saved'));
            }}
          />
        )}
      </Dialog>
      <Dialog
        title={stageFor ? t('reg.s.recordTitle', { stage: `${stageFor.code} ${stageFor.label}` }) : ''}
        open={stageFor !== null}
        onClose={() => setStageFor(null)}
      >
        {stageFor && (
          <StageForm
            memberId={p.id}
            stage={stageFor}
            onDone={() => {
              setFlash(t('reg.s.saved', { stage: stageFor.code }));
              setStageFor(null);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

function BusinessCard({ business: b, revealedNpwp, canEdit, onRecord }: { business: Business; revealedNpwp?: string; canEdit: boolean; onRecord: () => void }) {
  const { t } = useI18n();
  const c = latestConditionOf(b);
  const yesNo = (v: boolean | null) => (v === null ? t('reg.c.unknown') : v ? t('common.yes') : t('common.no'));
  const digital = c
    ? (
        [
          ['sellsOnline', 'reg.c.sellsOnline'],
          ['marketplace', 'reg.c.marketplace'],
          ['socialMedia', 'reg.c.socialMedia'],
          ['qris', 'reg.c.qris'],
          ['eorder', 'reg.c.eorder'],
          ['bookkeepingApp', 'reg.c.bookkeeping'],
        ] as const
      ).filter(([k]) => c[k])
    : [];
  return (
    <article className="reg-business-card">
      <header className="reg-business-card__head">
        <h3>
          {b.name} <span className={`badge reg-scale--${b.scale}`}>{t(`reg.scale.${b.scale}`)}</span>
          {b.status === 'tutup' && <span className="badge badge--muted">{t('reg.status.tutup')}</span>}
        </h3>
        {canEdit && (
          <button type="button" className="button button--small" onClick={onRecord}>
            {t('reg.m.addCondition')}
          </button>
        )}
      </header>
      <dl className="reg-dl reg-dl--cols">
        <dt>{t('reg.b.kbli')}</dt>
        <dd>
          <span className="reg-mono">{b.kbliKode}</span> {b.kbliJudul}
        </dd>
        <dt>{t('reg.b.legalForm')}</dt>
        <dd>{t(`reg.lf.${b.legalForm}`)}</dd>
        <dt>{t('reg.b.products')}</dt>
        <dd>{b.products ?? '—'}</dd>
        <dt>{t('reg.b.street')}</dt>
        <dd>
          {b.addressStreet}
          {b.kelurahanNama ? `, Kel. ${b.kelurahanNama}` : ''}
          {b.postalCode ? ` ${b.postalCode}` : ''}
        </dd>
        <dt>{t('reg.b.capital')}</dt>
        <dd>{formatRupiah(b.capital)}</dd>
        <dt>{t('reg.b.turnover')}</dt>
        <dd>{formatRupiah(b.monthlyTurnover)}</dd>
        <dt>{t('reg.b.employees')}</dt>
        <dd>{formatNumber(b.employees)}</dd>
        <dt>{t('reg.b.startDate')}</dt>
        <dd>{b.startDate ? formatDate(b.startDate) : '—'}</dd>
        <dt>{t('reg.b.placeStatus')}</dt>
        <dd>{b.placeStatus ? t(`reg.place.${b.placeStatus}`) : '—'}</dd>
        <dt>{t('reg.b.npwp')}</dt>
        <dd className="reg-mono">{revealedNpwp ?? b.npwp ?? '—'}</dd>
        <dt>{t('reg.b.nib')}</dt>
        <dd className="reg-mono">{b.nib ?? '—'}</dd>
        <dt>{t('reg.b.halal')}</dt>
        <dd>{t(`reg.halal.${b.halalStatus}`)}</dd>
        <dt>{t('reg.b.pirt')}</dt>
        <dd>{t(`reg.pirt.${b.pirtStatus}`)}</dd>
      </dl>
      <h4>{t('reg.m.conditions')}</h4>
      {b.conditions.length === 0 ? (
        <p className="muted">{t('reg.m.noConditions')}</p>
      ) : (
        <>
          <p className="reg-condition-now">
            {t('reg.c.digital')}:{' '}
            {digital.length ? (
              digital.map(([k, label]) => (
                <span key={k} className="badge badge--info">
                  {t(label)}
                </span>
              ))
            ) : (
              <span className="muted">—</span>
            )}
          </p>
          <table className="table reg-condition-table">
            <thead>
              <tr>
                <th>{t('reg.c.recordedOn')}</th>
                <th>{t('reg.c.closed')}</th>
                <th>{t('reg.c.loanTrouble')}</th>
                <th>{t('reg.c.drop')}</th>
                <th>{t('reg.c.recovered')}</th>
                <th>{t('reg.c.digital')}</th>
                <th>{t('reg.c.note')}</th>
              </tr>
            </thead>
            <tbody>
              {b.conditions.map((x) => (
                <tr key={x.id}>
                  <td className="reg-nowrap">{formatShortDate(x.recordedOn)}</td>
                  <td>{yesNo(x.closedTemporarily)}</td>
                  <td>{yesNo(x.loanTrouble)}</td>
                  <td>{x.turnoverDropPct === null ? '—' : `${x.turnoverDropPct}%`}</td>
                  <td>{yesNo(x.recovered)}</td>
                  <td>{[x.sellsOnline, x.marketplace, x.socialMedia, x.qris, x.eorder, x.bookkeepingApp].filter(Boolean).length} / 6</td>
                  <td className="reg-clip">{x.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}

type TriState = '' | 'ya' | 'tidak';
const tri = (v: TriState) => (v === '' ? null : v === 'ya');

interface ConditionDraft {
  recordedOn: string;
  closedTemporarily: TriState;
  loanTrouble: TriState;
  turnoverDropPct: string;
  recovered: TriState;
  sellsOnline: boolean;
  marketplace: boolean;
  socialMedia: boolean;
  qris: boolean;
  eorder: boolean;
  bookkeepingApp: boolean;
  note: string;
}

function ConditionForm({ business, onDone }: { business: Business; onDone: () => void }) {
  const { t } = useI18n();
  const last = latestConditionOf(business);
  const api = useApi();
  const f = useForm<ConditionDraft>({
    recordedOn: jakartaToday(),
    closedTemporarily: '',
    loanTrouble: '',
    turnoverDropPct: '',
    recovered: '',
    // Digital channels rarely go away: start from the last record.
    sellsOnline: last?.sellsOnline ?? false,
    marketplace: last?.marketplace ?? false,
    socialMedia: last?.socialMedia ?? false,
    qris: last?.qris ?? false,
    eorder: last?.eorder ?? false,
    bookkeepingApp: last?.bookkeepingApp ?? false,
    note: '',
  });
  const v = f.values;
  const triSelect = (key: 'closedTemporarily' | 'loanTrouble' | 'recovered', label: string) => (
    <SelectField label={label} value={v[key]} error={f.errorOf(key)} onChange={(e) => f.set(key, e.target.value as TriState)}>
      <option value="">{t('reg.c.unknown')}</option>
      <option value="ya">{t('common.yes')}</option>
      <option value="tidak">{t('common.no')}</option>
    </SelectField>
  );
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api(
        'businesses.recordCondition',
        {
          businessId: business.id,
          recordedOn: v.recordedOn,
          closedTemporarily: tri(v.closedTemporarily),
          loanTrouble: tri(v.loanTrouble),
          turnoverDropPct: v.turnoverDropPct === '' ? null : Number(v.turnoverDropPct),
          recovered: tri(v.recovered),
          sellsOnline: v.sellsOnline,
          marketplace: v.marketplace,
          socialMedia: v.socialMedia,
          qris: v.qris,
          eorder: v.eorder,
          bookkeepingApp: v.bookkeepingApp,
          note: v.note.trim() || null,
        },
        { invalidates: ['members'] },
      );
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <DateField
        label={t('reg.c.recordedOn')}
        required
        autoFocus
        value={v.recordedOn}
        error={f.errorOf('recordedOn')}
        onChange={(v) => f.set('recordedOn', v)}
      />
      <fieldset>
        <legend>{t('reg.c.pandemic')}</legend>
        <div className="grid2">
          {triSelect('closedTemporarily', t('reg.c.closed'))}
          {triSelect('loanTrouble', t('reg.c.loanTrouble'))}
          <TextField
            label={t('reg.c.drop')}
            inputMode="numeric"
            value={v.turnoverDropPct}
            error={f.errorOf('turnoverDropPct')}
            onChange={(e) => f.set('turnoverDropPct', e.target.value.replace(/\D/g, '').slice(0, 3))}
          />
          {triSelect('recovered', t('reg.c.recovered'))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('reg.c.digital')}</legend>
        <div className="grid2">
          <CheckField label={t('reg.c.sellsOnline')} checked={v.sellsOnline} onChange={(e) => f.set('sellsOnline', e.target.checked)} />
          <CheckField label={t('reg.c.marketplace')} checked={v.marketplace} onChange={(e) => f.set('marketplace', e.target.checked)} />
          <CheckField label={t('reg.c.socialMedia')} checked={v.socialMedia} onChange={(e) => f.set('socialMedia', e.target.checked)} />
          <CheckField label={t('reg.c.qris')} checked={v.qris} onChange={(e) => f.set('qris', e.target.checked)} />
          <CheckField label={t('reg.c.eorder')} checked={v.eorder} onChange={(e) => f.set('eorder', e.target.checked)} />
          <CheckField label={t('reg.c.bookkeeping')} checked={v.bookkeepingApp} onChange={(e) => f.set('bookkeepingApp', e.target.checked)} />
        </div>
      </fieldset>
      <TextField label={t('reg.c.note')} value={v.note} error={f.errorOf('note')} onChange={(e) => f.set('note', e.target.value)} />
      <SubmitActions busy={f.busy}>{f.busy ? t('common.saving') : t('common.save')}</SubmitActions>
    </form>
  );
}

function StageForm({ memberId, stage, onDone }: { memberId: string; stage: Stage; onDone: () => void }) {
  const { t } = useI18n();
  const f = useForm({ completedOn: jakartaToday(), evidence: '' });
  const api = useApi();
  const submit = (e: React.SubmitEvent) => {
    e.preventDefault();
    void f.submit(async () => {
      await api(
        'stages.record',
        { memberId, stage: stage.code as 'P2', completedOn: f.values.completedOn, evidence: f.values.evidence },
        { invalidates: ['members', 'programme'] },
      );
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Notice kind="error">{f.error}</Notice>
      <DateField label={t('reg.s.date')} required value={f.values.completedOn} error={f.errorOf('completedOn')} onChange={(v) => f.set('completedOn', v)} />
      <TextAreaField
        label={t('reg.s.evidence')}
        required
        autoFocus
        rows={3}
        hint={t('reg.s.evidenceHint')}
        value={f.values.evidence}
        error={f.errorOf('evidence', 'stage')}
        onChange={(e) => f.set('evidence', e.target.value)}
        onKeyDown={(e) => {
          // Enter saves, as in every form; Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <SubmitActions busy={f.busy}>{t('reg.s.record')}</SubmitActions>
    </form>
  );
}
