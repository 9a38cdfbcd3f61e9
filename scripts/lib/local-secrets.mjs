// Per-checkout secrets and facts for `npm start`, generated once and kept in .railyard/local.json
// (mode 0600): encryption key, session secret, admin token and first password, the embedded
// Postgres passwords (superuser/owner and app role), and an id that names this checkout's data
// folder when it has to live outside the checkout (scripts/lib/postgres-root.mjs).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const random = (bytes, encoding = 'base64url') => randomBytes(bytes).toString(encoding);

/** @param {string} dataDir @param {Record<string, string | undefined>} [env] */
export function loadLocalSecrets(dataDir, env = process.env) {
  const file = path.join(dataDir, 'local.json');
  const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const generated = {
    encryptionKey: saved.encryptionKey ?? random(32, 'base64'),
    authSecret: saved.authSecret ?? random(32, 'base64'), // next-auth refuses to run in production without one
    ...(env.RAILYARD_ADMIN_TOKEN ? {} : { adminToken: saved.adminToken ?? `ry_${random(24)}` }),
    // The first admin's password (used by the seed only while no user exists).
    ...(env.RAILYARD_ADMIN_PASSWORD ? {} : { adminPassword: saved.adminPassword ?? random(12) }),
    ...(env.DATABASE_URL ? {} : {
      postgresPassword: saved.postgresPassword ?? random(24),
      postgresAppPassword: saved.postgresAppPassword ?? random(24),
      dataId: saved.dataId ?? random(6, 'hex'),
    }),
  };
  const save = (next) => {
    fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600); // also when the file existed with a wider mode
  };
  const next = { ...saved, ...generated };
  if (JSON.stringify(next) !== JSON.stringify(saved)) save(next);
  fs.chmodSync(file, 0o600);
  return {
    ...generated,
    file,
    adminToken: env.RAILYARD_ADMIN_TOKEN ?? generated.adminToken,
    adminPassword: env.RAILYARD_ADMIN_PASSWORD ?? generated.adminPassword,
    /** Whether the generated admin password and token were printed once already. */
    shown: saved.shown === true,
    markShown: () => save({ ...JSON.parse(fs.readFileSync(file, 'utf8')), shown: true }),
  };
}
