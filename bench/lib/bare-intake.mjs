// The floor for durable ingest: a bare node:http server that does what makes an event durable and
// nothing else (no auth, no rate limit, no queue, no live message): read the body, parse it, one
// INSERT into a copy of the Event table (same columns, defaults and indexes: `LIKE ... INCLUDING
// ALL`), answer 202 after the commit. Same Postgres, same pool size, same body as the product.
// Run as its own process, like the web app, so both pay the same process boundary and neither
// shares a CPU core's event loop with the load generator.
// Usage: node bench/lib/bare-intake.mjs <port> (env: DATABASE_URL, BARE_POOL)
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const port = Number(process.argv[2]);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.BARE_POOL ?? 20) });
const BARE_TABLE = 'bench_bare_event';

await pool.query(`CREATE TABLE IF NOT EXISTS ${BARE_TABLE} (LIKE "Event" INCLUDING ALL)`);

/** Same length and alphabet class as a cuid: the primary key's index pays for similar keys. */
const newId = () => `c${randomBytes(18).toString('base64url').slice(0, 24)}`;

const server = http.createServer(async (req, res) => {
  const match = req.method === 'POST' ? /^\/bare\/([^/?]+)\/([^/?]+)/.exec(req.url ?? '') : null;
  if (!match) return void res.writeHead(404).end();
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const payload = JSON.parse(body);
    const id = newId();
    await pool.query(
      `INSERT INTO ${BARE_TABLE} (id, "sourceKey", type, payload, body, headers) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, decodeURIComponent(match[1]), decodeURIComponent(match[2]), payload, body, { ...req.headers, authorization: '[redacted]' }],
    );
    res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: err.message }));
  }
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => console.log(`[bare] listening on ${port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
