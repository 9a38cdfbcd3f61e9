// Who the e2e specs sign in as: the admin that prepare.ts creates and the seed's demo people.
// Plain data (no server imports), so specs can use it under Playwright's loader.
export type E2eRole = 'viewer' | 'releaser' | 'editor' | 'admin';

export const E2E_ADMIN = { email: 'admin@railyard.local', password: 'railyard-e2e-admin', name: 'E2E Admin' };
const DEMO_PASSWORD = 'railyard-demo'; // prisma/seed/people.ts DEMO_PASSWORD

export const PEOPLE: Record<E2eRole, { email: string; password: string }> = {
  admin: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  viewer: { email: 'viewer@railyard.local', password: DEMO_PASSWORD },
  releaser: { email: 'releaser@railyard.local', password: DEMO_PASSWORD },
  editor: { email: 'editor@railyard.local', password: DEMO_PASSWORD },
};
