// CreateUser / GetUser throughput from 8 concurrent SDK clients over HTTP (each client its own connection pool),
// against one iam-local server in this process (client and server share the 2 cores).
import { CreateUserCommand, GetUserCommand, type IAMClient } from '@aws-sdk/client-iam';
import { report, startBenchServer } from './bench-kit.ts';

const CLIENTS = 8;
const PER_CLIENT = 150;

const bench = await startBenchServer('none');
const clients: IAMClient[] = Array.from({ length: CLIENTS }, () => bench.iam());

async function throughput(op: (client: IAMClient, c: number, i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await Promise.all(clients.map(async (client, c) => {
    for (let i = 0; i < PER_CLIENT; i++) await op(client, c, i);
  }));
  return (CLIENTS * PER_CLIENT) / ((performance.now() - start) / 1000);
}

// Warm the connections and caches.
await throughput((client, c, i) => client.send(new GetUserCommand({})).then(() => i + c));
const creates = await throughput((client, c, i) => client.send(new CreateUserCommand({ UserName: `tp-${c}-${i}` })));
const gets = await throughput((client, c, i) => client.send(new GetUserCommand({ UserName: `tp-${(c + 1) % CLIENTS}-${i}` })));
report('iam-local.throughput.createUser.8clients', creates, 'ops/s');
report('iam-local.throughput.getUser.8clients', gets, 'ops/s');
await bench.close();
