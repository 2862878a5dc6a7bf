import { useI18n, type MessageKey } from '../../app/i18n';

/** Screens of features still to come say so plainly instead of pretending. */
export function ComingSoon({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="screen">
      <h1>{t(title)}</h1>
      <p className="notice notice--info">{t('common.comingSoon')}</p>
    </section>
  );
}
