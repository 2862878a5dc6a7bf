import { useMemo, useRef, useState } from 'react';
import type { Input, Output } from '../../app/api';
import { errorMessage, fieldErrorsOf, isRefusal, useApi, useApiQuery } from '../../app/data';
import { useI18n } from '../../app/i18n';
import { useUnsavedChanges } from '../../app/unsaved';
import { useFieldErrors } from '../../components/fieldErrors';
import { navigate } from '../../app/router';
import { SelectField } from '../../components/Field';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { setFlash } from '../../components/flash';
import { MemberFields, emptyMember, type BusinessDraft, type MemberDraft } from './MemberForm';

type Profile = Output<'members.get'>;
type RegisterInput = Input<'members.register'>;
type BusinessFieldsInput = Omit<Input<'businesses.add'>, 'memberId'>;

/** Keys the server adds to a conflict's fields to point at the other member; not messages. */
const POINTER_KEYS = new Set(['existingMemberId', 'existingMemberNo']);

function businessInput(b: BusinessDraft, owner: MemberDraft): BusinessFieldsInput {
  return {
    name: b.name,
    legalForm: b.legalForm as BusinessFieldsInput['legalForm'],
    kbliKode: b.kbli?.kode ?? '',
    products: b.products.trim() || null,
    addressStreet: b.sameAddress ? owner.addressStreet : b.addressStreet,
    kelurahanKode: b.sameAddress ? owner.kelurahanKode : b.kelurahanKode,
    postalCode: b.sameAddress ? null : b.postalCode,
    phone: b.phone || null,
    startDate: b.startDate || null,
    placeStatus: (b.placeStatus || null) as BusinessFieldsInput['placeStatus'],
    // Left empty, the amount is sent as missing (null, which the input type does not admit) so
    // that the server names the field.
    capital: b.capital as unknown as number,
    monthlyTurnover: b.monthlyTurnover as unknown as number,
    employees: b.employees === '' ? 0 : Number(b.employees),
    npwp: b.npwp || null,
    nib: b.nib || null,
    halalStatus: b.halalStatus as BusinessFieldsInput['halalStatus'],
    pirtStatus: b.pirtStatus as BusinessFieldsInput['pirtStatus'],
  };
}

function memberInput(v: MemberDraft) {
  return {
    kk: v.kk,
    fullName: v.fullName,
    birthPlace: v.birthPlace.trim() || null,
    birthDate: v.birthDate,
    gender: v.gender as RegisterInput['gender'],
    education: (v.education || null) as RegisterInput['education'],
    addressStreet: v.addressStreet,
    rt: v.rt,
    rw: v.rw,
    kelurahanKode: v.kelurahanKode,
    phone: v.phone,
    email: v.email,
    targetGroup: v.targetGroup as RegisterInput['targetGroup'],
    skpd: v.skpd as RegisterInput['skpd'],
    pendampingId: v.pendampingId || null,
  };
}

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const sameIdentity = (p: Profile | null, v: MemberDraft) => !!p && p.birthDate === v.birthDate && nameKey(p.fullName) === nameKey(v.fullName);

/** A stored member as the form's draft. NIK and KK stay empty: they are kept unless retyped. */
function draftOf(p: Profile): MemberDraft {
  return {
    nik: '',
    kk: '',
    fullName: p.fullName,
    birthPlace: p.birthPlace ?? '',
    birthDate: p.birthDate,
    gender: p.gender,
    education: p.education ?? '',
    addressStreet: p.addressStreet,
    rt: p.rt ?? '',
    rw: p.rw ?? '',
    kelurahanKode: p.kelurahanKode,
    phone: p.phone ?? '',
    email: p.email ?? '',
    targetGroup: p.targetGroup,
    skpd: p.skpd,
    pendampingId: p.pendampingId ?? '',
    status: p.status,
    businesses: p.businesses.map((b) => ({
      id: b.id,
      name: b.name,
      legalForm: b.legalForm,
      kbli: { kode: b.kbliKode, judul: b.kbliJudul ?? '' },
      products: b.products ?? '',
      sameAddress: b.addressStreet === p.addressStreet && b.kelurahanKode === p.kelurahanKode,
      addressStreet: b.addressStreet,
      kelurahanKode: b.kelurahanKode,
      postalCode: b.postalCode ?? '',
      phone: b.phone ?? '',
      startDate: b.startDate ?? '',
      placeStatus: b.placeStatus ?? '',
      capital: b.capital,
      monthlyTurnover: b.monthlyTurnover,
      employees: String(b.employees),
      npwp: b.npwp ?? '',
      nib: b.nib ?? '',
      halalStatus: b.halalStatus,
      pirtStatus: b.pirtStatus,
      status: b.status,
    })),
  };
}

/**
 * Registration (memberId null) and edit of a member with the same fields and checks. Enter
 * anywhere in the form saves; the server's messages appear beside their fields.
 */
export function MemberEditor({ memberId }: { memberId: string | null }) {
  const { t } = useI18n();
  const api = useApi();
  const query = useApiQuery('members.get', { id: memberId ?? '' }, { enabled: !!memberId });
  const profile: Profile | null = query.data ?? null;
  const initial = useMemo(() => (profile ? draftOf(profile) : emptyMember()), [profile]);
  // What was typed, for the member it was typed for: another member starts from its own record.
  const [edit, setEdit] = useState<{ memberId: string | null; draft: MemberDraft } | null>(null);
  const edited = edit?.memberId === memberId ? edit.draft : null;
  const setValue = (draft: MemberDraft) => setEdit({ memberId, draft });
  const value = edited ?? initial;
  const loadError = query.error;
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = useFieldErrors(formRef);
  const { errorOf } = fieldErrors;
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? fieldErrors.summary;
  const [existing, setExisting] = useState<{ id: string; no: string } | null>(null);
  const [duplicate, setDuplicate] = useState<{ message: string; id: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Leaving with typed-in data asks first.
  useUnsavedChanges(edited !== null && JSON.stringify(edited) !== JSON.stringify(initial), t('unsaved.form'));

  const onChange = (next: MemberDraft, path: string) => {
    setValue(next);
    if (path === 'nik') setExisting(null);
    // A changed field loses its message; so does the NIK when birth date or gender change.
    fieldErrors.clear(path, ...(path === 'birthDate' || path === 'gender' ? ['nik'] : []));
  };

  const showRefusal = (e: unknown) => {
    const given: Partial<Record<string, string>> = fieldErrorsOf(e);
    if (isRefusal(e, 'conflict') && given.confirmDuplicate) {
      setDuplicate({ message: given.confirmDuplicate, id: given.existingMemberId ?? '' });
      return;
    }
    if (isRefusal(e, 'conflict') && given.existingMemberId) setExisting({ id: given.existingMemberId, no: given.existingMemberNo ?? '' });
    const fields = new Map(Object.entries(fieldErrorsOf(e)).filter(([k]) => !POINTER_KEYS.has(k)));
    // A business at the member's own address has no address fields on screen: its address
    // messages are the member's, already shown at the member's fields.
    value.businesses.forEach((b, i) => {
      if (!b.sameAddress) return;
      for (const [own, member] of [
        ['addressStreet', 'addressStreet'],
        ['kelurahanKode', 'kelurahanKode'],
        ['postalCode', 'postalCode'],
      ] as const) {
        const key = `businesses.${i}.${own}`;
        const message = fields.get(key);
        if (!message) continue;
        if (!fields.get(member)) fields.set(member, message);
        fields.delete(key);
      }
    });
    if (fields.size) fieldErrors.setErrors(Object.fromEntries(fields));
    else setError(errorMessage(e, t));
  };

  const save = async (confirmDuplicate: boolean) => {
    setBusy(true);
    setError(null);
    fieldErrors.setErrors({});
    setDuplicate(null);
    try {
      if (!memberId) {
        const created = await api('members.register', {
          ...memberInput(value),
          nik: value.nik,
          businesses: value.businesses.map((b) => businessInput(b, value)),
          confirmDuplicate,
        });
        setFlash(t('reg.registered', { name: value.fullName.trim(), no: created.memberNo }));
        navigate(`/pendaftaran/anggota/${created.id}`, undefined, { afterSave: true });
        return;
      }
      // The person and every business in one call: a refusal anywhere saves nothing.
      await api('members.save', {
        id: memberId,
        ...memberInput(value),
        ...(value.nik.trim() ? { nik: value.nik } : {}),
        ...(value.kk.trim() ? { kk: value.kk } : {}),
        status: (value.status ?? 'aktif') as 'aktif' | 'nonaktif',
        // The same-person warning was answered when the name and birth date were saved; it is
        // asked again only when one of them changes.
        confirmDuplicate: confirmDuplicate || sameIdentity(profile, value),
        businesses: value.businesses.map((b) => ({
          ...(b.id ? { id: b.id } : {}),
          ...businessInput(b, value),
          status: (b.status ?? 'aktif') as 'aktif' | 'tutup',
        })),
      });
      setFlash(t('reg.saved'));
      navigate(`/pendaftaran/anggota/${memberId}`, undefined, { afterSave: true });
    } catch (e) {
      showRefusal(e);
    } finally {
      setBusy(false);
    }
  };

  if (loadError)
    return (
      <section className="screen">
        <Notice kind="error">{loadError}</Notice>
      </section>
    );
  if (memberId && !profile)
    return (
      <section className="screen">
        <p className="muted">{t('common.loading')}</p>
      </section>
    );

  const back = memberId ? `#/pendaftaran/anggota/${memberId}` : '#/pendaftaran';
  return (
    <section className="screen reg-editor">
      <a className="reg-back" href={back}>
        {memberId ? t('reg.backMember') : t('reg.back')}
      </a>
      <header className="screen__header">
        <h1>{memberId ? `${t('reg.editTitle')}: ${profile?.fullName ?? ''}` : t('reg.newTitle')}</h1>
      </header>
      {!memberId && <p className="muted">{t('reg.newIntro')}</p>}
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <Notice kind="error">{error}</Notice>
        <MemberFields
          value={value}
          onChange={onChange}
          errors={{ errorOf }}
          editing={!!memberId}
          maskedNik={profile?.nikMasked}
          maskedKk={profile?.kkMasked ?? undefined}
          serverScales={profile?.businesses.map((b) => b.scale)}
          nikNote={
            existing && (
              <p className="reg-dup-link">
                {t('reg.dup.nik')}{' '}
                <a href={`#/pendaftaran/anggota/${existing.id}`}>
                  {t('reg.dup.open')}
                  {existing.no ? ` (${existing.no})` : ''}
                </a>
              </p>
            )
          }
        />
        {memberId && (
          <SelectField label={t('reg.f.status')} value={value.status ?? 'aktif'} onChange={(e) => onChange({ ...value, status: e.target.value }, 'status')}>
            <option value="aktif">{t('reg.status.aktif')}</option>
            <option value="nonaktif">{t('reg.status.nonaktif')}</option>
          </SelectField>
        )}
        <div className="actions reg-actions">
          <a className="button" href={back}>
            {t('common.cancel')}
          </a>
          <button className="button button--primary" type="submit" disabled={busy}>
            {busy ? t('common.saving') : memberId ? t('common.save') : t('reg.register')}
          </button>
        </div>
      </form>
      <Dialog title={t('reg.dup.title')} open={duplicate !== null} onClose={() => setDuplicate(null)}>
        {duplicate && (
          <div>
            <p>{duplicate.message}</p>
            <p>
              <a href={`#/pendaftaran/anggota/${duplicate.id}`}>{t('reg.dup.open')}</a>
            </p>
            <p>
              <strong>{t('reg.dup.confirm')}</strong>
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => setDuplicate(null)}>
                {t('common.cancel')}
              </button>
              <button type="button" className="button button--primary" autoFocus onClick={() => void save(true)}>
                {t('reg.dup.saveAnyway')}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}
