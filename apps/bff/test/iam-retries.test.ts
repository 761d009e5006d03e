// IAM's quota refusals come back at once; throttling is still retried.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateAccessKeyCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsClientFactory } from '../src/aws/clients.ts';

const KEY = { accessKeyId: 'AKIAEXAMPLEEXAMPLE01', secretAccessKey: 'x'.repeat(40) };
const errorXml = (code: string, message: string) =>
  `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`;

let close: (() => void) | undefined;
afterEach(() => close?.());

/** An IAM stand-in that answers every call with one error, counting the calls. */
async function iamAnswering(status: number, code: string, message: string) {
  const seen = { calls: 0 };
  const server = createServer((req, res) => {
    seen.calls += 1;
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'text/xml' }).end(errorXml(code, message)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clients = createAwsClientFactory({ region: 'us-east-1', iamEndpoint: url, stsEndpoint: url })(KEY);
  return { seen, iam: clients.iam };
}

describe('IAM client retries', () => {
  it('does not retry LimitExceeded (409): one call, IAM’s refusal as it came', async () => {
    const { seen, iam } = await iamAnswering(409, 'LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2');
    const error = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LimitExceededException', message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
    expect(seen.calls).toBe(1);
  });

  it('still retries Throttling (three attempts in all)', async () => {
    const { seen, iam } = await iamAnswering(400, 'Throttling', 'Rate exceeded');
    const error = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'Throttling' });
    expect(seen.calls).toBe(3);
  });
});
