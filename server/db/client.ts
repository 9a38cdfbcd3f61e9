import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { env } from '../env';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process. Next's dev server re-evaluates modules, so keep it on globalThis.
const holder = globalThis as unknown as { railyardDb?: PrismaClient };

export function db(): PrismaClient {
  holder.railyardDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: env().RAILYARD_DB_POOL }),
    // Under a burst, waiting a little for a pooled connection beats failing the request.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  return holder.railyardDb;
}

export async function disconnectDb(): Promise<void> {
  await holder.railyardDb?.$disconnect();
  holder.railyardDb = undefined;
}
