import { useRoute } from '../../app/router';
import { useI18n } from '../../app/i18n';
import { BuyersScreen } from './BuyersScreen';
import { CatalogueScreen } from './CatalogueScreen';
import { DuePanel } from './DuePanel';
import { OrderForm } from './OrderForm';
import { OrderPage } from './OrderPage';
import { OrdersList } from './OrdersList';

const TABS = [
  { path: '/eorder', label: 'orders.tab.orders' },
  { path: '/eorder/tempo', label: 'orders.tab.due' },
  { path: '/eorder/pembeli', label: 'orders.tab.buyers' },
  { path: '/eorder/katalog', label: 'orders.tab.catalogue' },
] as const;

/** E-order: the order list, an order's page, the entry form, due lists, buyers and the catalogue. */
export function OrdersScreen() {
  const { t } = useI18n();
  const { path } = useRoute();
  const order = /^\/eorder\/pesanan\/([^/]+)$/.exec(path);
  const edit = /^\/eorder\/pesanan\/([^/]+)\/ubah$/.exec(path);
  const active = TABS.find((tab) => tab.path !== '/eorder' && path.startsWith(tab.path))?.path ?? '/eorder';
  let body;
  if (edit) body = <OrderForm orderId={decodeURIComponent(edit[1])} />;
  else if (order) body = <OrderPage id={decodeURIComponent(order[1])} />;
  else if (path === '/eorder/baru') body = <OrderForm />;
  else if (active === '/eorder/tempo') body = <DuePanel />;
  else if (active === '/eorder/pembeli') body = <BuyersScreen />;
  else if (active === '/eorder/katalog') body = <CatalogueScreen />;
  else body = <OrdersList />;
  return (
    <section className="screen orders">
      <nav className="orders-tabs" aria-label={t('orders.title')}>
        {TABS.map((tab) => (
          <a key={tab.path} href={`#${tab.path}`} aria-current={tab.path === active ? 'page' : undefined}>
            {t(tab.label)}
          </a>
        ))}
      </nav>
      {body}
    </section>
  );
}
