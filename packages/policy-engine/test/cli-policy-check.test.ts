// The policy-check bin, run as a real process: output records, exit codes, stdin, usage errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doc, GOOD, GOOD_TRUST, withGood } from './validate-helpers.ts';

const BIN = join(import.meta.dirname, '../src/cli/policy-check.ts');
const dir = mkdtempSync(join(tmpdir(), 'policy-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string; records: Record<string, unknown>[] } {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  const lines = result.stdout.split('\n').filter((l) => l !== '');
  const records = args.includes('text') ? [] : lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, records };
}

const clean = file('clean.json', doc(GOOD));
const broken = file('broken.json', '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]\n}');
const risky = file('risky.json', doc(withGood({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/*' }), withGood({ Action: 'ec2:RunInstances', Resource: '*' })));
// IAM accepts an ARN with too few fields on save; it matches nothing, so it is a warning.
const warningOnly = file('warning.json', doc({ ...GOOD, Resource: 'arn:aws:sqs:queue' }));
const trust = file('trust.json', doc(GOOD_TRUST));

describe('policy-check', () => {
  it('exits 0 and prints nothing for a clean policy', () => {
    const result = run([clean]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('prints one JSON line per finding with 1-based positions and exits 1 on an ERROR', () => {
    const result = run([broken]);
    expect(result.status).toBe(1);
    expect(result.records).toEqual([
      {
        file: broken,
        findingType: 'ERROR',
        issueCode: 'INVALID_EFFECT',
        message: expect.stringMatching(/Did you mean Allow\?/),
        line: 3,
        column: 28,
        endLine: 3,
        endColumn: 35,
      },
    ]);
  });

  it('exits 1 on a SECURITY_WARNING alone', () => {
    const result = run([risky]);
    expect(result.status).toBe(1);
    expect(result.records.map((r) => r.findingType)).toContain('SECURITY_WARNING');
    expect(result.records.map((r) => r.findingType)).not.toContain('ERROR');
  });

  it('prints warnings but exits 0 when nothing is an ERROR or SECURITY_WARNING', () => {
    const result = run([warningOnly]);
    expect(result.status).toBe(0);
    expect(result.records.map((r) => r.issueCode)).toEqual(['MISSING_ARN_FIELD']);
  });

  it('checks every file given, and fails when any one fails', () => {
    const result = run([clean, broken, warningOnly]);
    expect(result.status).toBe(1);
    expect(new Set(result.records.map((r) => r.file))).toEqual(new Set([broken, warningOnly]));
  });

  it('reads stdin for "-"', () => {
    const result = run(['-'], '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject"}}');
    expect(result.status).toBe(1);
    expect(result.records).toMatchObject([{ file: '-', issueCode: 'MISSING_RESOURCE', line: 1, column: 40 }]);
  });

  it('validates as the kind given', () => {
    expect(run([trust]).records.map((r) => r.issueCode)).toContain('UNSUPPORTED_PRINCIPAL');
    expect(run(['--kind', 'trust', trust])).toMatchObject({ status: 0, stdout: '' });
  });

  it('uses the inline quota given', () => {
    const statements = Array.from({ length: 30 }, (_, i) => withGood({ Sid: `S${i}`, Resource: `arn:aws:s3:::bucket-${i}/*` }));
    const path = file('inline.json', doc(...statements));
    expect(run([path]).status).toBe(0);
    expect(run(['--inline-for', 'user', path]).records.map((r) => r.issueCode)).toEqual(['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA']);
  });

  it('prints file:line:column lines with --format text', () => {
    const result = run(['--format', 'text', broken]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:28: ERROR INVALID_EFFECT The Effect "allow" is not valid`));
  });

  it.each([
    [['--bogus', clean], /Unknown option '--bogus'/],
    [[join(dir, 'missing.json')], /cannot read .*missing\.json/],
    [[], /no policy files given/],
    [['--kind', 'scp', clean], /--kind must be one of identity, trust, boundary, resource/],
    [['--format', 'xml', clean], /--format must be one of json, text/],
    [['--kind'], /argument missing|--kind/],
  ])('exits 2 with a one-line message for usage error %j', (args, message) => {
    const result = run(args as string[]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('prints usage for --help', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: policy-check/);
  });
});
