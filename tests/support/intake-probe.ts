// A stand-in web process for tests that need their own environment (e.g. a DATABASE_URL where
// nothing listens): calls the real intake and runs routes in-process and prints one JSON line per
// call, {path, status, retryAfter, ms}. Run with tsx; the parent test reads stdout.
import { GET as runsGet } from '@/app/api/runs/route';
import { POST as genericPost } from '@/app/api/events/[id]/[type]/route';
import { callRoute } from './http';

async function main() {
  const token = process.env.RAILYARD_ADMIN_TOKEN ?? '';
  const calls = [
    () => callRoute(genericPost, '/api/events/generic/probe.test', { id: 'generic', type: 'probe.test' }, { method: 'POST', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{}' }),
    () => callRoute(runsGet, '/api/runs', {}, { headers: { authorization: `Bearer ${token}` } }),
  ];
  for (const [i, call] of calls.entries()) {
    const started = Date.now();
    const res = await call();
    console.log(JSON.stringify({ call: i, status: res.status, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started, error: res.body?.error }));
  }
  process.exit(0);
}

void main();
