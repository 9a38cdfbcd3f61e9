import { pingDatabase } from '@/server/repositories/health';
import { sharedRedis } from '@/server/queue/connection';
import { json, route } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const [database, redis] = await Promise.all([
    pingDatabase(),
    sharedRedis().ping().then(() => 'ok', (e: Error) => e.message),
  ]);
  const ok = database === 'ok' && redis === 'ok';
  return json({ status: ok ? 'ok' : 'degraded', database, redis }, ok ? 200 : 503);
});
