// Run once before the e2e suite (global-setup.ts): an empty test database with the admin token
// provisioned. Everything else is created by the specs through the public API.
import { provisionAdminToken } from '@/server/auth/tokens';
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { resetDatabase } from '@/prisma/seed/helpers';

await resetDatabase();
await provisionAdminToken(env().RAILYARD_ADMIN_TOKEN!);
await disconnectDb();
