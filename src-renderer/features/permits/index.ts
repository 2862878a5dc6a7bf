// The permits feature's public parts for other screens (Beranda shows each role's waiting work).
export { WorkPanel } from './WorkPanel';
export { MemberPermits } from './MemberPermits';
