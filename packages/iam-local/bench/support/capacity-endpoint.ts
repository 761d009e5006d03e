// Child process of capacity.bench.ts: the endpoint on a free port with one IAM user whose access comes from
// AdministratorAccess attached to its group (so every call runs the policy engine as a real admin's would).
// Prints { url, accessKeyId, secretAccessKey } as one JSON line; SIGTERM closes it (and writes a --cpu-prof profile).
import { createGroupAdmin, startBenchServer } from '../bench-kit.ts';

const bench = await startBenchServer('none');
const key = createGroupAdmin(bench.server.state.db, 'capacity');
process.stdout.write(`${JSON.stringify({ url: bench.server.url, ...key })}\n`);
process.once('SIGTERM', () => void bench.close().then(() => process.exit(0)));
