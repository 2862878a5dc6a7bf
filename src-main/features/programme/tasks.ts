// The programme's CPU-heavy work, run in the worker pool: drawing training certificates.
import { defineTask } from '../../core/work/task';
import type { CertificateOffice, TrainingCertificate } from './certificate';

export const renderTrainingCertificatesTask = defineTask('programme.renderCertificates', async () => {
  const { renderTrainingCertificates } = await import('./certificate');
  return async (input: { list: TrainingCertificate[]; office: CertificateOffice }) =>
    (await renderTrainingCertificates(input.list, input.office)).toString('base64');
});
