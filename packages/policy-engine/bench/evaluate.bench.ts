// Decisions per second for a 6 KB identity policy plus a permissions boundary (target: >= 20,000/s),
// with @cloud-copilot/iam-simulate (dev-only, AGPL) deciding the same requests as a peer.
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy, evaluate, type AuthorizationRequest } from '../src/evaluate/evaluate.ts';
import { readRealPolicy } from '../test/fixtures/real-policies.ts';

const read = (name: string) => JSON.parse(readRealPolicy(name)) as { Statement: object | object[] };
const statements = (name: string) => [read(name).Statement].flat();

// A realistic managed policy just under the 6,144-character quota: SST's deployment policy, the guide's
// force-MFA self-service policy and Up's API Gateway statement (wildcards, variables, conditions, NotAction).
const identityDoc = {
  Version: '2012-10-17',
  Statement: [
    ...statements('sst-000-109-305.json'),
    ...statements('guide-force-mfa-manage-own-credentials_L25105-25211.json'),
    ...statements('up-003-42-94.json').slice(1),
  ],
};
const boundaryDoc = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:*', 'cloudformation:*', 'iam:*', 'lambda:*', 'ssm:*', 'sts:*', 'iot:*', 'ecr:*', 'apigateway:*'], Resource: '*' }],
};
const identityText = JSON.stringify(identityDoc);

const ACCOUNT = '112233445566';
const principal = { arn: `arn:aws:iam::${ACCOUNT}:user/deployer`, accountId: ACCOUNT };
const mfa = { 'aws:MultiFactorAuthPresent': 'true', 'aws:username': 'deployer' };
const requests: AuthorizationRequest[] = [
  { principal, action: 'cloudformation:DescribeStacks', resource: `arn:aws:cloudformation:us-east-1:${ACCOUNT}:stack/app/1`, context: mfa },
  { principal, action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/deployer`, context: mfa },
  { principal, action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/someone-else`, context: mfa },
  { principal, action: 'lambda:UpdateFunctionConfiguration', resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`, context: { ...mfa, 'aws:ResourceTag/sst:app': 'web' } },
  { principal, action: 's3:PutObject', resource: 'arn:aws:s3:::sstbootstrap-abc/asset.zip', context: mfa },
  { principal, action: 'ec2:RunInstances', resource: '*', context: mfa },
  { principal, action: 'iam:CreateAccessKey', resource: `arn:aws:iam::${ACCOUNT}:user/deployer`, context: { 'aws:username': 'deployer' } },
  { principal, action: 'apigateway:GET', resource: 'arn:aws:apigateway:us-east-1::/restapis', context: mfa },
];

function rate(decide: (r: AuthorizationRequest) => unknown, seconds: number): number {
  for (let i = 0; i < 2_000; i++) decide(requests[i % requests.length]!);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (let i = 0; i < 1_000; i++) decide(requests[(n + i) % requests.length]!);
    n += 1_000;
    elapsed = performance.now() - start;
  }
  return Math.round((n / elapsed) * 1000);
}

const emit = (name: string, value: number, unit: string, target?: string) =>
  console.log(JSON.stringify(target === undefined ? { name, value, unit } : { name, value, unit, target }));

const identity = compilePolicy(identityText, { id: 'deploy', type: 'identity' });
const boundary = compilePolicy(boundaryDoc, { id: 'boundary', type: 'permissionsBoundary' });
const compileTimes: number[] = [];
for (let i = 0; i < 60; i++) {
  const start = performance.now();
  compilePolicy(identityText, { id: 'deploy', type: 'identity' });
  compileTimes.push(performance.now() - start);
}
const compileMs = compileTimes.slice(10).sort((a, b) => a - b)[25]!;
const policies = [identity, boundary];
if (identity.notes.length > 0) throw new Error(identity.notes.join('\n'));

emit('evaluate.identity_policy_chars', identityText.length, 'chars', '<= 6144');
emit('evaluate.decisions_per_second', rate((r) => evaluate(r, policies), 2), 'decisions/s', '>= 20000');
emit('evaluate.explained_decisions_per_second', rate((r) => evaluate(r, policies, { explain: true }), 1), 'decisions/s');
emit('evaluate.compile_6kb_policy_median_ms', Math.round(compileMs * 1000) / 1000, 'ms');

// Peer: iam-simulate's synchronous entry point (no input validation), on the same requests. It has no
// compile step, so it parses both policies on every decision; that is its designed use.
const simulate = (r: AuthorizationRequest) =>
  runUnsafeSimulation(
    {
      request: {
        principal: r.principal.arn,
        action: r.action,
        resource: { resource: r.resource, accountId: ACCOUNT },
        contextVariables: Object.fromEntries(Object.entries(r.context ?? {}).map(([k, v]) => [k, String(v)])),
      },
      identityPolicies: [{ name: 'deploy', policy: identityDoc }],
      permissionBoundaryPolicies: [{ name: 'boundary', policy: boundaryDoc }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
emit('iam_simulate.decisions_per_second', rate(simulate, 2), 'decisions/s');
