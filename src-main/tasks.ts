// Every task the worker pool can run, by name. The worker (src-main/worker.ts) serves this list;
// a task's module is loaded in the worker on its first use.
import type { AnyTask } from './core/work/task';
import { hashPasswordTask, verifyPasswordTask } from './core/auth/passwords';
import { renderAssignmentDocumentTask } from './features/orders/tasks';
import { renderAjibDayTask, renderCertificatesTask } from './features/permits/tasks';
import { renderTrainingCertificatesTask } from './features/programme/tasks';
import { readImportTask, writeTableTask } from './features/registrations/tasks';
import { renderReportTask } from './features/reports/tasks';

export const tasks: readonly AnyTask[] = [
  hashPasswordTask,
  verifyPasswordTask,
  readImportTask,
  writeTableTask,
  renderCertificatesTask,
  renderAjibDayTask,
  renderTrainingCertificatesTask,
  renderAssignmentDocumentTask,
  renderReportTask,
];
