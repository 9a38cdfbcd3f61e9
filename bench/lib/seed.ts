// The bench's data, created through the same use-cases a user would call (prisma/seed/helpers.ts).
// Workflows are generated as text so a new scenario only needs another `chain(n)` or trigger type.
import { randomBytes } from 'node:crypto';

export const SOURCE = 'bench';
/** Type that triggers the one-step `log` workflow (ingest and latency scenarios). */
export const ONE_STEP_TYPE = 'one';
/** Type that triggers an n-step no-op chain (step-overhead and step-throughput scenarios). */
export const chainType = (n: number) => `chain-${n}`;

/** YAML for `s1 → s2 → … → sn`, each a `log` step with a literal message (no template cost). */
export function chainWorkflow(name: string, type: string, n: number): string {
  const steps = Array.from({ length: n }, (_, i) =>
    [`  - id: s${i + 1}`, '    action: log', '    with: { message: "bench" }', ...(i ? [`    needs: [s${i}]`] : [])].join('\n'),
  );
  return ['apiVersion: railyard/v1', 'kind: Workflow', `name: ${name}`, `description: Bench, ${n} no-op log step(s).`,
    `trigger: { source: ${SOURCE}, type: ${type} }`, 'steps:', ...steps, ''].join('\n');
}

/** Seeds the admin token, the generic source (token auth) and the workflows; returns the source token. */
export async function seedBench(opts: { adminToken: string; chainLengths: number[] }): Promise<{ sourceToken: string }> {
  // Imported here, not at the top: server/ reads process.env, which index.ts fills in first.
  const { provisionAdminToken } = await import('../../server/auth/tokens');
  const { seedSource, seedWorkflowText } = await import('../../prisma/seed/helpers');
  await provisionAdminToken(opts.adminToken);
  const sourceToken = `bench_${randomBytes(18).toString('base64url')}`;
  await seedSource({ key: SOURCE, name: 'Bench', preset: 'generic', auth: { mode: 'token', secret: sourceToken } });
  await seedWorkflowText(chainWorkflow('bench-one-step', ONE_STEP_TYPE, 1));
  for (const n of opts.chainLengths) await seedWorkflowText(chainWorkflow(`bench-chain-${n}`, chainType(n), n));
  return { sourceToken };
}

/** Closes the Prisma client and Redis connections the seed helpers opened in this process. */
export async function closeServerClients() {
  const { disconnectDb } = await import('../../server/db/client');
  const { closeQueues } = await import('../../server/queue/enqueue');
  const { closeSharedRedis } = await import('../../server/queue/connection');
  await closeQueues();
  await closeSharedRedis();
  await disconnectDb();
}
