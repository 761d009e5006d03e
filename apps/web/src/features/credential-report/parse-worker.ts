// Parses the credential report off the main thread: 10,000 users are 2 MB of CSV. The answer is the cells as plain
// string arrays, which cross to the page far faster than 10,000 objects would, and the lines' ages (dates parsed
// here) in one transferred buffer.
import { parseReportWithFigures } from './report-rows.ts';

self.onmessage = (event: MessageEvent<{ csv: string; now: number }>) => {
  try {
    const parsed = parseReportWithFigures(event.data.csv, event.data.now);
    self.postMessage({ parsed }, { transfer: [parsed.figures.buffer] });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
