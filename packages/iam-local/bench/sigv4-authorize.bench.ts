// SigV4 verification + authorization per call, in-process (no HTTP): the function every request goes through.
// A request signed once by the SDK's signer is verified again and again (as a server sees a stream of calls),
// for the root user (no policy evaluation: the peer) and for an IAM user under the IAM User Guide's force-MFA
// policy plus a managed policy and a permissions boundary.
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { authenticate } from '../src/auth/authenticate.ts';
import { Authorizer } from '../src/auth/authorizer.ts';
import { databaseCredentials } from '../src/auth/credentials.ts';
import { createAccessKey } from '../src/model/access-keys.ts';
import { attachPolicy } from '../src/model/attachments.ts';
import { putInlinePolicy } from '../src/model/inline-policies.ts';
import { createPolicy } from '../src/model/managed-policies.ts';
import { createUser, setUserBoundary } from '../src/model/users.ts';
import type { ReceivedRequest } from '../src/auth/sigv4.ts';
import { median, percentile, report, sample, startBenchServer } from './bench-kit.ts';
import { FORCE_MFA } from '../test/helpers/guide-policies.ts';

const RUNS = 5000;

const bench = await startBenchServer('none');
const { db, accountId } = bench.server.state;
const now = new Date();
const user = createUser(db, { name: 'bench-user', path: '/' }, now);
putInlinePolicy(db, { type: 'user', id: user.id, name: user.name }, 'self', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }] }));
attachPolicy(db, { type: 'user', id: user.id }, createPolicy(db, accountId, { name: 'ForceMFA', path: '/', document: FORCE_MFA }, now).arn);
setUserBoundary(db, user.name, createPolicy(db, accountId, { name: 'Boundary', path: '/', document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }) }, now).arn);
const userKey = createAccessKey(db, { kind: 'user', userId: user.id, userName: user.name, path: '/' }, { now });
// A second user whose policies allow the call (inline allow + boundary): the allowed path.
const reader = createUser(db, { name: 'bench-reader', path: '/' }, now);
putInlinePolicy(db, { type: 'user', id: reader.id, name: reader.name }, 'read', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }] }));
setUserBoundary(db, reader.name, createPolicy(db, accountId, { name: 'ReaderBoundary', path: '/', document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }) }, now).arn);
const readerKey = createAccessKey(db, { kind: 'user', userId: reader.id, userName: reader.name, path: '/' }, { now });

async function signedRequest(keys: { accessKeyId: string; secretAccessKey: string }): Promise<ReceivedRequest> {
  const body = 'Action=ListAccessKeys&Version=2010-05-08';
  const signer = new SignatureV4({ credentials: keys, region: 'us-east-1', service: 'iam', sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: '/', query: {}, headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) headers[k.toLowerCase()] = String(v);
  return { method: 'POST', path: '/', query: '', headers, body: Buffer.from(body) };
}

const resolver = databaseCredentials(db, accountId);
const authorizer = new Authorizer(db);
const facts = { sourceIp: '127.0.0.1', region: 'us-east-1' };

async function verifyAndAuthorize(request: ReceivedRequest): Promise<void> {
  const when = new Date();
  const { caller } = await authenticate(request, resolver, when);
  authorizer.authorize(caller, [{ action: 'iam:ListAccessKeys', resource: `arn:aws:iam::${accountId}:user/bench-user` }], { ...facts, now: when });
}

const rootRequest = await signedRequest(bench.keys);
const userRequest = await signedRequest({ accessKeyId: userKey.accessKeyId, secretAccessKey: userKey.secretAccessKey });
// The force-MFA policy denies a long-term key: authorization must run to the end and refuse. Count both outcomes.
let denied = 0;
const userCall = () => verifyAndAuthorize(userRequest).catch(() => void denied++);

const readerRequest = await signedRequest({ accessKeyId: readerKey.accessKeyId, secretAccessKey: readerKey.secretAccessKey });

const root = await sample(() => verifyAndAuthorize(rootRequest), RUNS);
const allowedTimes = await sample(() => verifyAndAuthorize(readerRequest), RUNS);
const deniedTimes = await sample(userCall, RUNS);
if (denied === 0) throw new Error('expected the force-MFA policy to deny a long-term key');
report('iam-local.sigv4+authorize.root.median', median(root), 'ms');
report('iam-local.sigv4+authorize.user.allowed.median', median(allowedTimes), 'ms', '<= 0.5');
report('iam-local.sigv4+authorize.user.forceMfaDenied.median', median(deniedTimes), 'ms', '<= 0.5');
report('iam-local.sigv4+authorize.user.allowed.p99', percentile(allowedTimes, 99), 'ms');
await bench.close();
