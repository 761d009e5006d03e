// CreateUser / GetUser throughput from 8 concurrent SDK clients over HTTP (each client its own connection pool),
// against one iam-local server in this process (client and server share the 2 cores). The figures are for an IAM
// user whose access comes from AdministratorAccess attached to its group, so every call runs policy evaluation
// as a real admin's would; the root user, whom IAM never evaluates, gives the `.root` baseline lines.
import { CreateUserCommand, GetUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { createGroupAdmin, report, startBenchServer } from './bench-kit.ts';

const CLIENTS = 8;
const PER_CLIENT = 150;

const bench = await startBenchServer('none');
const adminKey = createGroupAdmin(bench.server.state.db, 'bench');

async function throughput(clients: IAMClient[], op: (client: IAMClient, c: number, i: number) => Promise<unknown>, perClient = PER_CLIENT): Promise<number> {
  const start = performance.now();
  await Promise.all(clients.map(async (client, c) => {
    for (let i = 0; i < perClient; i++) await op(client, c, i);
  }));
  return (CLIENTS * perClient) / ((performance.now() - start) / 1000);
}

async function measure(label: string, clients: IAMClient[]): Promise<{ creates: number; gets: number }> {
  // Warm the connections, caches and both code paths, so the run measured first is not the one that pays for JIT.
  await throughput(clients, (client, c, i) => client.send(new GetUserCommand({})).then(() => i + c));
  await throughput(clients, (client, c, i) => client.send(new CreateUserCommand({ UserName: `${label}-warm-${c}-${i}` })), PER_CLIENT / 5);
  const creates = await throughput(clients, (client, c, i) => client.send(new CreateUserCommand({ UserName: `${label}-${c}-${i}` })));
  const gets = await throughput(clients, (client, c, i) => client.send(new GetUserCommand({ UserName: `${label}-${(c + 1) % CLIENTS}-${i}` })));
  return { creates, gets };
}

const root = await measure('root', Array.from({ length: CLIENTS }, () => bench.iam()));
const user = await measure('tp', Array.from({ length: CLIENTS }, () => bench.iamAs({ accessKeyId: adminKey.accessKeyId, secretAccessKey: adminKey.secretAccessKey })));
report('iam-local.throughput.createUser.8clients', user.creates, 'ops/s');
report('iam-local.throughput.getUser.8clients', user.gets, 'ops/s');
report('iam-local.throughput.createUser.8clients.root', root.creates, 'ops/s');
report('iam-local.throughput.getUser.8clients.root', root.gets, 'ops/s');
await bench.close();
