// Rendering the AWS Query protocol's XML responses: the success envelope of each service and the error envelope.
import { XmlLargeBlob, XmlMap } from './operation.ts';
import type { OperationResult, XmlValue } from './operation.ts';

export type ServiceName = 'iam' | 'sts';

export const SERVICE_NAMESPACE: Readonly<Record<ServiceName, string>> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export const SERVICE_VERSION: Readonly<Record<ServiceName, string>> = {
  iam: '2010-05-08',
  sts: '2011-06-15',
};

// Characters XML 1.0 cannot carry at all (not even as references); they can only come from hostile input
// echoed back in a message, so they are replaced rather than breaking the document.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Anything escapeXml would change; most values (names, ids, ARNs, dates) contain none and are returned as they are.
const NEEDS_ESCAPING = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(INVALID_XML_CHARS, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#xD;');
}

/** Timestamps as AWS writes them: ISO 8601 UTC, without milliseconds when there are none. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

function scalar(value: string | number | boolean | Date): string {
  if (value instanceof Date) return formatTimestamp(value);
  return escapeXml(String(value));
}

function renderValue(name: string, value: XmlValue, indent: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${indent}<${name}/>`);
      return;
    }
    out.push(`${indent}<${name}>`);
    for (const item of value) renderValue('member', item, `${indent}  `, out);
    out.push(`${indent}</${name}>`);
    return;
  }
  if (value instanceof XmlMap) {
    out.push(`${indent}<${name}>`);
    for (const [key, entryValue] of value.entries) {
      out.push(`${indent}  <entry>`, `${indent}    <key>${escapeXml(key)}</key>`);
      renderValue('value', entryValue, `${indent}    `, out);
      out.push(`${indent}  </entry>`);
    }
    out.push(`${indent}</${name}>`);
    return;
  }
  if (value instanceof XmlLargeBlob) {
    // Base64 never contains `]]>`, so the section needs no escaping.
    out.push(`${indent}<${name}><![CDATA[${value.base64}]]></${name}>`);
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    out.push(`${indent}<${name}>`);
    renderFields(value, `${indent}  `, out);
    out.push(`${indent}</${name}>`);
    return;
  }
  out.push(`${indent}<${name}>${scalar(value)}</${name}>`);
}

function renderFields(fields: { [key: string]: XmlValue }, indent: string, out: string[]): void {
  for (const key of Object.keys(fields)) renderValue(key, fields[key], indent, out);
}

/** `<{Action}Response xmlns=…><{Action}Result>…</{Action}Result><ResponseMetadata>…` — no Result without output. */
export function renderSuccess(service: ServiceName, action: string, result: OperationResult, requestId: string): string {
  const out = [`<${action}Response xmlns="${SERVICE_NAMESPACE[service]}">`];
  if (result !== undefined) {
    out.push(`  <${action}Result>`);
    renderFields(result, '    ', out);
    out.push(`  </${action}Result>`);
  }
  out.push('  <ResponseMetadata>', `    <RequestId>${requestId}</RequestId>`, '  </ResponseMetadata>', `</${action}Response>`);
  return `${out.join('\n')}\n`;
}

export interface ErrorFields {
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

/** `<ErrorResponse xmlns=…><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function renderError(service: ServiceName, error: ErrorFields, requestId: string): string {
  return [
    `<ErrorResponse xmlns="${SERVICE_NAMESPACE[service]}">`,
    '  <Error>',
    `    <Type>${error.type}</Type>`,
    `    <Code>${escapeXml(error.code)}</Code>`,
    `    <Message>${escapeXml(error.message)}</Message>`,
    '  </Error>',
    `  <RequestId>${requestId}</RequestId>`,
    '</ErrorResponse>',
    '',
  ].join('\n');
}
