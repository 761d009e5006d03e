// Semantic diff timings: a realistic edit of a 6 KB policy, and the worst case of "*" against a NotAction
// (every action of the catalog on both sides). No target; recorded to notice regressions.
import { diffPolicies, type PolicyInput } from '../src/diff/diff-policies.ts';
import { loadCatalogSync } from '../src/catalog/load-node.ts';
import { readRealPolicy } from '../test/fixtures/real-policies.ts';

const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value, unit }));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const statementsOf = (name: string) => [(JSON.parse(readRealPolicy(name)) as { Statement: object | object[] }).Statement].flat();
const statements = [
  ...statementsOf('sst-000-109-305.json'),
  ...statementsOf('guide-force-mfa-manage-own-credentials_L25105-25211.json'),
  ...statementsOf('up-003-42-94.json').slice(1),
];
const before = JSON.stringify({ Version: '2012-10-17', Statement: statements });
const after = JSON.stringify({ Version: '2012-10-17', Statement: [...statements.slice(1), { Effect: 'Allow', Action: 'iam:List*', Resource: '*' }] });

const catalog = loadCatalogSync();
function measure(name: string, a: PolicyInput, b: PolicyInput, runs: number): void {
  diffPolicies(a, b, catalog);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    diffPolicies(a, b, catalog);
    times.push(performance.now() - start);
  }
  emit(name, Number(median(times).toFixed(3)), 'ms');
}
measure('diff.policy_6kb_edit.median', before, after, 50);
measure(
  'diff.star_vs_notaction.median',
  { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } },
  { Statement: { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' } },
  10,
);
