import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import { SetupScreen } from '../features/setup/SetupScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { Notice } from '../components/Notice';
import { createQueryClient, QueryClientProvider, RefreshOnLocaleChange } from './data';
import { UnsavedChangesProvider } from './unsaved';

const queryClient = createQueryClient();

export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RefreshOnLocaleChange />
        <SessionProvider>
          <UnsavedChangesProvider>
            <Phases />
          </UnsavedChangesProvider>
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

/** Until the office is set up, and until someone logs in, nothing else is reachable. */
function Phases() {
  const { state, reload } = useSession();
  const { t } = useI18n();
  switch (state.phase) {
    case 'loading':
      return <div className="splash">{t('common.loading')}</div>;
    case 'unreachable':
      return (
        <div className="splash">
          <Notice kind="error">{state.message}</Notice>
          <button className="button" onClick={() => void reload()}>
            ↻
          </button>
        </div>
      );
    case 'setup':
      return <SetupScreen />;
    case 'login':
      return <LoginScreen officeName={state.officeName} />;
    case 'ready':
      return state.mustChangePassword ? <ChangePasswordScreen forced /> : <Shell />;
  }
}
