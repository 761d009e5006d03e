// findings.json of the audit bundle, written as the report's lines are parsed: the document is the one
// JSON.stringify(document, null, 2) would give, but neither the findings nor their text are ever held whole
// (10,000 users give some 15,000 findings, several MB of JSON).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { allFindings, type FindingThresholds, type PasswordPolicyFacts } from '@iam-console/api-contract/credential-findings.ts';
import type { CredentialReportRow } from '@iam-console/api-contract/credential-report.ts';
import type { ChunkWriter } from '../http/download.ts';

export interface FindingsInput {
  /** The credential report's CSV bytes. */
  report: Buffer;
  reportGeneratedTime: Date;
  now: Date;
  thresholds: FindingThresholds;
  /** null when the account has none, undefined when it could not be read (then `passwordPolicyUnavailable` says why). */
  passwordPolicy: PasswordPolicyFacts | null | undefined;
  passwordPolicyUnavailable?: string;
}

// The parser pushes every record of a chunk it is given at once, so it is fed the report a slice at a time.
const SLICE = 64 * 1024;
// Written in pieces of about this many characters: one write per finding would cost more than the JSON itself.
const FLUSH_AT = 64 * 1024;

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

/** Writes the findings document; equal, byte for byte, to JSON.stringify of it with two-space indentation. */
export async function writeFindingsDocument(input: FindingsInput, write: ChunkWriter): Promise<void> {
  const { thresholds } = input;
  const now = input.now.getTime();
  const head = {
    reportGeneratedTime: input.reportGeneratedTime.toISOString(),
    evaluatedAt: input.now.toISOString(),
    thresholds,
    ...(input.passwordPolicyUnavailable ? { passwordPolicyUnavailable: input.passwordPolicyUnavailable } : {}),
  };
  // The head's text without its closing brace, then the findings as the last member.
  let pending = `${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`;
  let first = true;
  const add = async (findings: readonly unknown[]) => {
    for (const finding of findings) {
      pending += `${first ? '' : ','}\n    ${JSON.stringify(finding, null, 2).replaceAll('\n', '\n    ')}`;
      first = false;
    }
    if (pending.length >= FLUSH_AT) {
      await write(pending);
      pending = '';
    }
  };

  await add(allFindings([], input.passwordPolicy, thresholds, now));
  const records = Readable.from(slices(input.report)).pipe(parse({ columns: true, skip_empty_lines: true }));
  for await (const record of records as AsyncIterable<CredentialReportRow>) await add(allFindings([record], undefined, thresholds, now));
  await write(`${pending}${first ? ']' : '\n  ]'}\n}\n`);
}
