// Runs a function once, just before the first byte of a response is written: the last moment at which nothing
// of the answer has left the process, with the final status code known. Every way of answering (res.json,
// res.end, Express's error handler, compression, streaming) goes through writeHead, write or end, so the first
// call of any of them is that moment.
//
// When the function returns a promise (an audit entry written to PostgreSQL), the answer is held: that call and
// every later one are queued and replayed in order once it resolves; if it rejects, the connection is closed
// without an answer.
import type { ServerResponse } from 'node:http';

type Method = 'writeHead' | 'write' | 'end';
const METHODS: readonly Method[] = ['writeHead', 'write', 'end'];

export function beforeHeaders(res: ServerResponse, listener: () => void | Promise<void>): void {
  const original = {} as Record<Method, (...args: unknown[]) => unknown>;
  let state: 'waiting' | 'held' | 'open' = 'waiting';
  const held: [Method, unknown[]][] = [];
  // While held, callers are told all is well: write has "room", writeHead and end return the response.
  const heldResult = (method: Method) => (method === 'write' ? true : res);

  const release = () => {
    state = 'open';
    for (const [method, args] of held.splice(0)) original[method].apply(res, args);
  };
  const refuse = () => {
    state = 'open';
    held.length = 0;
    res.destroy();
  };

  for (const method of METHODS) {
    original[method] = res[method] as (...args: unknown[]) => unknown;
    // The wrappers stay in place (middleware that wrapped them after us keeps its own wrapper); once open, they pass through.
    (res as unknown as Record<Method, unknown>)[method] = function (this: ServerResponse, ...args: unknown[]) {
      if (state === 'open') return original[method].apply(this, args);
      if (state === 'held') {
        held.push([method, args]);
        return heldResult(method);
      }
      // writeHead(status, …) would set statusCode only afterwards; the listener reads it.
      if (method === 'writeHead' && typeof args[0] === 'number') this.statusCode = args[0];
      const pending = listener();
      if (!(pending instanceof Promise)) {
        state = 'open';
        return original[method].apply(this, args);
      }
      state = 'held';
      held.push([method, args]);
      pending.then(release, refuse);
      return heldResult(method);
    };
  }
}
