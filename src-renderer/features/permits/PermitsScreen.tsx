import { useRoute } from '../../app/router';
import { useI18n } from '../../app/i18n';
import { useCan } from '../../app/session';
import { PermitList } from './PermitList';
import { IntakeForm } from './IntakeForm';
import { PermitPage } from './PermitPage';
import { VerifyPage } from './VerifyPage';
import { AjibPage } from './AjibPage';
import { PermitSettingsPage } from './PermitSettingsPage';
import { shortcutText } from '../../components/shortcuts';
import './permits.css';

/** #/perizinan and the pages below it: list, intake, permit page, AJIB, verification, settings. */
export function PermitsScreen() {
  const { t } = useI18n();
  const { path } = useRoute();
  const can = useCan();
  const sub = path.replace(/^\/perizinan\/?/, '');
  // The Alt keys are the shell's (they work from every screen); shown here beside their tabs.
  const tabs: [string, string, boolean, string?][] = [
    ['', t('permits.tab.list'), true, 'KeyI'],
    ['baru', t('permits.tab.new'), can('permits.create'), 'KeyN'],
    ['ajib', t('permits.tab.ajib'), true],
    ['verifikasi', t('permits.tab.verify'), true, 'KeyV'],
    ['pengaturan', t('permits.tab.settings'), true],
  ];
  const current = sub.startsWith('izin/') ? '' : sub;
  let page;
  if (sub.startsWith('izin/')) page = <PermitPage id={decodeURIComponent(sub.slice(5))} />;
  else if (sub === 'baru') page = <IntakeForm />;
  else if (sub === 'ajib') page = <AjibPage />;
  else if (sub === 'verifikasi') page = <VerifyPage />;
  else if (sub === 'pengaturan') page = <PermitSettingsPage />;
  else page = <PermitList />;
  return (
    <section className="screen permits">
      <header className="screen__header">
        <h1>{t('permits.title')}</h1>
      </header>
      <nav className="permits-tabs" aria-label={t('permits.title')}>
        {tabs
          .filter(([, , visible]) => visible)
          .map(([slug, label, , key]) => (
            <a
              key={slug}
              href={`#/perizinan${slug ? `/${slug}` : ''}`}
              aria-current={current === slug ? 'page' : undefined}
              aria-keyshortcuts={key ? shortcutText(key) : undefined}
            >
              {label}
              {key && (
                <kbd className="kbd" aria-hidden="true">
                  {shortcutText(key)}
                </kbd>
              )}
            </a>
          ))}
      </nav>
      {page}
    </section>
  );
}
