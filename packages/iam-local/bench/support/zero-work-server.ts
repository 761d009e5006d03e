// Child process of capacity.bench.ts: the floor of what node:http does on this machine. It reads the request
// body and answers a fixed XML document of GetUser's size, doing nothing else. Prints { url } as one JSON line.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = Buffer.from(`<GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">${' '.repeat(400)}</GetUserResponse>\n`);
const server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
  request.on('data', () => {});
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/xml', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
