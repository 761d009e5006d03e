// Differential test: our evaluator against @cloud-copilot/iam-simulate (AGPL; a devDependency used only here
// as an independent oracle, never imported from src/) over a generated corpus of policies and requests.
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, type DecisionKind, type RequestPrincipal } from '../src/evaluate/evaluate.ts';
import { ACCOUNT, generateCorpus, type CorpusCase } from './differential-corpus.ts';

const ORACLE_RESULT: Record<string, DecisionKind> = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny',
};

/** iam-simulate derives no keys from the principal, so it gets the ones our evaluator derives. */
function derivedContext(principal: RequestPrincipal): Record<string, string> {
  const context: Record<string, string> = { 'aws:PrincipalAccount': principal.accountId };
  if (principal.roleArn) context['aws:PrincipalArn'] = principal.roleArn;
  else {
    context['aws:PrincipalArn'] = principal.arn;
    context['aws:username'] = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
  }
  for (const [key, value] of Object.entries(principal.tags ?? {})) context[`aws:PrincipalTag/${key}`] = value;
  return context;
}

function simulation(c: CorpusCase): Simulation {
  const { request, policies } = c;
  const contextVariables: Record<string, string | string[]> = { ...derivedContext(request.principal) };
  for (const [key, value] of Object.entries(request.context ?? {})) {
    if (value !== undefined) contextVariables[key] = Array.isArray(value) ? value.map(String) : String(value);
  }
  const ofType = (type: string) => policies.filter((p) => p.type === type).map((p, i) => ({ name: `${type}-${i}`, policy: p.document }));
  return {
    request: { principal: request.principal.arn, action: request.action, resource: { resource: request.resource, accountId: ACCOUNT }, contextVariables },
    identityPolicies: ofType('identity'),
    permissionBoundaryPolicies: ofType('permissionsBoundary'),
    resourcePolicy: policies.find((p) => p.type === 'resource' || p.type === 'trust')?.document,
    sessionPolicy: policies.find((p) => p.type === 'session')?.document,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

/** The oracle's decision, or undefined when it refuses the input. */
async function oracle(c: CorpusCase): Promise<DecisionKind | undefined> {
  const sim = simulation(c);
  // runUnsafeSimulation is synchronous and skips validation, but crashes on a resource policy (it loads it
  // without a name) and ignores session policies; the validating runSimulation handles those.
  if (!sim.resourcePolicy && !sim.sessionPolicy) return ORACLE_RESULT[runUnsafeSimulation(sim, {})];
  const result = await runSimulation(sim, {});
  return result.resultType === 'error' ? undefined : ORACLE_RESULT[result.overallResult];
}

describe('differential test against iam-simulate', () => {
  const corpus = generateCorpus(3000);

  // 3,000 oracle runs take several seconds on a shared 2-core machine: the default 5 s timeout made it flaky.
  it('decides every generated case as the oracle does', async () => {
    const disagreements: string[] = [];
    const decided: Record<DecisionKind, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
    let compared = 0;
    for (const c of corpus) {
      const expected = await oracle(c);
      if (expected === undefined) continue;
      compared++;
      const compiled = c.policies.map((p, i) => compilePolicy(p.document, { id: `${p.type}-${i}`, type: p.type }));
      const actual = evaluate(c.request, compiled).decision;
      decided[actual]++;
      if (actual !== expected) disagreements.push(`case ${c.id}: ours ${actual}, iam-simulate ${expected}: ${JSON.stringify(c)}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The corpus must exercise every outcome, and the oracle must have judged nearly all of it.
    expect(compared).toBeGreaterThan(corpus.length * 0.95);
    expect(decided.allowed).toBeGreaterThan(100);
    expect(decided.explicitDeny).toBeGreaterThan(100);
    expect(decided.implicitDeny).toBeGreaterThan(100);
  }, 120_000);

  it('covers resource and trust policies, boundaries and role sessions', () => {
    const types = new Set(corpus.flatMap((c) => c.policies.map((p) => p.type)));
    expect([...types].sort()).toEqual(['identity', 'permissionsBoundary', 'resource', 'session', 'trust']);
    expect(corpus.some((c) => c.request.principal.roleArn !== undefined)).toBe(true);
    expect(corpus.some((c) => c.request.principal.accountId !== c.request.resourceAccountId)).toBe(true);
    expect(corpus.some((c) => c.policies.some((p) => p.document.Statement.some((s) => 'NotPrincipal' in s)))).toBe(true);
  });
});

describe('licence boundary', () => {
  it('no source file imports the AGPL oracle (it is a devDependency for this test only)', () => {
    const src = join(import.meta.dirname, '../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /@cloud-copilot\/(iam-simulate|iam-policy|iam-expand)/.test(readFileSync(join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
