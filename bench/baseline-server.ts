/**
 * The "plain server" of the HTTP benchmark: bare node:http answering, for each path, the exact body and
 * content-type that the app itself sent for it (captured by http-bench before the load starts).
 * No routing library, no hooks, no database: what is left of a request is Node's own HTTP cost, so
 * app req/s ÷ plain req/s tells how much the framework, hooks and database work cost on this machine.
 *
 * Usage: node dist/bench/baseline-server.js <responses.json>   (env PORT, HOST)
 * responses.json: { "/path": { "status": 200, "contentType": "...", "bodyBase64": "..." }, ... }
 */
import fs from 'node:fs';
import http from 'node:http';

interface CannedResponse { status: number; contentType: string; bodyBase64: string }

const file = process.argv[2];
if (!file) {
  console.error('usage: baseline-server <responses.json>');
  process.exit(2);
}
const canned = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, CannedResponse>;
const routes = new Map<string, { status: number; headers: Record<string, string | number>; body: Buffer }>();
for (const [url, r] of Object.entries(canned)) {
  const body = Buffer.from(r.bodyBase64, 'base64');
  routes.set(url, { status: r.status, headers: { 'content-type': r.contentType, 'content-length': body.length }, body });
}

const server = http.createServer((req, res) => {
  const route = routes.get(req.url ?? '');
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain', 'content-length': 9 });
    res.end('not found');
    return;
  }
  res.writeHead(route.status, route.headers);
  res.end(route.body);
});
// Same keep-alive behaviour as Fastify's default (72 s), so idle connections are not closed mid-run.
server.keepAliveTimeout = 72_000;

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
