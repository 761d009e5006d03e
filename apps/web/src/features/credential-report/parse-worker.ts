// Parses the credential report off the main thread: 10,000 users are 2 MB of CSV.
import { reportRows } from './report-rows.ts';

export interface ParseRequest {
  csv: string;
  now: number;
}

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  try {
    self.postMessage({ rows: reportRows(event.data.csv, event.data.now) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
