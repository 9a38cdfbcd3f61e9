// The demo product's git repository: a bare repository under .railyard/demo-git with a believable
// history (conventional commits by a small team over the last six weeks, ticket keys such as
// SHOP-101, a v1.3.0 release tag and a VERSION file), so the demo release pipeline's git steps,
// changelog and tag work on real git from a fresh install.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const TEAM = {
  amara: 'Amara Okafor <amara.okafor@shop.example>',
  li: 'Li Wei <li.wei@shop.example>',
  jonas: 'Jonas Berg <jonas.berg@shop.example>',
  sofia: 'Sofia Marquez <sofia.marquez@shop.example>',
};

type Commit = { daysAgo: number; by: keyof typeof TEAM; message: string; file: string; content: string; tag?: string };

/** Oldest first. After v1.3.0, main carries 1.4.0-SNAPSHOT: the next train releases 1.4.0. */
export const DEMO_HISTORY: Commit[] = [
  { daysAgo: 41, by: 'amara', message: 'chore: scaffold the shop-web storefront', file: 'VERSION', content: '1.3.0-SNAPSHOT\n' },
  { daysAgo: 38, by: 'jonas', message: 'feat(catalog): product listing with filters SHOP-88', file: 'src/catalog/listing.ts', content: 'export const filters = ["size", "colour", "price"];\n' },
  { daysAgo: 35, by: 'li', message: 'fix(cart): keep quantities when the session renews SHOP-91', file: 'src/cart/session.ts', content: 'export const keepQuantities = true;\n' },
  { daysAgo: 33, by: 'amara', message: 'chore(release): 1.3.0', file: 'VERSION', content: '1.3.0\n', tag: 'v1.3.0' },
  { daysAgo: 33, by: 'amara', message: 'chore: start 1.4.0-SNAPSHOT', file: 'VERSION', content: '1.4.0-SNAPSHOT\n' },
  { daysAgo: 29, by: 'amara', message: 'feat(checkout): guest checkout without an account SHOP-101', file: 'src/checkout/guest.ts', content: 'export const guestCheckout = true;\n' },
  { daysAgo: 26, by: 'jonas', message: 'fix(search): ignore accents in product names SHOP-102', file: 'src/search/normalise.ts', content: 'export const normalise = (s: string) => s.normalize("NFD").replace(/\\p{M}/gu, "");\n' },
  { daysAgo: 22, by: 'li', message: 'feat(payments): Apple Pay at checkout SHOP-104', file: 'src/payments/apple-pay.ts', content: 'export const applePay = { enabled: true };\n' },
  { daysAgo: 18, by: 'jonas', message: 'perf(search): cache facet counts for five minutes SHOP-107', file: 'src/search/facets.ts', content: 'export const facetCacheSeconds = 300;\n' },
  { daysAgo: 15, by: 'sofia', message: 'fix(checkout): show VAT on the order summary SHOP-105', file: 'src/checkout/summary.ts', content: 'export const showVat = true;\n' },
  { daysAgo: 11, by: 'jonas', message: 'feat(search): typo-tolerant product search SHOP-107', file: 'src/search/fuzzy.ts', content: 'export const maxTypos = 2;\n' },
  { daysAgo: 8, by: 'sofia', message: 'docs: describe how shop-web is released', file: 'README.md', content: '# shop-web\n\nThe storefront. Released by the Railyard pipeline `shop-web`: Cut branch, Preproduction build, Test environment, Production.\n' },
  { daysAgo: 5, by: 'li', message: 'refactor(cart): split pricing rules out of the cart service', file: 'src/cart/pricing.ts', content: 'export const rules = ["bundle", "coupon"];\n' },
  { daysAgo: 2, by: 'li', message: 'fix(payments): retry a declined Apple Pay token once SHOP-104', file: 'src/payments/apple-pay.ts', content: 'export const applePay = { enabled: true, retries: 1 };\n' },
];

/** Ticket keys and subjects the demo history mentions after v1.3.0 (what the first train's changelog lists). */
export const DEMO_UNRELEASED = DEMO_HISTORY.slice(DEMO_HISTORY.findIndex((c) => c.tag === 'v1.3.0') + 2);

const iso = (now: Date, daysAgo: number, i: number) => new Date(now.getTime() - daysAgo * 86_400_000 + i * 60_000).toISOString();

/**
 * (Re)creates `<dir>/shop-web.git`. Only called when the demo is seeded into an empty database,
 * so an old copy (with tags of trains that database no longer knows) is replaced.
 */
export function createDemoRepository(dir: string, now = new Date()): string {
  const bare = join(dir, 'shop-web.git');
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'railyard-demo-repo-'));
  // A clean environment: no user or system git config (hooks, signing) leaks into the demo history.
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: work, env: { ...base, ...env } as unknown as NodeJS.ProcessEnv, stdio: 'pipe' });
  try {
    git(['init', '--quiet', '--initial-branch=main']);
    DEMO_HISTORY.forEach((c, i) => {
      const [, name, email] = /^(.*) <(.*)>$/.exec(TEAM[c.by])!;
      const at = iso(now, c.daysAgo, i);
      const who = { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
      mkdirSync(dirname(join(work, c.file)), { recursive: true });
      writeFileSync(join(work, c.file), c.content);
      git(['add', '--', c.file]);
      git(['-c', 'commit.gpgSign=false', 'commit', '--quiet', '--no-verify', '-m', c.message], who);
      if (c.tag) git(['-c', 'tag.gpgSign=false', 'tag', '-a', c.tag, '-m', `shop-web ${c.tag.slice(1)}`], who);
    });
    execFileSync('git', ['clone', '--quiet', '--bare', work, bare], { env: base as unknown as NodeJS.ProcessEnv, stdio: 'pipe' });
    // The work folder is about to go: the bare repository is the origin, it has none of its own.
    execFileSync('git', ['remote', 'remove', 'origin'], { cwd: bare, env: base as unknown as NodeJS.ProcessEnv, stdio: 'pipe' });
    return bare;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
