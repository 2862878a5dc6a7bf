// The e-order screens' public parts for other features: a member's orders on the member page.
export { MemberOrders } from './MemberOrders';
