// The audit bundle: one zip, streamed, with the credential report (IAM's bytes), its findings, the account's
// authorization details, the console's audit log, and a manifest.json naming the account, who made the bundle,
// when, and each file's size and SHA-256. Nothing is held whole in memory but the report (2 MB for 10,000 users);
// its findings are worked out line by line as findings.json is written.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { GetAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import { ZipFile } from 'yazl';
import { DEFAULT_THRESHOLDS, type FindingThresholds, type PasswordPolicyFacts } from '@iam-console/api-contract/credential-findings.ts';
import { fileStamp, reportFileName } from '@iam-console/api-contract/credential-report.ts';
import type { AuditStore } from '../audit/audit-store.ts';
import { writeAuditLog } from '../audit/audit-export.ts';
import type { ChunkWriter } from '../http/download.ts';
import { writeAuthorizationDetails } from './authorization-details.ts';
import { fetchReport } from './credential-report.ts';
import { writeFindingsDocument } from './findings-document.ts';
import { isAwsCode } from './shape.ts';

export interface BundleInput {
  iam: IAMClient;
  auditLog: AuditStore;
  accountId: string;
  /** The ARN of whoever asked for the bundle. */
  generatedBy: string;
  now: Date;
  thresholds?: FindingThresholds;
}

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export const bundleFileName = (now: Date) => `audit-bundle_${fileStamp(now)}.zip`;

/** The password policy for the findings: null when the account has none, undefined when the caller may not read it. */
async function passwordPolicyFacts(iam: IAMClient): Promise<{ policy: PasswordPolicyFacts | null | undefined; note?: string }> {
  try {
    const out = await iam.send(new GetAccountPasswordPolicyCommand({}));
    return { policy: { minimumPasswordLength: out.PasswordPolicy?.MinimumPasswordLength, passwordReusePrevention: out.PasswordPolicy?.PasswordReusePrevention } };
  } catch (err) {
    if (isAwsCode(err, 'NoSuchEntity')) return { policy: null };
    if (isAwsCode(err, 'AccessDenied')) return { policy: undefined, note: `The password policy could not be read: ${(err as Error).message}` };
    throw err;
  }
}

/**
 * Writes the bundle. Everything IAM may refuse is asked before the first byte (the report, the password policy,
 * the first page of the authorization details), so a refusal is an ordinary error answer, not a broken zip.
 */
export async function writeAuditBundle(input: BundleInput, write: ChunkWriter): Promise<void> {
  const { iam, now } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const report = await fetchReport(iam);
  const passwordPolicy = await passwordPolicyFacts(iam);
  const zip = new ZipFile();
  let pumping: Promise<void> | undefined;
  // The zip's bytes go out only once the first entry has content: until then a refusal can still be answered.
  const pump = () =>
    (pumping ??= (async () => {
      for await (const chunk of zip.outputStream) await write(chunk as Buffer);
    })());
  const files: ManifestFile[] = [];
  const entry = async (name: string, produce: (write: ChunkWriter) => Promise<void>) => {
    const body = new PassThrough();
    const hash = createHash('sha256');
    let bytes = 0;
    zip.addReadStream(body, name, { mtime: now });
    await produce(async (chunk) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(data);
      bytes += data.length;
      void pump();
      if (!body.write(data)) await Promise.race([once(body, 'drain'), pumping]);
    });
    body.end();
    files.push({ name, bytes, sha256: hash.digest('hex') });
  };

  try {
    await entry('authorization-details.json', (w) => writeAuthorizationDetails(iam, w));
    await entry(reportFileName(report.generatedTime), (w) => w(report.content));
    await entry('findings.json', (w) =>
      writeFindingsDocument(
        { report: report.content, reportGeneratedTime: report.generatedTime, now, thresholds, passwordPolicy: passwordPolicy.policy, passwordPolicyUnavailable: passwordPolicy.note },
        w,
      ),
    );
    await entry('audit-log.csv', (w) => writeAuditLog(input.auditLog, {}, 'csv', w));
    const manifest = { account: input.accountId, generatedBy: input.generatedBy, generatedAt: now.toISOString(), files };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', { mtime: now });
    zip.end();
    await pump();
  } catch (err) {
    // Stop the zip's stream so the pump ends; the caller decides what the client sees.
    (zip.outputStream as PassThrough).destroy();
    throw err;
  }
}
