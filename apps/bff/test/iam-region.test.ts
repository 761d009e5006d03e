// IAM is global and signed for us-east-1 whatever AWS_REGION says; STS stays in AWS_REGION. The embedded endpoint
// refuses IAM calls signed for another region as AWS does ("Credential should be scoped to a valid region").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClientFactory, iamSigningRegion } from '../src/aws/clients.ts';
import { startLocalConsole } from '../src/local.ts';
import type { LocalConsole } from '../src/local.ts';
import { readProfile } from './helpers/iam-endpoint.ts';

describe('iamSigningRegion', () => {
  it('is us-east-1 for every region of the aws partition', () => {
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-2', 'ap-southeast-5', 'me-central-1', 'il-central-1', 'mx-central-1']) {
      expect(iamSigningRegion(region), region).toBe('us-east-1');
    }
  });

  it('leaves regions of other partitions to the SDK', () => {
    for (const region of ['cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'eu-isoe-west-1']) expect(iamSigningRegion(region), region).toBe(region);
  });
});

it('builds the IAM client for us-east-1 and the STS client for AWS_REGION', async () => {
  const clients = createAwsClientFactory({ region: 'eu-west-1', iamEndpoint: 'http://127.0.0.1:9', stsEndpoint: 'http://127.0.0.1:9' })(undefined);
  expect(await clients.iam.config.region()).toBe('us-east-1');
  expect(await clients.sts.config.region()).toBe('eu-west-1');
  clients.iam.destroy();
  clients.sts.destroy();
});

describe('with AWS_REGION=eu-west-1 against the embedded endpoint', () => {
  let dir: string;
  let local: LocalConsole;
  const session = { cookie: '', csrf: '' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bff-iam-region-'));
    local = await startLocalConsole({ dataDir: dir, port: 0, seed: 'none', env: { LOG_LEVEL: 'silent', STATIC_DIR: join(dir, 'web'), AWS_REGION: 'eu-west-1' } });
  });
  afterAll(async () => {
    await local?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${local.url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        origin: local.url,
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

  it('signs in with the root key (STS in eu-west-1), then lists and creates users (IAM)', async () => {
    const first = await call('GET', '/api/session');
    session.cookie = cookieOf(first);
    session.csrf = ((await first.json()) as { csrfToken: string }).csrfToken;
    const signIn = await call('POST', '/api/session', readProfile(local.credentialsFile, 'root'));
    expect(signIn.status).toBe(200);
    const signedIn = (await signIn.json()) as { csrfToken: string; identity: { type: string; accountId: string } };
    expect(signedIn.identity).toMatchObject({ type: 'root', accountId: local.accountId });
    session.cookie = cookieOf(signIn);
    session.csrf = signedIn.csrfToken;

    const before = await call('GET', '/api/users');
    expect(before.status, await before.clone().text()).toBe(200);
    expect(((await before.json()) as { items: unknown[] }).items).toEqual([]);
    const created = await call('POST', '/api/users', { userName: 'region-test' });
    expect(created.status, await created.clone().text()).toBe(201);
    const after = (await (await call('GET', '/api/users')).json()) as { items: { userName: string }[] };
    expect(after.items.map((u) => u.userName)).toEqual(['region-test']);
  });
});
