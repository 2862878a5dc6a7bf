import { useMemo, useState, type SubmitEvent } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { Output } from '../../app/api';
import { useAction, useApi } from '../../app/data';
import { formatDate, formatRupiah } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useUser } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { SelectField, TextField } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { useForm } from '../../components/useForm';
import { useServerTable } from '../../components/useServerTable';
import { MemberPicker, type MemberOption } from './MemberPicker';
import { parseAmount } from './pdf';
import { RupiahField } from '../../components/RupiahField';
import { groupDigits } from '../../app/format';

type Check = Output<'financing.check'>;
type Referral = Output<'financing.list'>['rows'][number];
type Channel = 'bank_dki' | 'fintech' | 'pegadaian' | 'koperasi';
type Status = 'disetujui' | 'ditolak' | 'dicairkan';
const col = createColumnHelper<Referral>();
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const NEXT: Record<string, Status[]> = { diajukan: ['disetujui', 'ditolak'], disetujui: ['dicairkan', 'ditolak'], ditolak: [], dicairkan: [] };

function ReferralForm({ check, onDone }: { check: Check; onDone: () => void }) {
  const { t } = useI18n();
  const me = useUser();
  const api = useApi();
  const form = useForm({ channel: check.suggestedChannels[0], institution: '', product: '', amount: '', overrideReason: '' });
  const v = form.values;
  const needsOverride = v.channel === 'bank_dki' && !check.bankable;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      const amount = parseAmount(v.amount);
      await api('financing.refer', {
        businessId: check.business.id,
        channel: v.channel,
        institution: v.institution || null,
        product: v.product || null,
        amountRequested: amount ?? 0,
        overrideReason: needsOverride ? v.overrideReason || null : null,
      });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate className="prog-card">
      <h3>{t('f.refer')}</h3>
      <Notice kind="error">{form.error}</Notice>
      <div className="prog-row">
        <SelectField label={t('f.channel')} value={v.channel} error={form.errorOf('channel')} onChange={(e) => form.set('channel', e.target.value as Channel)}>
          {(['bank_dki', 'fintech', 'pegadaian', 'koperasi'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`f.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('f.institution')}
          value={v.institution}
          error={form.errorOf('institution')}
          onChange={(e) => form.set('institution', e.target.value)}
        />
      </div>
      <div className="prog-row">
        <TextField label={t('f.product')} value={v.product} error={form.errorOf('product')} onChange={(e) => form.set('product', e.target.value)} />
        <RupiahField label={t('f.amount')} required value={v.amount} error={form.errorOf('amountRequested')} onChange={(a) => form.set('amount', a)} />
      </div>
      {needsOverride && me.role === 'supervisor' && (
        <TextField
          label={t('f.override')}
          value={v.overrideReason}
          error={form.errorOf('overrideReason')}
          onChange={(e) => form.set('overrideReason', e.target.value)}
        />
      )}
      <button type="submit" className="button button--primary" disabled={form.busy}>
        {t('f.refer')}
      </button>
    </form>
  );
}

function MoveForm({ referral, status, onDone }: { referral: Referral; status: Status; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const form = useForm({
    on: today(),
    amount: status === 'disetujui' ? groupDigits(referral.amountRequested) : status === 'dicairkan' ? groupDigits(referral.amountApproved) : '',
    note: '',
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      const amount = parseAmount(form.values.amount);
      await api('financing.transition', {
        id: referral.id,
        status,
        on: form.values.on,
        amount: status === 'ditolak' || amount === null ? undefined : amount,
        note: form.values.note || null,
      });
      onDone();
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>
        {referral.memberName} · {referral.businessName} · {referral.institution}
      </p>
      <Notice kind="error">{form.error}</Notice>
      <DateField label={t('f.on')} required value={form.values.on} error={form.errorOf('on')} onChange={(v) => form.set('on', v)} />
      {status !== 'ditolak' && (
        <RupiahField label={t('f.moveAmount')} value={form.values.amount} error={form.errorOf('amount')} onChange={(a) => form.set('amount', a)} />
      )}
      <TextField label={t('f.note')} value={form.values.note} error={form.errorOf('note')} onChange={(e) => form.set('note', e.target.value)} />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        {t('common.save')}
      </button>
    </form>
  );
}

export function FinancingTab() {
  const { t } = useI18n();
  const [member, setMember] = useState<MemberOption | null>(null);
  const [businesses, setBusinesses] = useState<{ id: string; name: string }[]>([]);
  const [check, setCheck] = useState<Check | null>(null);
  const api = useApi();
  const lookup = useAction();
  const error = lookup.error;
  const [message, setMessage] = useState<string | null>(null);
  const [moving, setMoving] = useState<{ referral: Referral; status: Status } | null>(null);
  const table = useServerTable({ page: 0, pageSize: 25, sort: 'submittedOn', dir: 'desc', filters: { status: '' } }, 'financing.list', (s, f) => ({
    page: s.page,
    pageSize: s.pageSize,
    sort: s.sort as 'submittedOn',
    dir: s.dir,
    status: (f.status || undefined) as Referral['status'] | undefined,
  }));

  const checkOf = async (businessId: string) => setCheck(await api('financing.check', { businessId }, { read: true }));
  const pickMember = (m: MemberOption) =>
    lookup.run(async () => {
      setMember(m);
      setCheck(null);
      const info = await api('programme.member', { memberId: m.id }, { read: true });
      setBusinesses(info.businesses);
      if (info.businesses.length === 1) await checkOf(info.businesses[0].id);
    });
  const runCheck = (businessId: string) => lookup.run(() => checkOf(businessId));

  const columns = useMemo(
    () => [
      col.accessor('submittedOn', { header: t('f.submitted'), cell: (c) => formatDate(c.getValue()) }),
      col.accessor('memberName', { header: t('g.member'), cell: (c) => <a href={`#/program/anggota/${c.row.original.memberId}`}>{c.getValue()}</a> }),
      col.display({ id: 'business', header: t('g.business'), cell: (c) => c.row.original.businessName }),
      col.display({
        id: 'inst',
        header: t('f.channel'),
        cell: (c) => `${c.row.original.institution}${c.row.original.product ? ` · ${c.row.original.product}` : ''}`,
      }),
      col.accessor('amountRequested', { header: t('f.amount'), cell: (c) => formatRupiah(c.getValue()) }),
      col.display({
        id: 'result',
        header: t('f.approved'),
        cell: (c) => {
          const r = c.row.original;
          return r.amountDisbursed !== null
            ? `${formatRupiah(r.amountDisbursed)} (${formatDate(r.disbursedOn)})`
            : r.amountApproved !== null
              ? formatRupiah(r.amountApproved)
              : '—';
        },
      }),
      col.display({
        id: 'status',
        header: t('f.status'),
        cell: (c) => (
          <>
            <span
              className={`badge ${c.row.original.status === 'dicairkan' ? 'badge--success' : c.row.original.status === 'ditolak' ? 'badge--muted' : 'badge--info'}`}
            >
              {t(`f.status.${c.row.original.status}`)}
            </span>
            {c.row.original.overrideReason && (
              <span className="badge badge--warning" title={c.row.original.overrideReason}>
                !
              </span>
            )}
          </>
        ),
      }),
      col.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (c) => (
          <div className="row-actions">
            {NEXT[c.row.original.status].map((s) => (
              <button key={s} type="button" className="button button--small" onClick={() => setMoving({ referral: c.row.original, status: s })}>
                {t(`f.status.${s}`)}
              </button>
            ))}
          </div>
        ),
      }),
    ],
    [t],
  );

  return (
    <div>
      <div className="prog-columns">
        <div>
          <MemberPicker label={t('f.search')} onPick={(m) => void pickMember(m)} />
          {member && (
            <p>
              <a href={`#/program/anggota/${member.id}`}>{member.fullName}</a> <span className="prog-muted">{member.memberNo}</span>
            </p>
          )}
          {businesses.length > 1 && (
            <SelectField label={t('f.business')} value={check?.business.id ?? ''} onChange={(e) => void runCheck(e.target.value)}>
              <option value="">—</option>
              {businesses.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </SelectField>
          )}
          <Notice kind="error">{error}</Notice>
          <Notice kind="success">{message}</Notice>
        </div>
        {check && (
          <div className="prog-card">
            <h3>
              {t('f.check')}: {check.business.name}
            </h3>
            <ul className="prog-checks">
              {check.checks.map((c) => (
                <li key={c.rule} className={c.met ? 'prog-checks__met' : 'prog-checks__failed'}>
                  <span aria-hidden="true">{c.met ? '✔' : '✘'}</span> <strong>{c.label}</strong> — {c.detail}
                </li>
              ))}
            </ul>
            <Notice kind={check.bankable ? 'success' : 'warning'}>{check.bankable ? t('f.bankable') : t('f.notBankable')}</Notice>
          </div>
        )}
      </div>
      {check && (
        <ReferralForm
          key={check.business.id}
          check={check}
          onDone={() => {
            setMessage(t('f.referred'));
            table.refresh();
          }}
        />
      )}
      <h2>{t('f.referrals')}</h2>
      <div className="filters">
        <select aria-label={t('f.status')} value={table.filters.status} onChange={(e) => table.setFilter('status', e.target.value)}>
          <option value="">
            {t('f.status')}: {t('common.all')}
          </option>
          {(['diajukan', 'disetujui', 'ditolak', 'dicairkan'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`f.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Notice kind="error">{table.error}</Notice>
      <DataTable columns={columns} {...table.tableProps} caption={t('f.referrals')} />
      <Dialog title={moving ? t('f.move', { status: t(`f.status.${moving.status}`) }) : ''} open={moving !== null} onClose={() => setMoving(null)}>
        {moving && (
          <MoveForm
            referral={moving.referral}
            status={moving.status}
            onDone={() => {
              setMoving(null);
              table.refresh();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
