import { lazy, type ReactNode } from 'react';
import type { MethodName } from './api';
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
const AuditScreen = lazy(() => import('../features/audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const ReportsScreen = lazy(() => import('../features/reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

export interface AppRoute {
  path: string;
  label: MessageKey;
  icon: string;
  /**
   * The method the screen is built on: the menu entry shows, and the screen opens, only for the
   * roles the registry lets call it. Undefined means everyone.
   */
  requires?: MethodName;
  render: () => ReactNode;
}

// The main window's menu, in order. A feature adds its screen here.
export const appRoutes: AppRoute[] = [
  { path: '/', label: 'nav.home', icon: '⌂', render: () => <HomeScreen /> },
  { path: '/pendaftaran', label: 'nav.registrations', icon: '✎', render: () => <RegistrationsScreen /> },
  { path: '/program', label: 'nav.programme', icon: '❼', requires: 'programme.member', render: () => <ProgrammeScreen /> },
  { path: '/perizinan', label: 'nav.permits', icon: '▤', render: () => <PermitsScreen /> },
  { path: '/eorder', label: 'nav.orders', icon: '⇄', requires: 'orders.list', render: () => <OrdersScreen /> },
  { path: '/laporan', label: 'nav.reports', icon: '▦', requires: 'reports.dashboard', render: () => <ReportsScreen /> },
  { path: '/pengguna', label: 'nav.users', icon: '☺', requires: 'users.list', render: () => <UsersScreen /> },
  { path: '/audit', label: 'nav.audit', icon: '☰', requires: 'audit.list', render: () => <AuditScreen /> },
  { path: '/pengaturan', label: 'nav.settings', icon: '⚙', render: () => <SettingsScreen /> },
];
