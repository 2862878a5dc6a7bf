// The monthly summary's files, drawn in the worker pool from the summary's data.
import { defineTask } from '../../core/work/task';
import type { ReportOffice } from './export-pdf';
import type { MonthlySummary } from './model';

export interface RenderReportInput {
  format: 'pdf' | 'xlsx' | 'csv';
  summary: MonthlySummary;
  office: ReportOffice;
  printedOn: string;
}

export const renderReportTask = defineTask('reports.render', async () => {
  const [{ summaryToPdf }, { summaryToXlsx }, { summaryToCsv }] = await Promise.all([import('./export-pdf'), import('./export-xlsx'), import('./export-csv')]);
  return async (input: RenderReportInput): Promise<string> => {
    const bytes =
      input.format === 'pdf'
        ? await summaryToPdf(input.summary, input.office, input.printedOn)
        : input.format === 'xlsx'
          ? await summaryToXlsx(input.summary)
          : summaryToCsv(input.summary);
    return bytes.toString('base64');
  };
});
