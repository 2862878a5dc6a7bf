import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A workbook written by exceljs's streaming writer: rows are committed as they are added, so
 * memory does not grow with the data. `finish` commits the workbook and gives the file.
 */
export function streamingWorkbook(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; finish: () => Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Jakpreneur Desk';
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
