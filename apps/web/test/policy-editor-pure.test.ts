// The policy editor's pure parts: findings as Monaco markers, the size meter, the certain quick fixes and the
// save check. Monaco itself is not loaded here.
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import { documentProblem } from '../src/components/policy-editor/document-problem.ts';
import { groupFindings, toMarker } from '../src/components/policy-editor/markers.ts';
import { policySize } from '../src/components/policy-editor/policy-size.ts';
import { quickFixes } from '../src/components/policy-editor/service/quick-fixes.ts';
import type { TextEdit } from '../src/components/policy-editor/service/protocol.ts';

const apply = (text: string, edits: TextEdit[]) =>
  [...edits].sort((a, b) => b.offset - a.offset).reduce((out, e) => out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length), text);

describe('findings → markers', () => {
  it('turns the engine\'s 0-based ranges into Monaco\'s 1-based lines and columns, end exclusive', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "allow", "Action": "iam:GetUser", "Resource": "*"}]\n}';
    const finding = validatePolicy(text, { kind: 'identity' }).find((f) => f.issueCode === 'INVALID_EFFECT');
    expect(finding).toBeDefined();
    const marker = toMarker(finding!);
    const line = text.split('\n')[2]!;
    const column = line.indexOf('"allow"') + 1;
    expect(marker).toMatchObject({ severity: 8, code: 'INVALID_EFFECT', startLineNumber: 3, startColumn: column, endLineNumber: 3, endColumn: column + '"allow"'.length });
  });

  it('gives each finding type its severity: errors and security warnings as errors, warnings, suggestions as info', () => {
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, offset: 0, length: 1 };
    const of = (findingType: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION') => toMarker({ findingType, issueCode: 'X', message: 'm', range });
    expect([of('ERROR'), of('SECURITY_WARNING'), of('WARNING'), of('SUGGESTION')].map((m) => m.severity)).toEqual([8, 8, 4, 2]);
    expect(of('SECURITY_WARNING').source).toBe('Security warning');
  });

  it('groups findings security first, with empty groups kept for their zero count', () => {
    const findings = validatePolicy('{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}', { kind: 'identity' });
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.label)).toEqual(['Security', 'Errors', 'Warnings', 'Suggestions']);
    expect(groups[0]!.findings.map((f) => f.issueCode)).toContain('FULL_ADMIN_ACCESS');
    expect(groups[2]!.findings.map((f) => f.issueCode)).toContain('MISSING_VERSION');
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
  });
});

describe('size meter', () => {
  const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::111122223333:user/u${i}` });
  const policy = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: n }, (_, i) => statement(i)) }, null, 4);

  it('counts without whitespace outside strings, and keeps the spaces inside them', () => {
    expect(policySize('{ "Sid" : "a b" }', { kind: 'identity' }).size).toBe('{"Sid":"a b"}'.length);
  });

  it('measures against the quota of each kind', () => {
    const text = policy(1);
    expect(policySize(text, { kind: 'identity' }).limit).toBe(6144);
    expect(policySize(text, { kind: 'identity', inlineFor: 'user' }).limit).toBe(2048);
    expect(policySize(text, { kind: 'identity', inlineFor: 'group' }).limit).toBe(5120);
    expect(policySize(text, { kind: 'identity', inlineFor: 'role' }).limit).toBe(10240);
    expect(policySize(text, { kind: 'trust' }).limit).toBe(2048);
  });

  it('is over the quota only past it', () => {
    const text = policy(30);
    const reading = policySize(text, { kind: 'identity', inlineFor: 'user' });
    expect(reading.size).toBe(JSON.stringify(JSON.parse(text)).length);
    expect(reading.size).toBeGreaterThan(2048);
    expect(reading.over).toBe(true);
    expect(policySize(text, { kind: 'identity' }).over).toBe(false);
  });
});

describe('quick fixes', () => {
  it('adds Version on its own line, indented like the first element, and the finding is gone', () => {
    const text = '{\n    "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]\n}';
    const findings = validatePolicy(text, { kind: 'identity' });
    const index = findings.findIndex((f) => f.issueCode === 'MISSING_VERSION');
    const [fix] = quickFixes(text, findings).get(index) ?? [];
    expect(fix?.title).toBe('Add "Version": "2012-10-17"');
    const fixed = apply(text, fix!.edits);
    expect(fixed).toBe('{\n    "Version": "2012-10-17",\n    "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]\n}');
    expect(validatePolicy(fixed, { kind: 'identity' }).map((f) => f.issueCode)).not.toContain('MISSING_VERSION');
  });

  it('adds Version to a one-line and to an empty document', () => {
    const oneLine = '{"Statement": []}';
    const fixOf = (text: string) => {
      const findings = validatePolicy(text, { kind: 'identity' });
      return quickFixes(text, findings).get(findings.findIndex((f) => f.issueCode === 'MISSING_VERSION'))?.[0];
    };
    expect(apply(oneLine, fixOf(oneLine)!.edits)).toBe('{"Version": "2012-10-17", "Statement": []}');
    expect(apply('{}', fixOf('{}')!.edits)).toBe('{"Version": "2012-10-17"}');
  });

  it('renames a duplicate Sid to one no statement uses, and the policy then has unique Sids', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' },
        { Sid: 'Read2', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
        { Sid: 'Read', Effect: 'Allow', Action: 'iam:GetGroup', Resource: '*' },
      ],
    }, null, 2);
    const findings = validatePolicy(text, { kind: 'identity' });
    const index = findings.findIndex((f) => f.issueCode === 'UNIQUE_SIDS_REQUIRED');
    expect(index).toBeGreaterThanOrEqual(0);
    const [fix] = quickFixes(text, findings).get(index) ?? [];
    expect(fix?.title).toBe('Rename the Sid to Read3');
    const fixed = apply(text, fix!.edits);
    expect((JSON.parse(fixed) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual(['Read', 'Read2', 'Read3']);
    expect(validatePolicy(fixed, { kind: 'identity' }).map((f) => f.issueCode)).not.toContain('UNIQUE_SIDS_REQUIRED');
  });

  it('offers nothing for findings whose fix is not certain', () => {
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "iam:GetUser", "Resource": "*"}]}';
    expect(quickFixes(text, validatePolicy(text, { kind: 'identity' })).size).toBe(0);
  });
});

describe('save check', () => {
  const good = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}';

  it('refuses an empty document, one with errors, and JSON that does not parse before findings arrive', () => {
    expect(documentProblem('  ', [])).toBe('Enter a policy document.');
    const bad = good.replace('"Allow"', '"allow"');
    expect(documentProblem(bad, validatePolicy(bad, { kind: 'identity' }))).toMatch(/^The policy has 1 error\. Fix it/);
    expect(documentProblem('{"Statement": [', [])).toMatch(/not valid JSON/);
  });

  it('lets warnings and suggestions through', () => {
    const warned = '{"Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]}';
    const findings = validatePolicy(warned, { kind: 'identity' });
    expect(findings.length).toBeGreaterThan(0);
    expect(documentProblem(warned, findings)).toBeUndefined();
    expect(documentProblem(good, validatePolicy(good, { kind: 'identity' }))).toBeUndefined();
  });
});
