// AssumeRole's RoleArn as STS checks it before authorization, with the answers localstack recorded against AWS
// (tests/aws/services/sts/test_sts.snapshot.json, test_sts_invalid_parameters), and the namespace of STS errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { startTestServer, type TestServer } from './helpers/start-server.ts';
import { addUser, sdkError } from './helpers/fixtures.ts';
import { rawCall } from './helpers/raw-call.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('AssumeRole RoleArn', () => {
  it.each([
    ['nothing-valid-in-here'],
    ['arn::b:::something/test-role'],
    ['arn:a::::something/test-role'],
    ['arn:a:::something/test-role'],
    ['arn:a:a::aaaaaaaaaa:'],
  ])('%s is refused as invalid, even for a caller without any permission', async (arn) => {
    const nobody = addUser(t, `nobody-${Math.random().toString(36).slice(2, 8)}`);
    const error = await sdkError(t.stsAs(nobody.keys).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'session' })));
    expect({ name: error.name, status: error.status, message: error.message }).toEqual({ name: 'ValidationError', status: 400, message: `${arn} is invalid` });
  });

  it('a well-formed ARN of no role is AccessDenied, and constraint violations come first', async () => {
    const caller = addUser(t, 'arn-caller');
    const missing = await sdkError(
      t.stsAs(caller.keys).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/none`, RoleSessionName: 'session' })),
    );
    expect(missing.name).toBe('AccessDenied');
    const badName = await sdkError(t.stsAs(caller.keys).send(new AssumeRoleCommand({ RoleArn: 'nothing-valid-in-here', RoleSessionName: 'Session1:2' })));
    expect(badName.message).toBe(
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it('renders STS errors in the STS namespace', async () => {
    const caller = addUser(t, 'raw-caller');
    const body = new URLSearchParams({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: 'nothing-valid-in-here', RoleSessionName: 'session' }).toString();
    const response = await rawCall(t.url, caller.keys, body, { service: 'sts' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(response.text).toContain('<Code>ValidationError</Code>');
  });
});
