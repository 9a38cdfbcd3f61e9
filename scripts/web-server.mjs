// The web process: Next's production server wrapped so route handlers can know the connection's
// address. Next 16 route handlers see no socket, and `next start` keeps a client-sent
// X-Forwarded-For as is, so the client could choose the address sign-in back-off and intake limits
// key on. Here every request gets its socket address in a private header (any copy the client
// sent is overwritten), and RAILYARD_SOCKET_HEADER tells server/http/client-ip.ts to read it.
// Accepts the flags of `next start` that npm start uses: -p/--port and -H/--hostname.
// Usage: NODE_ENV=production node scripts/web-server.mjs -p 3000 [-H 127.0.0.1]
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { leanIntake } from './lib/lean-intake.mjs';
import { leanStream } from './lib/lean-stream.mjs';

const SOCKET_HEADER = 'x-railyard-socket-address';
process.env.RAILYARD_SOCKET_HEADER = SOCKET_HEADER;

function flag(names, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(flag(['-p', '--port'], process.env.PORT ?? '3000'));
const hostname = flag(['-H', '--hostname'], process.env.HOSTNAME ?? undefined);

const { default: next } = await import('next');
const app = next({ dev: process.env.NODE_ENV !== 'production', dir: root, hostname: hostname ?? 'localhost', port });
// Handlers exist only once prepared (getUpgradeHandler throws before).
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();
// The event intake skips Next's request pipeline (same handlers; scripts/lib/lean-intake.mjs).
// RAILYARD_LEAN_INTAKE=0 sends it through Next like every other route.
const intake = process.env.NODE_ENV === 'production' && process.env.RAILYARD_LEAN_INTAKE !== '0' ? await leanIntake(root) : null;
// GET /api/stream likewise skips Next's response pipe (scripts/lib/lean-stream.mjs); RAILYARD_LEAN_STREAM=0 turns it off.
const live = process.env.NODE_ENV === 'production' && process.env.RAILYARD_LEAN_STREAM !== '0' ? await leanStream(root) : null;

const tag = (req) => {
  req.headers[SOCKET_HEADER] = req.socket.remoteAddress ?? '';
};
const server = http.createServer((req, res) => {
  tag(req);
  if (intake?.(req, res)) return;
  if (live?.(req, res)) return;
  handle(req, res).catch((err) => {
    console.error('[web] request failed', err);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.on('upgrade', (req, socket, head) => {
  tag(req);
  upgrade(req, socket, head);
});
server.listen(port, hostname, () => console.log(`[web] listening on http://${hostname ?? 'localhost'}:${port}`));

// npm start stops the process group with SIGTERM; let open requests finish briefly.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
