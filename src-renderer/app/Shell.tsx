import { Suspense, useEffect } from 'react';
import { Kbd, ShortcutLayer, useShortcut } from '../components/shortcuts';
import { useI18n, type Locale } from './i18n';
import { navigate, useRoute } from './router';
import { appRoutes } from './routes';
import { useCan, useSession, useUser } from './session';

/** The main window: menu on the left, the screen of the route on the right. */
export function Shell() {
  const { t, locale, setLocale } = useI18n();
  const { state, logout } = useSession();
  const user = useUser();
  const { path } = useRoute();
  const can = useCan();
  const visible = appRoutes.filter((r) => !r.requires || can(r.requires));
  // A screen owns its path and everything below it (#/pendaftaran/anggota/<id>).
  const route = appRoutes.find((r) => r.path === path) ?? appRoutes.find((r) => r.path !== '/' && path.startsWith(`${r.path}/`)) ?? appRoutes[0];
  const allowed = !route.requires || can(route.requires);

  // "/" anywhere outside a text box jumps to the screen's search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key !== '/' || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable) return;
      const search = document.querySelector<HTMLInputElement>('[data-search]');
      if (search) {
        e.preventDefault();
        search.focus();
        search.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const homeKey = useShortcut('KeyH', t('shortcuts.home'), () => navigate('/'));
  const intake = can('permits.create');
  useShortcut('KeyN', t('shortcuts.newPermit'), () => navigate('/perizinan/baru'), intake);
  useShortcut('KeyI', t('shortcuts.permitList'), () => navigate('/perizinan'));
  useShortcut('KeyV', t('shortcuts.verify'), () => navigate('/perizinan/verifikasi'));

  return (
    <div className="shell">
      <ShortcutLayer />
      <nav className="shell__nav" aria-label={t('nav.menu')}>
        <div className="brand">
          <div className="brand__name">{t('app.name')}</div>
          <div className="brand__office">{state.phase === 'ready' ? state.officeName : ''}</div>
        </div>
        <ul>
          {visible.map((r) => (
            <li key={r.path}>
              <a href={`#${r.path}`} aria-current={r.path === route.path ? 'page' : undefined} aria-keyshortcuts={r.path === '/' ? homeKey : undefined}>
                <span className="nav__icon" aria-hidden="true">
                  {r.icon}
                </span>
                {t(r.label)}
                {r.path === '/' && <Kbd keys={homeKey} />}
              </a>
            </li>
          ))}
        </ul>
        <div className="shell__user">
          <div className="shell__user-name">{user.fullName}</div>
          <div className="shell__user-role">{t(`role.${user.role}`)}</div>
          <label className="shell__lang">
            {t('common.language')}{' '}
            <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {/* Each language named in itself, and marked as written in it. */}
              <option value="id" lang="id">
                Bahasa Indonesia
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </label>
          <a href="#/kata-sandi">{t('nav.changePassword')}</a>
          <span className="shell__help">{t('shortcuts.hint')}</span>
          <button type="button" className="button button--ghost" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </nav>
      <main className="shell__main">
        {path === '/kata-sandi' ? (
          <ChangePasswordInline />
        ) : allowed ? (
          <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{route.render()}</Suspense>
        ) : (
          <section className="screen">
            <h1>{t('forbidden.title')}</h1>
            <p className="notice notice--error" role="alert">
              {t('forbidden.text', { role: t(`role.${user.role}`) })}
            </p>
          </section>
        )}
      </main>
    </div>
  );
}

import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
const ChangePasswordInline = () => <ChangePasswordScreen />;
