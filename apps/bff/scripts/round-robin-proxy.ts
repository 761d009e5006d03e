// A tiny round-robin reverse proxy, for trying BFF replicas on one machine (scripts/run-replicas.sh) and for
// the replicas bench: each request goes to the next replica in turn, so one browser's requests are spread over
// all of them. Not a production load balancer (no health checks, no TLS): it adds X-Forwarded-For and
// X-Forwarded-Proto for BFFs started with TRUST_PROXY=1 and keeps the browser's Host.
// Usage: node round-robin-proxy.ts <port> <replica-url> [<replica-url>…]
import { Agent, createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface RunningProxy {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(port: number, replicas: string[], host = '127.0.0.1'): Promise<RunningProxy> {
  if (replicas.length === 0) throw new Error('no replica to proxy to');
  const targets = replicas.map((r) => new URL(r));
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((req, res) => {
    const target = targets[next++ % targets.length]!;
    const client = req.socket.remoteAddress ?? '';
    const forwardedFor = req.headers['x-forwarded-for'] ? `${String(req.headers['x-forwarded-for'])}, ${client}` : client;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, agent, headers: { ...req.headers, 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'http' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('replica unreachable\n');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => server.listen(port, host, resolve).once('error', reject));
  const address = server.address() as { port: number };
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, ...replicas] = process.argv.slice(2);
  if (!port || replicas.length === 0) {
    console.error('usage: node round-robin-proxy.ts <port> <replica-url> [<replica-url>…]');
    process.exit(2);
  }
  const proxy = await startRoundRobinProxy(Number(port), replicas);
  console.log(`round-robin proxy: ${proxy.url} -> ${replicas.join(', ')}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void proxy.close().then(() => process.exit(0)));
}
