// The report's rows, parsed in a Web Worker so 10,000 users never block the page; where there are no workers (unit
// tests under jsdom) the same code runs in place. The rows (ages, by column name) are made here from the cells.
import { parseReportTable, tableRows, type ReportRow, type ReportTable } from './report-rows.ts';

type ParseAnswer = { table: ReportTable } | { error: string };

function parseInWorker(csv: string): Promise<ReportTable> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => parseReportTable(csv));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseAnswer>) => {
      worker.terminate();
      if ('table' in event.data) resolve(event.data.table);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The report could not be read.'));
    };
    worker.postMessage(csv);
  });
}

export async function parseReport(csv: string, now: number): Promise<ReportRow[]> {
  return tableRows(await parseInWorker(csv), now);
}
