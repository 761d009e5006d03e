// Garbage in, findings out: validatePolicy never throws, and every finding has a range inside the text.
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/validate/checks.ts';
import type { Finding, PolicyKind } from '../src/validate/finding.ts';
import { validatePolicy } from '../src/validate/validate-policy.ts';
import { catalog } from './validate-helpers.ts';
import { readRealPolicy, REAL_POLICY_FILES } from './fixtures/real-policies.ts';

/** A small seeded generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: PolicyKind[] = ['identity', 'trust', 'boundary', 'resource'];

function expectWellFormed(text: string, findings: Finding[]): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const finding of findings) {
    expect(Object.hasOwn(CHECKS, finding.issueCode), finding.issueCode).toBe(true);
    expect(finding.findingType).toBe(CHECKS[finding.issueCode as keyof typeof CHECKS].type);
    expect(finding.range.offset).toBeGreaterThanOrEqual(0);
    expect(finding.range.offset + finding.range.length).toBeLessThanOrEqual(Math.max(text.length, 1));
    expect(finding.message.length).toBeGreaterThan(0);
  }
}

function check(text: string, kind: PolicyKind = 'identity'): Finding[] {
  const findings = validatePolicy(text, { kind, catalog });
  expectWellFormed(text, findings);
  return findings;
}

describe('garbage input', () => {
  it.each(['', ' ', 'null', '42', '"policy"', '[]', '[{}]', 'true', 'undefined', '{', '}', '{"Version":', '\uFEFF{}', '\ud800', '{"a":1,}', '/* c */ {}', '{"Statement": [1, "x", null, [], {}]}'])(
    'non-policy text %j gives findings',
    (text) => {
      for (const kind of KINDS) expect(check(text, kind).length).toBeGreaterThan(0);
    },
  );

  it('tolerates a non-string argument', () => {
    expect(() => validatePolicy(undefined as never, { kind: 'identity' })).not.toThrow();
    expect(() => validatePolicy({ Version: 1 } as never, { kind: 'trust' })).not.toThrow();
  });

  it('handles 1 MB random strings', () => {
    const next = random(1);
    const alphabets = ['{}[]":,\\ \n\tabcAction*0123456789', 'abcdefghijklmnopqrstuvwxyz', '{"'];
    for (const alphabet of alphabets) {
      let text = '';
      for (let i = 0; i < 1_000_000; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const findings = check(text);
      expect(findings.some((f) => f.issueCode === 'JSON_SYNTAX_ERROR')).toBe(true);
    }
  });

  it('handles a 1 MB string inside a valid policy', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x'.repeat(1_000_000), Resource: '*' }] });
    const codes = check(text).map((f) => f.issueCode);
    expect(new Set(codes)).toEqual(new Set(['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', 'DOCUMENT_TOO_LARGE']));
  });

  it('finds the syntax errors of a megabyte of broken JSON without building its tree', () => {
    const text = JSON.stringify({ Statement: Array.from({ length: 30_000 }, (_, i) => ({ Sid: `S${i}` })) }).replace('"S29999"', '"S29999",');
    const findings = check(text);
    expect(findings.map((f) => f.issueCode)).toEqual(expect.arrayContaining(['JSON_SYNTAX_ERROR', 'DOCUMENT_TOO_LARGE', 'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA']));
    const syntax = findings.find((f) => f.issueCode === 'JSON_SYNTAX_ERROR')!;
    expect(text.slice(syntax.range.offset, syntax.range.offset + 1)).toBe('}');
  });

  it('handles 10,000-deep nesting anywhere', () => {
    const deep = (open: string, close: string, inner = '1'): string => open.repeat(10_000) + inner + close.repeat(10_000);
    for (const text of [
      '['.repeat(10_000),
      deep('[', ']'),
      deep('{"a":', '}'),
      `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":${deep('{"StringEquals":', '}', '"x"')}}}`,
    ]) {
      const findings = check(text);
      expect(findings.some((f) => f.issueCode === 'JSON_SYNTAX_ERROR' && /nests more than/.test(f.message))).toBe(true);
    }
  });

  it('handles wrong types in every element', () => {
    const values: unknown[] = [null, 0, -1.5, true, '', 'x', [], [null], [1, 'a'], {}, { a: { b: [1] } }, [[['*']]]];
    const elements = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
    for (const value of values) {
      for (const top of ['Version', 'Id', 'Statement']) check(JSON.stringify({ Version: '2012-10-17', Statement: [], [top]: value }));
      for (const element of elements) {
        const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', [element]: value };
        for (const kind of KINDS) {
          const findings = check(JSON.stringify({ Version: '2012-10-17', Statement: statement }), kind);
          expect(findings.length).toBeGreaterThanOrEqual(0);
        }
        check(JSON.stringify({ Version: '2012-10-17', Statement: { ...statement, Condition: { StringEquals: { 'aws:username': value } } } }));
        check(JSON.stringify({ Version: '2012-10-17', Statement: { ...statement, Condition: { [String(value)]: value } } }));
        check(JSON.stringify({ Version: '2012-10-17', Statement: { ...statement, Principal: { AWS: value, Service: value, [String(value)]: value } } }), 'trust');
      }
    }
  });

  it('reports a thousand findings at most for a huge generated document', () => {
    const text = JSON.stringify({ Statement: Array.from({ length: 20_000 }, () => ({ Effect: 1 })) });
    expect(check(text).length).toBeLessThanOrEqual(1_000);
  });

  describe('random mutations of the real policies', () => {
    const files = REAL_POLICY_FILES;
    const pieces = ['{', '}', '[', ']', '"', ',', ':', '*', '${', '}', 'null', '"Allow"', '"arn:aws:iam::*:role/*"', '\\', '\n', '"Condition":{}', '[]', '{}'];

    function mutate(text: string, next: () => number): string {
      let result = text;
      const edits = 1 + Math.floor(next() * 4);
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * result.length);
        const action = next();
        if (action < 0.3) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 20));
        else if (action < 0.7) result = result.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + result.slice(at);
        else {
          const to = Math.floor(next() * result.length);
          result = result.slice(0, Math.min(at, to)) + result.slice(Math.max(at, to)) + result.slice(Math.min(at, to), Math.max(at, to));
        }
      }
      return result;
    }

    /** Structural mutation: replace one value of the parsed policy by a value of another type. */
    function retype(text: string, next: () => number): string {
      const value = JSON.parse(text) as unknown;
      const replacements: unknown[] = [null, 7, false, '', '*', [], {}, ['a', 1], { x: [] }];
      const paths: unknown[][] = [];
      const walk = (node: unknown, path: unknown[]): void => {
        paths.push(path);
        if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
      };
      walk(value, []);
      const path = paths[1 + Math.floor(next() * (paths.length - 1))] ?? [];
      let parent = value as Record<string, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key as string] as Record<string, unknown>;
      if (path.length > 0) parent[path[path.length - 1] as string] = replacements[Math.floor(next() * replacements.length)];
      return JSON.stringify(value);
    }

    it.each(files)('%s survives 60 mutations under every kind', (file) => {
      const text = readRealPolicy(file);
      const next = random(file.length * 7919);
      for (let i = 0; i < 30; i++) {
        const kind = KINDS[i % KINDS.length]!;
        check(mutate(text, next), kind);
        check(retype(text, next), kind);
      }
    });
  });
});
