// Run once before the e2e suite (global-setup.ts): an empty test database with the admin token
// provisioned and the first people (an admin with a known password, and the demo viewer,
// releaser and editor). Everything else is created by the specs through the public API.
import { provisionAdminToken } from '@/server/auth/tokens';
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { resetDatabase } from '@/prisma/seed/helpers';
import { seedPeople } from '@/prisma/seed/people';
import { E2E_ADMIN } from './people';

await resetDatabase();
await provisionAdminToken(env().RAILYARD_ADMIN_TOKEN!);
await seedPeople({ adminEmail: E2E_ADMIN.email, adminPassword: E2E_ADMIN.password, adminName: E2E_ADMIN.name, demo: true });
await disconnectDb();
