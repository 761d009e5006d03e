// Signed Query requests sent by hand, to see raw statuses, headers and XML (and to send what no SDK would).
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Keys } from './start-server.ts';

export interface RawResponse {
  status: number;
  requestId: string | null;
  contentType: string | null;
  text: string;
}

export interface RawCallOptions {
  service?: string;
  /** Credential scope region (us-east-1 unless given). */
  region?: string;
  method?: string;
  /** Raw query string (without `?`). */
  query?: string;
  contentType?: string;
}

export async function rawCall(baseUrl: string, keys: Keys, body: string | Buffer, options: RawCallOptions = {}): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const signer = new SignatureV4({ credentials: keys, region: options.region ?? 'us-east-1', service: options.service ?? 'iam', sha256: Hash.bind(null, 'sha256') });
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(options.query ?? '')) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const method = options.method ?? 'POST';
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query,
    headers: { host: url.host, 'content-type': options.contentType ?? 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const qs = options.query ? `?${options.query}` : '';
  const response = await fetch(`${baseUrl}/${qs}`, {
    method,
    headers: signed.headers as Record<string, string>,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
  return { status: response.status, requestId: response.headers.get('x-amzn-requestid'), contentType: response.headers.get('content-type'), text: await response.text() };
}

/**
 * A small well-formedness check of our XML (balanced tags, escaped text, one root). Enough to catch a broken
 * envelope without an XML library.
 */
export function isWellFormedXml(xml: string): boolean {
  const stack: string[] = [];
  let roots = 0;
  const tokens = xml.split(/(<[^<>]*>)/);
  for (const token of tokens) {
    if (token.startsWith('<![CDATA[')) {
      if (!token.endsWith(']]>') || token.slice(9, -3).includes(']]>') || stack.length === 0) return false;
    } else if (token.startsWith('<')) {
      const m = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<&]*")*)\s*(\/?)>$/.exec(token);
      if (!m) return false;
      const [, closing, name, , selfClosing] = m;
      if (closing) {
        if (stack.pop() !== name) return false;
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name as string);
      } else if (stack.length === 0) roots++;
    } else {
      if (/[<>]/.test(token) || /&(?!(amp|lt|gt|quot|apos|#x[0-9A-Fa-f]+|#\d+);)/.test(token)) return false;
      if (stack.length === 0 && token.trim() !== '') return false;
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(token)) return false;
    }
  }
  return stack.length === 0 && roots === 1;
}
