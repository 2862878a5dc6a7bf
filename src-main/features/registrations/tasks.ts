// The registrations' CPU-heavy work, run in the worker pool: reading and checking an uploaded
// spreadsheet, and writing exports (XLSX, CSV).
import { defineTask } from '../../core/work/task';

export const readImportTask = defineTask('registrations.readImport', async () => (await import('./import-read')).readImport);

export const writeTableTask = defineTask('registrations.writeTable', async () => (await import('./files')).writeTable);
