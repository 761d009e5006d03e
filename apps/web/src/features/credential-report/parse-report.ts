// The report's rows, parsed in a Web Worker so 10,000 users never block the page; where there are no workers (unit
// tests under jsdom) the same code runs in place. The rows (by column name) are made here from the cells and ages.
import { parseReportWithFigures, rowsWithFigures, type ParsedReport, type ReportRow } from './report-rows.ts';

type ParseAnswer = { parsed: ParsedReport } | { error: string };

function parseInWorker(csv: string, now: number): Promise<ParsedReport> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => parseReportWithFigures(csv, now));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseAnswer>) => {
      worker.terminate();
      if ('parsed' in event.data) resolve(event.data.parsed);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The report could not be read.'));
    };
    worker.postMessage({ csv, now });
  });
}

export async function parseReport(csv: string, now: number): Promise<ReportRow[]> {
  return rowsWithFigures(await parseInWorker(csv, now));
}
