// The programme's CPU-heavy work, run in the worker pool: drawing training certificates.
import { defineTask } from '../../core/work/task';
import type { CertificateOffice, CertificateParticipant, CertificateTraining } from './certificate';

export interface TrainingCertificates {
  office: CertificateOffice;
  training: CertificateTraining;
  list: CertificateParticipant[];
}

export const renderTrainingCertificatesTask = defineTask('programme.renderCertificates', async () => {
  const { certificatePdf } = await import('./certificate');
  return async (input: TrainingCertificates) => (await certificatePdf(input.office, input.training, input.list)).toString('base64');
});
