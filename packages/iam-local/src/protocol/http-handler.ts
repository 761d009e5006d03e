// node:http in front of the pipeline: reads the body (up to a limit), turns the request into a call and writes the
// pipeline's answer.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { CallRequest, CallResponse } from './pipeline.ts';
import { renderError } from './xml.ts';

function sourceIpOf(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** Reads the body up to `limit` bytes; undefined when it is larger (the caller answers 413 and drops the connection). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function refuseTooLarge(request: IncomingMessage, response: ServerResponse, maxBody: number): void {
  const requestId = crypto.randomUUID();
  response.writeHead(413, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, connection: 'close' });
  response.end(renderError('iam', { type: 'Sender', code: 'RequestEntityTooLarge', message: `Request body must not exceed ${maxBody} bytes.` }, requestId));
  request.resume();
  response.on('finish', () => request.socket.destroySoon());
}

function callOf(request: IncomingMessage, body: Buffer): CallRequest {
  const url = request.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: request.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers: headersOf(request),
    body,
    sourceIp: sourceIpOf(request),
  };
}

/** The request listener serving `pipeline`; bodies over `maxBody` bytes get 413 RequestEntityTooLarge. */
export function createRequestListener(pipeline: (call: CallRequest) => Promise<CallResponse>, maxBody: number): RequestListener {
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request, maxBody);
    if (body === undefined) {
      refuseTooLarge(request, response, maxBody);
      return;
    }
    const result = await pipeline(callOf(request, body));
    response.writeHead(result.status, { ...result.headers, 'content-length': Buffer.byteLength(result.body) });
    response.end(result.body);
  }

  return (request, response) => {
    serve(request, response).catch(() => {
      // Only the socket can fail here (client gone); the pipeline itself never throws.
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}
