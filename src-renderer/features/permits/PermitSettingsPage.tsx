import { useEffect, useState, type SubmitEvent } from 'react';
import { type Output } from '../../app/api';
import { useAction, useApi, useApiQuery } from '../../app/data';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { TextAreaField, TextField } from '../../components/Field';
import { DateField, TimeField } from '../../components/DateField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { useForm } from '../../components/useForm';
import { jakartaToday } from '../../app/format';

type Settings = Output<'permitSettings.get'>['settings'];

const requirementsToText = (list: Settings['requirements']) => list.map((r) => `${r.code} | ${r.label} | ${r.appliesTo}`).join('\n');
function textToRequirements(text: string): Settings['requirements'] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [code = '', label = '', appliesTo = 'semua'] = line.split('|').map((s) => s.trim());
      return { code, label, appliesTo: appliesTo as 'semua' };
    });
}

/** Holidays of a year (admin and supervisor), the permit settings (admin) and the month's on-time share. */
export function PermitSettingsPage() {
  const { t } = useI18n();
  const api = useApi();
  const can = useCan();
  const isAdmin = can('permitSettings.update');
  const canHolidays = can('holidays.save');
  const [year, setYear] = useState(Number(jakartaToday().slice(0, 4)));
  const holidaysQuery = useApiQuery('holidays.list', { year });
  const holidays = holidaysQuery.data ?? [];
  const report = useApiQuery('permits.slaReport', { month: jakartaToday().slice(0, 7) }).data ?? null;
  const settingsQuery = useApiQuery('permitSettings.get', {});
  const [message, setMessage] = useState<string | null>(null);
  const holidayAction = useAction();
  const [removing, setRemoving] = useState<{ date: string; name: string } | null>(null);
  const [removed, setRemoved] = useState<{ date: string; name: string } | null>(null);
  const error = holidayAction.error ?? holidaysQuery.error ?? settingsQuery.error;
  const holidayForm = useForm({ date: '', name: '' });
  const form = useForm({
    slaDays: '1',
    start: '08:00',
    end: '16:00',
    numberTemplate: '',
    classification: '',
    documentTitle: '',
    legalBasis: '',
    requirements: '',
    issuerLine: '',
  });

  const stored = settingsQuery.data?.settings;
  useEffect(() => {
    const s = stored;
    if (s)
      form.setValues({
        slaDays: String(s.slaDays),
        start: s.officeHours.start,
        end: s.officeHours.end,
        numberTemplate: s.numberTemplate,
        classification: s.classification,
        documentTitle: s.documentTitle,
        legalBasis: s.legalBasis,
        requirements: requirementsToText(s.requirements),
        issuerLine: s.issuerLine,
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);

  const addHoliday = (e: SubmitEvent) => {
    e.preventDefault();
    void holidayForm.submit(async () => {
      await api('holidays.save', holidayForm.values, { invalidates: ['permits'] });
      holidayForm.setValues({ date: '', name: '' });
    });
  };
  // A holiday feeds every permit's service time: deleting asks first, and can be undone.
  const removeHoliday = (h: { date: string; name: string }) =>
    holidayAction.run(async () => {
      setRemoving(null);
      setRemoved(null);
      await api('holidays.delete', { date: h.date }, { invalidates: ['permits'] });
      setRemoved(h);
      return t('permits.settings.holidayRemoved', { date: formatDate(h.date), name: h.name });
    });
  const restoreHoliday = (h: { date: string; name: string }) =>
    holidayAction.run(async () => {
      setRemoved(null);
      await api('holidays.save', h, { invalidates: ['permits'] });
      return t('permits.settings.holidayRestored', { date: formatDate(h.date), name: h.name });
    });
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    setMessage(null);
    void form
      .submit(async () => {
        const v = form.values;
        await api('permitSettings.update', {
          slaDays: Number(v.slaDays),
          officeHours: { start: v.start, end: v.end },
          numberTemplate: v.numberTemplate,
          classification: v.classification,
          documentTitle: v.documentTitle,
          legalBasis: v.legalBasis,
          requirements: textToRequirements(v.requirements),
          issuerLine: v.issuerLine,
        });
      })
      .then((ok) => ok && setMessage(t('common.saved')));
  };
  const decided = report ? report.issued + report.rejected : 0;

  return (
    <div className="permits-settings">
      {report && (
        <Notice kind="info">
          {t('permits.settings.report', {
            month: report.month,
            share: report.onTimeShare === null ? '—' : `${Math.round(report.onTimeShare * 100)}%`,
            onTime: report.onTime,
            decided,
          })}
        </Notice>
      )}
      <Notice kind="error">{error}</Notice>
      {holidayAction.message && (
        <Notice kind="success">
          {holidayAction.message}{' '}
          {removed && (
            <button type="button" className="button button--small" disabled={holidayAction.busy} onClick={() => void restoreHoliday(removed)}>
              {t('permits.settings.holidayUndo')}
            </button>
          )}
        </Notice>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('permits.settings.holidayRemoveTitle')}
        confirmLabel={t('permits.settings.holidayRemoveConfirm')}
        busy={holidayAction.busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && void removeHoliday(removing)}
      >
        <p>{removing && t('permits.settings.holidayRemoveText', { date: formatDate(removing.date), name: removing.name })}</p>
      </ConfirmDialog>
      <section className="permits-card">
        <h3>
          {t('permits.settings.holidays', { year })}{' '}
          <button type="button" className="button button--small" onClick={() => setYear(year - 1)}>
            ‹
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setYear(year + 1)}>
            ›
          </button>
        </h3>
        <ul className="permits-plain permits-holidays">
          {holidays.map((h) => (
            <li key={h.date}>
              <span className="permits-nowrap">{formatDate(h.date)}</span> — {h.name}
              {canHolidays && (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('permits.settings.holidayRemove', { date: formatDate(h.date), name: h.name })}
                  onClick={() => setRemoving(h)}
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
        {canHolidays && (
          <form className="permits-inline" onSubmit={addHoliday} noValidate>
            <Notice kind="error">{holidayForm.error}</Notice>
            <DateField
              label={t('permits.settings.holidayDate')}
              value={holidayForm.values.date}
              onChange={(v) => holidayForm.set('date', v)}
              error={holidayForm.errorOf('date')}
            />
            <TextField
              label={t('permits.settings.holidayName')}
              value={holidayForm.values.name}
              onChange={(e) => holidayForm.set('name', e.target.value)}
              error={holidayForm.errorOf('name')}
            />
            <button type="submit" className="button">
              {t('permits.settings.addHoliday')}
            </button>
          </form>
        )}
      </section>
      <section className="permits-card">
        <h3>{t('permits.settings.title')}</h3>
        <Notice kind="success">{message}</Notice>
        <Notice kind="error">{form.error}</Notice>
        <form onSubmit={save} noValidate>
          <fieldset disabled={!isAdmin}>
            <div className="grid3">
              <TextField
                label={t('permits.settings.slaDays')}
                value={form.values.slaDays}
                onChange={(e) => form.set('slaDays', e.target.value)}
                error={form.errorOf('slaDays')}
                inputMode="numeric"
              />
              <TimeField
                label={t('permits.settings.officeStart')}
                value={form.values.start}
                onChange={(h) => form.set('start', h)}
                error={form.errorOf('officeHours.start')}
              />
              <TimeField
                label={t('permits.settings.officeEnd')}
                value={form.values.end}
                onChange={(h) => form.set('end', h)}
                error={form.errorOf('officeHours.end')}
              />
            </div>
            <div className="grid2">
              <TextField
                label={t('permits.settings.template')}
                value={form.values.numberTemplate}
                onChange={(e) => form.set('numberTemplate', e.target.value)}
                error={form.errorOf('numberTemplate')}
              />
              <TextField
                label={t('permits.settings.classification')}
                value={form.values.classification}
                onChange={(e) => form.set('classification', e.target.value)}
                error={form.errorOf('classification')}
              />
            </div>
            <TextField
              label={t('permits.settings.docTitle')}
              value={form.values.documentTitle}
              onChange={(e) => form.set('documentTitle', e.target.value)}
              error={form.errorOf('documentTitle')}
            />
            <TextAreaField
              label={t('permits.settings.legalBasis')}
              rows={4}
              value={form.values.legalBasis}
              onChange={(e) => form.set('legalBasis', e.target.value)}
              error={form.errorOf('legalBasis')}
            />
            <TextAreaField
              label={t('permits.settings.requirements')}
              rows={6}
              value={form.values.requirements}
              onChange={(e) => form.set('requirements', e.target.value)}
              error={Object.entries(form.fieldErrors).find(([k]) => k.startsWith('requirements'))?.[1]}
            />
            {isAdmin && (
              <div className="actions">
                <button type="submit" className="button button--primary" disabled={form.busy}>
                  {t('common.save')}
                </button>
              </div>
            )}
          </fieldset>
        </form>
      </section>
    </div>
  );
}
