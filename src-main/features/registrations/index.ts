// The registrations feature's public surface for other features (permits registers walk-in
// applicants through the registration's own rules and store).
export { canSeeNik, nikRoles } from './api';
export { checkRegistration, loadReference } from './checks';
export { registerInput } from './schemas';
export { findByNik, insertMembers } from './store';
// The members list's search (NIK, its last digits, phone, member number, names through the full-text index).
export { applyFilters as applyMemberFilters } from './list';
export { mimeTypes, toCsv, toXlsx } from './files';
// Writing a table as XLSX or CSV in the worker pool (exports).
export { writeTableTask } from './tasks';
// Names as the search index keeps them (old spellings folded), and the labels reports print.
export { normaliseName } from './rules/names';
export { skpdLabels, targetGroupLabels } from './export';
export type { BusinessesTable, Skpd } from './tables';
