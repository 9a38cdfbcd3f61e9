// The demo release pipeline `shop-web` (issue 10): a local git repository with a believable
// history, sandbox credentials as secrets, the workflows that do the release work, the pipeline
// and its features. Seeded into an empty database only (prisma/seed/index.ts), and by the
// demo-release integration test. Everything goes through the use-cases a person would call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { createFeature } from '@/server/use-cases/manage-features';
import { setSecret } from '@/server/use-cases/manage-secrets';
import { publishPipeline } from '@/server/use-cases/publish-pipeline';
import { seedWorkflowFile } from '../helpers';
import { createDemoRepository } from './demo-repo';

/** What the sandbox (scripts/sandbox/server.mjs) accepts by default; replace with real credentials. */
export const SANDBOX_SECRETS = { JIRA_USER: 'railyard-bot', JIRA_TOKEN: 'sandbox-token', JENKINS_USER: 'railyard-bot', JENKINS_TOKEN: 'sandbox-token' };

/** The shop-web workflows, in the order they are published (each before the pipeline naming it). */
export const RELEASE_WORKFLOWS = ['shop-web-cut-branch', 'shop-web-preprod-build', 'shop-web-test-deploy', 'shop-web-production'];

const days = (n: number, now: Date) => new Date(now.getTime() - n * 86_400_000).toISOString();

/** Owners are Jira user names: the cut-branch workflow adds them as watchers of the release ticket. */
export const DEMO_FEATURES = (now: Date) => [
  { key: 'SHOP-101', title: 'Guest checkout without an account', owner: 'amara.okafor', branch: 'feature/SHOP-101-guest-checkout', status: 'ready', firstCommitAt: days(29, now) },
  { key: 'SHOP-104', title: 'Apple Pay at checkout', owner: 'li.wei', branch: 'feature/SHOP-104-apple-pay', status: 'ready', firstCommitAt: days(22, now) },
  { key: 'SHOP-107', title: 'Typo-tolerant product search', owner: 'jonas.berg', branch: 'feature/SHOP-107-fuzzy-search', status: 'ready', firstCommitAt: days(18, now) },
  { key: 'SHOP-110', title: 'Share a wishlist by link', owner: 'sofia.marquez', branch: 'feature/SHOP-110-wishlist-sharing', status: 'open', firstCommitAt: null },
];

export type DemoReleaseOptions = {
  /** Folder for the bare repository (listed in RAILYARD_GIT_LOCAL_REMOTES for git.clone/git.push). */
  gitDir: string;
  /** Where the sandbox listens (Jira and Jenkins stand-ins). */
  sandboxUrl: string;
  /** Railyard's own base URL, for the demo deploy hook. */
  railyardUrl: string;
  now?: Date;
};

export async function seedDemoRelease(opts: DemoReleaseOptions): Promise<{ repository: string }> {
  const now = opts.now ?? new Date();
  const repository = createDemoRepository(opts.gitDir, now);
  for (const [name, value] of Object.entries(SANDBOX_SECRETS)) await setSecret(SYSTEM_ACTOR, name, value);
  const replace = { __SANDBOX_URL__: opts.sandboxUrl.replace(/\/+$/, ''), __RAILYARD_URL__: opts.railyardUrl.replace(/\/+$/, ''), __DEMO_REPO__: repository };
  // Published as the system admin, so each version is granted the secrets it reads.
  for (const name of RELEASE_WORKFLOWS) await seedWorkflowFile(join(import.meta.dirname, 'workflows', `${name}.yaml`), replace);
  let pipeline = readFileSync(join(import.meta.dirname, 'shop-web.pipeline.yaml'), 'utf8');
  for (const [from, to] of Object.entries(replace)) pipeline = pipeline.replaceAll(from, to);
  await publishPipeline(SYSTEM_ACTOR, { text: pipeline, message: 'demo seed' });
  for (const f of DEMO_FEATURES(now)) {
    await createFeature(SYSTEM_ACTOR, { ...f, pipeline: 'shop-web', link: `${replace.__SANDBOX_URL__}/browse/${f.key}` });
  }
  return { repository };
}
