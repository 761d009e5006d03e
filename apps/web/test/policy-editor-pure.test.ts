// The policy editor's pure parts: findings as Monaco markers, the size meter, the certain quick fixes and the
// save check. Monaco itself is not loaded here.
import { describe, expect, it } from 'vitest';
import type { Finding } from '@iam-console/policy-engine/validate/finding.ts';
import { parseSource } from '@iam-console/policy-engine/source/source-text.ts';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import { documentProblem } from '../src/components/policy-editor/document-problem.ts';
import { groupFindings, toMarker } from '../src/components/policy-editor/markers.ts';
import { policySize } from '../src/components/policy-editor/policy-size.ts';
import { quickFixes } from '../src/components/policy-editor/service/quick-fixes.ts';
import type { TextEdit } from '../src/components/policy-editor/service/protocol.ts';

/** A finding of `issueCode` over `length` characters at `offset` of `text` (as the engine reports one). */
function finding(text: string, issueCode: string, offset: number, length: number, findingType: Finding['findingType'] = 'ERROR'): Finding {
  return { findingType, issueCode, message: issueCode, range: parseSource(text).rangeAt(offset, length) };
}

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
    const text = '{"Statement": []}';
    const findings = [finding(text, 'A', 1, 1, 'WARNING'), finding(text, 'B', 2, 1, 'SECURITY_WARNING'), finding(text, 'C', 3, 1, 'WARNING')];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.label, g.findings.map((f) => f.issueCode)])).toEqual([['Security', ['B']], ['Errors', []], ['Warnings', ['A', 'C']], ['Suggestions', []]]);
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
  const versionFix = (text: string, issueCode = 'MISSING_VERSION') => quickFixes(text, [finding(text, issueCode, 0, 1, 'WARNING')]).get(0)?.[0];

  it('adds Version on its own line, indented like the first element, and the finding is gone', () => {
    const text = '{\n    "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]\n}';
    const fix = versionFix(text);
    expect(fix?.title).toBe('Add "Version": "2012-10-17"');
    const fixed = apply(text, fix!.edits);
    expect(fixed).toBe('{\n    "Version": "2012-10-17",\n    "Statement": [{"Effect": "Allow", "Action": "iam:GetUser", "Resource": "*"}]\n}');
    expect(validatePolicy(fixed, { kind: 'identity' }).map((f) => f.issueCode).filter((code) => /VERSION/.test(code))).toEqual([]);
  });

  it('adds Version to a one-line and to an empty document, and replaces an old one', () => {
    const oneLine = '{"Statement": []}';
    expect(apply(oneLine, versionFix(oneLine)!.edits)).toBe('{"Version": "2012-10-17", "Statement": []}');
    expect(apply('{}', versionFix('{}', 'MANAGED_POLICY_VERSION_REQUIRED')!.edits)).toBe('{"Version": "2012-10-17"}');
    const old = '{"Version": "2008-10-17", "Statement": []}';
    const fix = versionFix(old, 'OUTDATED_VERSION');
    expect(fix?.title).toBe('Set "Version" to "2012-10-17"');
    expect(apply(old, fix!.edits)).toBe('{"Version": "2012-10-17", "Statement": []}');
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
    const duplicate = text.lastIndexOf('"Read"');
    const [fix] = quickFixes(text, [finding(text, 'UNIQUE_SIDS_REQUIRED', duplicate, 6)]).get(0) ?? [];
    expect(fix?.title).toBe('Rename the Sid to Read3');
    const fixed = apply(text, fix!.edits);
    expect((JSON.parse(fixed) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual(['Read', 'Read2', 'Read3']);
    expect(validatePolicy(fixed, { kind: 'identity' }).map((f) => f.issueCode)).not.toContain('UNIQUE_SIDS_REQUIRED');
  });

  describe('remove redundant action', () => {
    const policy = (actions: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": ${actions},\n    "Resource": "*"\n  }]\n}`;
    const fixOf = (text: string) => {
      const findings = validatePolicy(text, { kind: 'identity' });
      const index = findings.findIndex((f) => f.issueCode === 'REDUNDANT_ACTION');
      expect(findings[index]).toMatchObject({ findingType: 'SUGGESTION', range: { offset: text.indexOf('"s3:GetObject"'), length: '"s3:GetObject"'.length } });
      return quickFixes(text, findings).get(index)?.[0];
    };

    it('removes the action a wildcard of the statement covers, with its comma, and nothing else', () => {
      const text = policy('[\n      "s3:Get*",\n      "s3:GetObject",\n      "s3:PutObject"\n    ]');
      const fix = fixOf(text);
      expect(fix?.title).toBe('Remove redundant action s3:GetObject');
      const fixed = apply(text, fix!.edits);
      expect(fixed).toBe(policy('[\n      "s3:Get*",\n      "s3:PutObject"\n    ]'));
      expect(validatePolicy(fixed, { kind: 'identity' }).map((f) => f.issueCode)).not.toContain('REDUNDANT_ACTION');
    });

    it('removes a last or first element with the comma before or after it', () => {
      expect(apply(policy('["s3:Get*", "s3:GetObject"]'), fixOf(policy('["s3:Get*", "s3:GetObject"]'))!.edits)).toBe(policy('["s3:Get*"]'));
      expect(apply(policy('["s3:GetObject", "s3:Get*"]'), fixOf(policy('["s3:GetObject", "s3:Get*"]'))!.edits)).toBe(policy('["s3:Get*"]'));
    });
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
    const findings = [finding(good, 'W', 1, 1, 'WARNING'), finding(good, 'S', 2, 1, 'SUGGESTION'), finding(good, 'X', 3, 1, 'SECURITY_WARNING')];
    expect(documentProblem(good, findings)).toBeUndefined();
    expect(documentProblem(good, validatePolicy(good, { kind: 'identity' }))).toBeUndefined();
  });
});
