// Parses the credential report off the main thread: 10,000 users are 2 MB of CSV. The answer is the cells as plain
// string arrays, which cross to the page far faster than 10,000 objects would.
import { parseReportTable } from './report-rows.ts';

self.onmessage = (event: MessageEvent<string>) => {
  try {
    self.postMessage({ table: parseReportTable(event.data) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
