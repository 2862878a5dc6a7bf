// The permits' CPU-heavy work, run in the worker pool: drawing IUMK certificates and the AJIB
// day list from their data.
import { defineTask, type TaskControl } from '../../core/work/task';
import type { CertificateData, CertificateOffice } from './certificate';
import type { AjibDayList } from './ajib-pdf';
import type { PermitSettings } from './settings';

export interface CertificateBatch {
  list: CertificateData[];
  office: CertificateOffice;
  settings: Pick<PermitSettings, 'documentTitle' | 'legalBasis'>;
  /** The permits that print as SALINAN (the rest as the original); else by copiesPrinted. */
  salinan?: string[];
}

/** The certificates in one PDF, base64, page by page with progress; stops on Cancel. */
export const renderCertificatesTask = defineTask('permits.renderCertificates', async () => {
  const { renderCertificates } = await import('./certificate');
  return async (input: CertificateBatch, control: TaskControl) => {
    const salinan = input.salinan ? new Set(input.salinan) : null;
    const copyOf = salinan ? (d: CertificateData) => salinan.has(d.permitId) : undefined;
    const pdf = await renderCertificates(input.list, { office: input.office, settings: input.settings, copyOf }, (done) => {
      control.throwIfCancelled();
      control.progress(done, input.list.length);
    });
    return { base64: pdf.toString('base64'), pages: input.list.length };
  };
});

export const renderAjibDayTask = defineTask('permits.renderAjibDay', async () => {
  const { ajibDayPdf } = await import('./ajib-pdf');
  return async (input: AjibDayList) => (await ajibDayPdf(input)).toString('base64');
});
