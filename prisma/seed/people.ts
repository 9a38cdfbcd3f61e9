// The first people: an admin, and (for newcomers and the e2e tests) one demo person per lesser
// role. Created through the same use-case an admin would call, and only while the User table is
// empty, so re-running the seed never resets a password or resurrects a deleted demo account.
import type { Role } from '@/engine/auth/roles';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { countUsers } from '@/server/repositories/users';
import { createUserUseCase } from '@/server/use-cases/manage-users';

export const DEMO_PASSWORD = 'railyard-demo';

export const DEMO_PEOPLE: { role: Exclude<Role, 'admin'>; email: string; name: string }[] = [
  { role: 'viewer', email: 'viewer@railyard.local', name: 'Vic Viewer' },
  { role: 'releaser', email: 'releaser@railyard.local', name: 'Rae Releaser' },
  { role: 'editor', email: 'editor@railyard.local', name: 'Eddie Editor' },
];

export type SeedPeopleInput = { adminEmail: string; adminPassword: string; adminName?: string; demo: boolean };

/** Returns false (and does nothing) when any user exists already. */
export async function seedPeople(input: SeedPeopleInput): Promise<boolean> {
  if ((await countUsers()) > 0) return false;
  await createUserUseCase(SYSTEM_ACTOR, {
    email: input.adminEmail,
    name: input.adminName ?? 'Admin',
    role: 'admin',
    password: input.adminPassword,
  });
  if (input.demo) {
    for (const p of DEMO_PEOPLE) await createUserUseCase(SYSTEM_ACTOR, { ...p, password: DEMO_PASSWORD });
  }
  return true;
}
