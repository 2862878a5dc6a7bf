import { lazy, type ReactNode } from 'react';
import type { Role } from '../../src-main/core/db/schema';
import type { MessageKey } from './i18n';
import { HomeScreen } from '../features/home/HomeScreen';
import { UsersScreen } from '../features/users/UsersScreen';
import { SettingsScreen } from '../features/office/SettingsScreen';

// The feature screens load when first opened: the counter PC starts without the charting
// library and the other features' code.
const RegistrationsScreen = lazy(() => import('../features/registrations/RegistrationsScreen').then((m) => ({ default: m.RegistrationsScreen })));
const ProgrammeScreen = lazy(() => import('../features/programme/ProgrammeScreen').then((m) => ({ default: m.ProgrammeScreen })));
const PermitsScreen = lazy(() => import('../features/permits/PermitsScreen').then((m) => ({ default: m.PermitsScreen })));
const OrdersScreen = lazy(() => import('../features/orders/OrdersScreen').then((m) => ({ default: m.OrdersScreen })));
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

export interface AppRoute {
  path: string;
  label: MessageKey;
  icon: string;
  /** Roles that see the menu entry and may open the screen; undefined means everyone. */
  roles?: readonly Role[];
  render(): ReactNode;
}

// The main window's menu, in order. A feature adds its screen here.
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: '⌂', render: () => <HomeScreen /> },
  { path: '/pendaftaran', label: 'nav.registrations', icon: '✎', render: () => <RegistrationsScreen /> },
  { path: '/program', label: 'nav.programme', icon: '❼', roles: ['admin', 'supervisor', 'petugas'], render: () => <ProgrammeScreen /> },
  { path: '/perizinan', label: 'nav.permits', icon: '▤', render: () => <PermitsScreen /> },
  { path: '/eorder', label: 'nav.orders', icon: '⇄', roles: ['admin', 'supervisor', 'petugas'], render: () => <OrdersScreen /> },
  { path: '/laporan', label: 'nav.reports', icon: '▦', roles: ['admin', 'supervisor'], render: () => <ReportsScreen /> },
  { path: '/pengguna', label: 'nav.users', icon: '☺', roles: ['admin', 'supervisor'], render: () => <UsersScreen /> },
  { path: '/pengaturan', label: 'nav.settings', icon: '⚙', render: () => <SettingsScreen /> },
];
