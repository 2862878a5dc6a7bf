// The registrations feature's public surface for other features.
export { canSeeNik, nikRoles } from './api';
export { mimeTypes, toCsv, toXlsx } from './files';
