// Validation speed against its targets: a ~6 KB policy, median <= 5 ms; 1 MB of garbage, findings in < 100 ms.
// JSON.parse of the same text runs in the same process as the baseline.
import { loadCatalogSync } from '../src/catalog/load-node.ts';
import { measurePolicySize } from '../src/source/policy-size.ts';
import { LARGE_DOCUMENT, validatePolicy } from '../src/validate/validate-policy.ts';
import { readRealPolicy } from '../test/fixtures/real-policies.ts';

const statementsOf = (name: string): object[] => [(JSON.parse(readRealPolicy(name)) as { Statement: object | object[] }).Statement].flat();

const emit = (name: string, value: number, unit: string, target?: string): void =>
  console.log(JSON.stringify(target === undefined ? { name, value, unit } : { name, value, unit, target }));

function median(run: () => unknown, iterations: number, warmup = 20): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 1000) / 1000;
}

/** JSON.parse as a baseline; for garbage it throws, which is the time it takes to give up. */
function parseBaseline(text: string): void {
  try {
    JSON.parse(text);
  } catch {
    // expected for garbage
  }
}

// SST's deployment policy padded with the guide's self-service statements up to just under the 6,144-character
// managed-policy quota (counted without whitespace), pretty-printed as people write it.
const sst = statementsOf('sst-000-109-305.json');
const padding = [...statementsOf('guide-force-mfa-manage-own-credentials_L25105-25211.json'), ...statementsOf('guide-manage-own-credentials-no-mfa_L25292-25369.json')];
const statements = [...sst];
for (const [i, statement] of padding.entries()) {
  const candidate = [...statements, { ...statement, Sid: `Padding${i}` }];
  if (measurePolicySize(JSON.stringify({ Version: '2012-10-17', Statement: candidate })).size > 6_100) break;
  statements.push(candidate[candidate.length - 1]!);
}
const policyText = JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

const catalog = loadCatalogSync();
const options = { kind: 'identity' as const, catalog };
const findings = validatePolicy(policyText, options);
if (findings.some((f) => f.findingType === 'ERROR')) throw new Error(`the benchmark policy has errors: ${JSON.stringify(findings)}`);

emit('validate.6kb.policy_chars', policyText.length, 'chars');
emit('validate.6kb.policy_size_without_whitespace', measurePolicySize(policyText).size, 'chars', '<= 6144');
emit('validate.6kb.findings', findings.length, 'findings');
emit('validate.6kb.median', median(() => validatePolicy(policyText, options), 300), 'ms', '<= 5');
emit('validate.6kb.median_without_catalog', median(() => validatePolicy(policyText, { kind: 'identity' }), 300), 'ms');
emit('json_parse.6kb.median', median(() => JSON.parse(policyText), 300), 'ms');

// 1 MB of random JSON-ish characters (seeded, so every run measures the same text).
let seed = 42;
const next = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const alphabet = '{}[]":,\\ \n\tabcdefAction*0123456789';
let garbage = '';
for (let i = 0; i < 1_000_000; i++) garbage += alphabet[Math.floor(next() * alphabet.length)];
emit('validate.garbage_1mb', median(() => validatePolicy(garbage, options), 15, 3), 'ms', '< 100');
emit('json_parse.garbage_1mb', median(() => parseBaseline(garbage), 15, 3), 'ms');
// Without brackets the nesting guard never stops early: the JSON scanner reads the whole megabyte.
const words = garbage.replace(/[{}[\]]/g, 'x');
emit('validate.garbage_1mb_no_brackets', median(() => validatePolicy(words, options), 15, 3), 'ms', '< 100');
emit('json_parse.garbage_1mb_no_brackets', median(() => parseBaseline(words), 15, 3), 'ms');

// 1 MB of valid JSON with the wrong type in every statement: above LARGE_DOCUMENT only syntax and size are
// checked, so this costs about a native JSON.parse plus a few linear scans.
const wrongTypes = (statements: number): string => JSON.stringify({ Statement: Array.from({ length: statements }, (_, i) => ({ Effect: i, Action: [i], Resource: {} })) });
const wrongTypes1mb = wrongTypes(20_000);
emit('validate.wrong_types_1mb_chars', wrongTypes1mb.length, 'chars');
emit('validate.wrong_types_1mb', median(() => validatePolicy(wrongTypes1mb, options), 15, 3), 'ms', '< 100');
emit('json_parse.wrong_types_1mb', median(() => JSON.parse(wrongTypes1mb), 15, 3), 'ms');
// Just below LARGE_DOCUMENT every check runs (on the first 1,000 findings' worth): the slowest case there is.
const wrongTypesLarge = wrongTypes(Math.floor((20_000 * LARGE_DOCUMENT) / wrongTypes1mb.length) - 10);
emit('validate.wrong_types_below_large_document_chars', wrongTypesLarge.length, 'chars');
emit('validate.wrong_types_below_large_document', median(() => validatePolicy(wrongTypesLarge, options), 15, 3), 'ms');
