import { useCallback, useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { type Input, type Output } from '../../app/api';
import { errorMessage, useApi } from '../../app/data';
import { jakartaToday } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { navigate } from '../../app/router';
import { TextAreaField } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Kbd, useShortcut } from '../../components/shortcuts';
import { useForm } from '../../components/useForm';
import { readNik } from '../registrations';
import { ApplicantField, ApplicantResults, type Applicant, type ApplicantBusiness } from './ApplicantPicker';
import { ApplicationFields, emptyApplication, RequirementChecklist } from './ApplicationFields';
import { focusFirstInvalid, focusNextEmpty, useStepFocus } from './useStepFocus';
import { businessKelurahanOf, emptyWalkIn, WalkInFields, type WalkInDraft } from './WalkInFields';
import { useLatest } from '../../components/useLatest';

type Settings = Output<'permitSettings.get'>;

const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

/**
 * A new IUMK application, keyboard first: the applicant field takes a name, member number or
 * NIK; Enter moves to the next empty required field and finally saves; with every requirement
 * in hand the application is saved and verified at once (Simpan & verifikasi).
 */
export function IntakeForm() {
  const { t } = useI18n();
  const api = useApi();
  const formRef = useRef<HTMLFormElement>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [kelurahans, setKelurahans] = useState<{ kode: string; nama: string }[]>([]);
  const [postalCodes, setPostalCodes] = useState<Map<string, string>>(new Map());
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; results: Applicant[] } | null>(null);
  const [chosen, setChosen] = useState<{ member: Applicant; business: ApplicantBusiness } | null>(null);
  const [walkIn, setWalkIn] = useState<WalkInDraft>(emptyWalkIn);
  const [edited, setEdited] = useState<{ birthDate?: boolean; gender?: boolean }>({});
  const form = useForm(emptyApplication());
  const v = form.values;
  const pendingEnter = useRef(false);
  const verifyRef = useRef(true);
  const today = useMemo(() => jakartaToday(), []);

  // A failed read shows in the form's banner, in the language of the moment.
  const failedLatest = useLatest((e: unknown) => form.setError(errorMessage(e, t)));

  // What the form needs from the office; a failure shows in the form's banner.
  useEffect(() => {
    const failed = (e: unknown) => failedLatest.current(e);
    api('permitSettings.get', {}, { read: true }).then(setSettings, failed);
    api('office.get', {}, { read: true })
      .then((o) => api('regions.list', { parent: o.kecamatanKode, level: 'kelurahan' }, { read: true }))
      .then((list) => setKelurahans(list.map((k) => ({ kode: k.kode, nama: k.nama }))), failed);
    api('office.postalCodes', {}, { read: true }).then(
      (list) => setPostalCodes(new Map(list.flatMap((k) => (k.postalCode ? [[k.kode, k.postalCode] as const] : [])))),
      failed,
    );
  }, [api, failedLatest]);

  const trimmed = query.trim();
  const digits = trimmed.replace(/[\s.-]/g, '');
  const reading = /^\d+$/.test(digits) ? readNik(digits, today) : null;
  const results = found?.query === trimmed ? found.results : null;
  const searching = trimmed.length >= 2 && results === null;
  // A complete, valid NIK that no member has: the applicant is registered on this form.
  const walkInMode = Boolean(reading?.ok) && results !== null && !results.some((r) => r.exactNik);

  const changeQuery = (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) setFound(null);
  };
  useEffect(() => {
    if (trimmed.length < 2) return;
    const handle = setTimeout(() => {
      void api('permits.applicantSearch', { query: trimmed }, { read: true }).then(
        (list) => setFound({ query: trimmed, results: list }),
        (e: unknown) => {
          setFound({ query: trimmed, results: [] });
          failedLatest.current(e);
        },
      );
    }, 200);
    return () => clearTimeout(handle);
  }, [trimmed, api, failedLatest]);

  // Birth date and gender read from the NIK, unless the clerk changed them: taken in while
  // rendering, when the reading changes.
  const readingKey = reading?.ok ? `${reading.birthDate}${reading.gender}` : '';
  const [readingFor, setReadingFor] = useState(readingKey);
  if (readingFor !== readingKey) {
    setReadingFor(readingKey);
    if (reading?.ok)
      setWalkIn((w) => ({ ...w, birthDate: edited.birthDate ? w.birthDate : reading.birthDate, gender: edited.gender ? w.gender : reading.gender }));
  }

  const { onKeyDown, moveOnFrom } = useStepFocus(formRef);

  const choose = (member: Applicant, business: ApplicantBusiness) => {
    setChosen({ member, business });
    moveOnFrom('applicant');
  };

  /** Enter in the applicant field: the only result is taken; a new NIK goes on to the walk-in fields. */
  const applicantEnter = useCallback((): boolean => {
    if (results === null) {
      pendingEnter.current = trimmed.length >= 2;
      return true;
    }
    if (walkInMode) {
      focusNextEmpty(formRef.current, 'applicant');
      return true;
    }
    if (results.length === 1 && results[0].businesses.length === 1) {
      choose(results[0], results[0].businesses[0]);
      return true;
    }
    formRef.current?.querySelector<HTMLElement>('[data-business]')?.focus();
    return true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results, walkInMode, trimmed]);

  useEffect(() => {
    if (results !== null && pendingEnter.current) {
      pendingEnter.current = false;
      applicantEnter();
    }
  }, [results, applicantEnter]);

  // After a refusal, the first field to fix gets the focus.
  useEffect(() => {
    if (Object.keys(form.fieldErrors).length) focusFirstInvalid(formRef.current);
  }, [form.fieldErrors]);

  const requirements = (settings?.requirements ?? []).filter((r) => r.appliesTo === 'semua' || r.appliesTo === v.category);
  const ticked = v.requirements.filter((c) => requirements.some((r) => r.code === c));
  const complete = requirements.length > 0 && requirements.every((r) => ticked.includes(r.code));
  const postalDefault = postalCodes.get(businessKelurahanOf(walkIn)) ?? null;

  const setWalk = (patch: Partial<WalkInDraft>, field: keyof WalkInDraft) => {
    if (field === 'birthDate' || field === 'gender') setEdited((e) => ({ ...e, [field]: true }));
    setWalkIn((w) => ({ ...w, ...patch }));
    form.setFieldErrors((f) => {
      const key = `walkIn.${field === 'kbli' ? 'kbliKode' : field}`;
      if (!f[key]) return f;
      const { [key]: _, ...rest } = f;
      return rest;
    });
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const verify = verifyRef.current && complete;
    verifyRef.current = true;
    void form.submit(async () => {
      const input: Input<'permits.create'> = {
        channel: v.channel as 'loket',
        category: v.category as 'binaan',
        categoryRef: v.categoryRef || null,
        locationType: v.locationType as 'menetap',
        floorAreaM2: v.locationType === 'berkeliling' ? null : num(v.floorAreaM2),
        plotAreaM2: v.locationType === 'rumah' ? num(v.plotAreaM2) : null,
        atDesignatedLocation: v.locationType === 'berkeliling' ? v.atDesignatedLocation : null,
        zone: (v.zone || null) as 'permukiman',
        facility: v.facility || null,
        note: v.note || null,
        requirements: ticked,
        verify,
      };
      if (walkInMode) {
        const postal = walkIn.postalCode ?? postalDefault ?? '';
        input.walkIn = {
          nik: digits,
          fullName: walkIn.fullName,
          birthDate: walkIn.birthDate,
          gender: (walkIn.gender || undefined) as 'L',
          addressStreet: walkIn.addressStreet,
          kelurahanKode: walkIn.kelurahanKode,
          phone: walkIn.phone,
          businessName: walkIn.businessName,
          kbliKode: walkIn.kbli?.kode ?? '',
          // Empty amounts go as null so the server names the field.
          capital: walkIn.capital as unknown as number,
          monthlyTurnover: walkIn.monthlyTurnover ?? 0,
          businessAddress: walkIn.sameAddress ? null : walkIn.businessAddress || null,
          businessKelurahanKode: walkIn.sameAddress ? null : walkIn.businessKelurahanKode || null,
          postalCode: postal || null,
        };
      } else {
        input.memberId = chosen?.member.id ?? null;
        input.businessId = chosen?.business.id ?? null;
      }
      const created = await api('permits.create', input);
      navigate(`/perizinan/izin/${created.id}`, { baru: created.status === 'diverifikasi' ? 'verified' : 1 });
    });
  };

  const saveKey = useShortcut('KeyS', t('permits.new.submitShortcut'), () => formRef.current?.requestSubmit());
  const applicantError = form.errorOf('memberId', 'businessId', 'walkIn.nik');

  return (
    <form
      className="permits-form"
      ref={formRef}
      onSubmit={submit}
      onKeyDown={(e) => onKeyDown(e, (target) => (target.dataset.search !== undefined ? applicantEnter() : false))}
      noValidate
    >
      <p className="muted">{t('permits.new.intro')}</p>
      <Notice kind="error">{form.error}</Notice>
      <fieldset>
        <legend>{t('permits.new.applicant')}</legend>
        <div data-step="applicant" data-empty={chosen || walkInMode ? 'false' : 'true'}>
          <ApplicantField
            value={query}
            onChange={(q) => {
              changeQuery(q);
              setChosen(null);
              form.setFieldErrors({});
            }}
            reading={reading}
            walkIn={walkInMode}
            searching={searching}
            error={applicantError}
          />
        </div>
        {results && !walkInMode && trimmed.length >= 2 && (
          <ApplicantResults results={results} chosenBusinessId={chosen?.business.id ?? null} onChoose={choose} />
        )}
        {chosen && (
          <Notice kind={chosen.business.inArea ? 'info' : 'warning'}>
            {chosen.member.fullName} · {chosen.business.name} · Kel. {chosen.business.kelurahan}
            {!chosen.business.inArea && ` — ${t('permits.new.outOfAreaLong', { kecamatan: chosen.business.kecamatan })}`}
          </Notice>
        )}
        {walkInMode && (
          <>
            <p className="permits-small">{t('permits.new.walkInIntro')}</p>
            <WalkInFields
              value={walkIn}
              onChange={setWalk}
              kelurahans={kelurahans}
              defaultPostalCode={postalDefault}
              errorOf={(f) => form.errorOf(f)}
              onKbliPicked={() => moveOnFrom('kbli')}
            />
          </>
        )}
      </fieldset>
      <ApplicationFields value={v} set={form.set} zones={settings?.zones ?? {}} errorOf={form.errorOf} />
      <fieldset>
        <legend>{t('permits.new.requirements')}</legend>
        <RequirementChecklist
          requirements={requirements}
          ticked={ticked}
          onChange={(codes) => form.set('requirements', codes)}
          error={form.errorOf('requirements')}
        />
        <TextAreaField label={t('permits.field.note')} value={v.note} onChange={(e) => form.set('note', e.target.value)} rows={2} />
      </fieldset>
      <div className="actions">
        {complete && (
          <button type="submit" className="button" disabled={form.busy} onClick={() => (verifyRef.current = false)}>
            {t('permits.new.submitOnly')}
          </button>
        )}
        <button type="submit" data-submit className="button button--primary" disabled={form.busy} aria-keyshortcuts={saveKey}>
          {complete ? t('permits.new.submitVerify') : t('permits.new.submit')} <Kbd keys={saveKey} />
        </button>
      </div>
    </form>
  );
}
