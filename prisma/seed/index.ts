// `npm start` runs this after migrations: provisions the admin token (hash only), the first admin
// (and demo people) while no user exists, the demo-people rule (prisma/seed/demo-people-rule.ts),
// and, into an empty database only, the demo company (prisma/seed/demo.ts).
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPassword } from '@/server/auth/password';
import { provisionAdminToken } from '@/server/auth/tokens';
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { closeQueues } from '@/server/queue/enqueue';
import { closeSharedRedis } from '@/server/queue/connection';
import { listSources } from '@/server/repositories/sources';
import { findUserByEmail } from '@/server/repositories/users';
import { demoSources, demoWorkflowFiles } from './demo-data';
import { seedDemo } from './demo';
import { applyDemoPeopleRule, type DemoRuleOutcome } from './demo-people-rule';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedPeople } from './people';

const root = join(import.meta.dirname, '..', '..');

/**
 * Independent of the demo data: a database without people gets its first admin (and demo people
 * when RAILYARD_DEMO_PEOPLE is true); when the variable is set, the demo-people rule is applied.
 */
async function seedFirstPeople(): Promise<SeedReport> {
  const e = env();
  // npm start always passes a password; a hand-run seed gets a random one, printed once.
  const adminPassword = e.RAILYARD_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  const demo = e.RAILYARD_DEMO_PEOPLE ?? false;
  const adminCreated = await seedPeople({ adminEmail: e.RAILYARD_ADMIN_EMAIL, adminPassword, demo });
  if (adminCreated) {
    console.log(`[seed] first admin: ${e.RAILYARD_ADMIN_EMAIL}${e.RAILYARD_ADMIN_PASSWORD ? '' : ` / ${adminPassword}`}`);
    if (demo) console.log(`[seed] demo people: ${DEMO_PEOPLE.map((p) => p.email).join(', ')} (password ${DEMO_PASSWORD})`);
  }
  let rule: DemoRuleOutcome = { disabled: [], enabled: [] };
  if (e.RAILYARD_DEMO_PEOPLE !== undefined) {
    rule = await applyDemoPeopleRule(e.RAILYARD_DEMO_PEOPLE, arg('why') ?? `RAILYARD_DEMO_PEOPLE=${e.RAILYARD_DEMO_PEOPLE}`);
    if (rule.disabled.length) console.log(`[seed] demo people disabled (${arg('why') ?? 'RAILYARD_DEMO_PEOPLE=false'}): ${rule.disabled.join(', ')}`);
    if (rule.enabled.length) console.log(`[seed] demo people enabled again: ${rule.enabled.join(', ')}`);
  }
  const admin = await findUserByEmail(e.RAILYARD_ADMIN_EMAIL);
  const adminPasswordCurrent = !!admin?.passwordHash && (await verifyPassword(adminPassword, admin.passwordHash));
  return { adminCreated, adminPasswordCurrent, demoPeople: rule };
}

/** What npm start needs to know to print the right sign-in hint (written with --report=FILE). */
type SeedReport = { adminCreated: boolean; adminPasswordCurrent: boolean; demoPeople: DemoRuleOutcome };

/** `--name=value` from the command line (npm start passes --report and --why). */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

async function main() {
  const token = env().RAILYARD_ADMIN_TOKEN;
  if (!token) throw new Error('RAILYARD_ADMIN_TOKEN must be set for seeding (npm start provides it)');
  await provisionAdminToken(token);
  const report = await seedFirstPeople();
  const reportFile = arg('report');
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report)}\n`, { mode: 0o600 });
  if ((await listSources()).length > 0) {
    console.log('[seed] database already has data; demo seed skipped');
    return;
  }
  const port = env().PORT;
  // npm start says where its sandbox listens (scripts/start.mjs); a hand-run seed assumes the same default.
  const sandboxUrl = arg('sandbox-url') ?? `http://127.0.0.1:${Number(port) + 10_000}`;
  // What the sandbox remembers (comments, builds) belongs to trains this new database never had.
  rmSync(join(root, '.railyard', 'sandbox'), { recursive: true, force: true });
  const { repository } = await seedDemo(token, { railyardUrl: `http://localhost:${port}`, sandboxUrl, gitDir: join(root, '.railyard', 'demo-git') });
  console.log(`[seed] demo data: ${demoSources.length} sources, ${demoWorkflowFiles.length} workflows and the release pipeline shop-web (repository ${repository}, sandbox ${sandboxUrl})`);
}

main()
  .catch((err) => {
    console.error('[seed] failed:', err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeQueues();
    await closeSharedRedis();
    await disconnectDb();
  });
