// File answers that stream: headers go out with the first chunk, so a refusal found before it (AccessDenied on the
// first page) is still the ordinary JSON error; a failure after it can only cut the answer short.
import { once } from 'node:events';
import type { Response } from 'express';

/** Writes one chunk of a file answer, waiting while the client is slower than we are. */
export type ChunkWriter = (chunk: string | Buffer) => Promise<void>;

export interface FileAnswer {
  fileName: string;
  contentType: string;
}

function contentDisposition(fileName: string): string {
  // The names we give are ASCII without quotes or backslashes; anything else becomes _.
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}

/** A writer to `res` that sends the headers of `file` before its first chunk. */
export function fileWriter(res: Response, file: FileAnswer): ChunkWriter {
  return async (chunk) => {
    if (!res.headersSent) {
      res.status(200);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', contentDisposition(file.fileName));
      res.setHeader('Cache-Control', 'no-store');
    }
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    if (res.destroyed) throw new Error('the client went away during the download');
  };
}

/**
 * Runs `produce` with a writer to `res` and ends the answer. An error before anything was written is thrown (the
 * error middleware answers it); after, the connection is closed so the client sees an incomplete download.
 */
export async function streamFile(res: Response, file: FileAnswer, produce: (write: ChunkWriter) => Promise<void>): Promise<void> {
  const write = fileWriter(res, file);
  try {
    await produce(write);
    if (!res.headersSent) await write('');
    res.end();
  } catch (err) {
    if (!res.headersSent) throw err;
    res.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
