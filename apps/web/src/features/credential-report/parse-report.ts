// The report's rows from a Web Worker, so parsing 10,000 users never blocks the page; where there are no workers
// (unit tests under jsdom) the same code runs in place.
import type { ParseRequest } from './parse-worker.ts';
import { reportRows, type ReportRow } from './report-rows.ts';

type ParseAnswer = { rows: ReportRow[] } | { error: string };

export function parseReport(csv: string, now: number): Promise<ReportRow[]> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => reportRows(csv, now));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ParseAnswer>) => {
      worker.terminate();
      if ('rows' in event.data) resolve(event.data.rows);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The report could not be read.'));
    };
    worker.postMessage({ csv, now } satisfies ParseRequest);
  });
}
