// Runs a function once, just before a response's status line and headers are written: the last moment at
// which nothing of the answer has left the process, with the final status code known. Every way of answering
// (res.json, res.end, Express's error handler, compression) goes through writeHead.
import type { ServerResponse } from 'node:http';

export function beforeHeaders(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  let fired = false;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!fired) {
      fired = true;
      // writeHead(status, …) would set statusCode only afterwards; the listener reads it.
      if (typeof args[0] === 'number') this.statusCode = args[0];
      listener();
    }
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
}
