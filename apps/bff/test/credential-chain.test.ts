// Single-user local setup: the BFF signs in as whoever the SDK's default credential chain resolves to
// (here the environment variables), against the embedded endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createHarness } from './helpers/harness.ts';
import type { Harness } from './helpers/harness.ts';
import { startEndpoint } from './helpers/iam-endpoint.ts';
import type { Endpoint } from './helpers/iam-endpoint.ts';

let endpoint: Endpoint;
let withChain: Harness;
let withoutChain: Harness;
const saved = { ...process.env };

beforeAll(async () => {
  endpoint = await startEndpoint('none');
  process.env.AWS_ACCESS_KEY_ID = endpoint.rootKeys.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = endpoint.rootKeys.secretAccessKey;
  withChain = createHarness(endpoint.makeClients, { env: { IAM_CONSOLE_USE_CREDENTIAL_CHAIN: '1' } });
  withoutChain = createHarness(endpoint.makeClients);
});
afterAll(async () => {
  process.env = saved;
  withChain?.close();
  withoutChain?.close();
  await endpoint?.close();
});

describe('credential chain mode', () => {
  it('signs in without keys from the browser and calls IAM with the chain’s credentials', async () => {
    const b = await browser(withChain.app);
    expect((await b.get('/api/session')).body.credentialChain).toBe(true);
    const res = await b.signIn({ credentialChain: true });
    expect(res.status).toBe(200);
    expect(res.body.identity).toMatchObject({ type: 'root', accountId: endpoint.accountId });
    expect((await b.get('/api/users')).status).toBe(200);
  });

  it('is refused when the operator did not enable it', async () => {
    const b = await browser(withoutChain.app);
    const res = await b.signIn({ credentialChain: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CredentialChainDisabled');
  });
});
