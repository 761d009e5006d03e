// `policy-check` and the embedded endpoint give every document the same verdict: the command line finds an ERROR
// exactly when the endpoint refuses to save the document (MalformedPolicyDocument, or LimitExceeded for a size
// quota). The corpus: the real policies of the policy engine's tests (AWS's guide, deployment tools' docs,
// placeholders included) and the documents whose verdict public test suites recorded from real AWS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, DeletePolicyCommand, DeleteUserPolicyCommand, PutUserPolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { checkFiles, type FindingRecord } from '@iam-console/policy-engine/cli/check-files.ts';
import { loadCatalogSync } from '@iam-console/policy-engine/catalog/load-node.ts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { ACCEPTED, IDENTITY_CASES, TRUST_ACCEPTED, TRUST_CASES } from './helpers/policy-corpus.ts';

type Kind = 'managed' | 'inline' | 'trust';
interface Document {
  name: string;
  text: string;
  kinds: Kind[];
}

const FIXTURES = join(import.meta.dirname, '../../policy-engine/test/fixtures/policies');
const isTrust = (text: string): boolean => /"Principal"/.test(text) && !/"Resource"/.test(text);

const CORPUS: Document[] = [
  ...readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const text = readFileSync(join(FIXTURES, file), 'utf8');
      return { name: file, text, kinds: isTrust(text) ? ['trust' as const] : ['managed' as const, 'inline' as const] };
    }),
  ...IDENTITY_CASES.map(([family, description, text]) => ({ name: `${family}: ${description}`, text, kinds: ['managed' as const, 'inline' as const] })),
  ...ACCEPTED.map(([description, text]) => ({ name: `accepted: ${description}`, text, kinds: ['managed' as const, 'inline' as const] })),
  { name: 'no Version', text: JSON.stringify({ Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' } }), kinds: ['managed', 'inline'] },
  ...TRUST_CASES.map(([description, text]) => ({ name: `trust: ${description}`, text, kinds: ['trust' as const] })),
  ...TRUST_ACCEPTED.map(([description, text]) => ({ name: `trust accepted: ${description}`, text, kinds: ['trust' as const] })),
];

const ARGS: Record<Kind, string[]> = { managed: ['--kind', 'identity'], inline: ['--kind', 'identity', '--inline-for', 'user'], trust: ['--kind', 'trust'] };

/** The ERROR findings `policy-check` prints for the document (the real command's code, with the built catalog). */
function policyCheckErrors(text: string, kind: Kind): string[] {
  const run = checkFiles([...ARGS[kind], 'policy.json'], { read: () => text, catalog: () => loadCatalogSync() });
  expect(run.exitCode).not.toBe(2);
  return run.stdout.map((line) => JSON.parse(line) as FindingRecord).filter((r) => r.findingType === 'ERROR').map((r) => `${r.issueCode}: ${r.message}`);
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.iam.send(new CreateUserCommand({ UserName: 'corpus' }));
  await t.iam.send(new CreateRoleCommand({ RoleName: 'corpus', AssumeRolePolicyDocument: TRUST_ACCEPTED[0]![1] }));
});
afterAll(() => t.close());

/** The endpoint's answer: undefined when it stored the document (removed again), else the error. */
async function endpointRefusal(text: string, kind: Kind): Promise<string | undefined> {
  try {
    if (kind === 'managed') {
      const { Policy } = await t.iam.send(new CreatePolicyCommand({ PolicyName: 'corpus', PolicyDocument: text }));
      await t.iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn }));
    } else if (kind === 'inline') {
      await t.iam.send(new PutUserPolicyCommand({ UserName: 'corpus', PolicyName: 'corpus', PolicyDocument: text }));
      await t.iam.send(new DeleteUserPolicyCommand({ UserName: 'corpus', PolicyName: 'corpus' }));
    } else {
      await t.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'corpus', PolicyDocument: text }));
    }
    return undefined;
  } catch (error) {
    const { name, message } = error as Error;
    expect(['MalformedPolicyDocumentException', 'LimitExceededException']).toContain(name);
    return `${name}: ${message}`;
  }
}

describe('policy-check and the endpoint agree on every document of the corpus', () => {
  it('has both real policies and recorded refusals and acceptances of each kind', () => {
    expect(CORPUS.filter((d) => d.name.endsWith('.json')).length).toBeGreaterThanOrEqual(20);
    expect(CORPUS.filter((d) => d.kinds.includes('trust')).length).toBeGreaterThanOrEqual(15);
    expect(CORPUS.length).toBeGreaterThanOrEqual(90);
  });

  it('gives the same verdict, document by document', async () => {
    const disagreements: string[] = [];
    const verdicts = { refused: 0, accepted: 0 };
    for (const document of CORPUS) {
      for (const kind of document.kinds) {
        const errors = policyCheckErrors(document.text, kind);
        const refusal = await endpointRefusal(document.text, kind);
        verdicts[refusal === undefined ? 'accepted' : 'refused'] += 1;
        if ((errors.length > 0) !== (refusal !== undefined)) {
          disagreements.push(`${document.name} (${kind}): policy-check ${errors.length > 0 ? `says ${errors.join('; ')}` : 'finds no error'}, the endpoint ${refusal ?? 'accepts it'}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // Both verdicts occur often, so agreement is not agreement on one answer.
    expect(verdicts.refused).toBeGreaterThanOrEqual(50);
    expect(verdicts.accepted).toBeGreaterThanOrEqual(40);
  });
});
