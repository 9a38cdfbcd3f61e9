// Data for the editor benchmark: generated workflows shaped like real ones (stages of 1–4 parallel
// steps, fan-out and fan-in between neighbouring stages, a mix of actions with params), an admin
// who signs in through the browser, and one 300-step run that stops halfway at an approval, so
// the run graph shows succeeded, waiting and pending steps like a release in progress.
import { randomBytes } from 'node:crypto';

export const EDITOR_SOURCE = 'bench-editor';
export const RUN_TYPE = 'run-graph';
export const ADMIN = { email: 'bench-admin@railyard.local', password: `bench-${randomBytes(9).toString('base64url')}` };

const WIDTHS = [1, 3, 2, 4, 1, 2, 3, 1];

/** `{id, needs}` for n steps in stages; ids s1…sn in definition order. */
export function stagedSteps(n: number): { id: string; needs: string[]; alone: boolean }[] {
  const out: { id: string; needs: string[]; alone: boolean }[] = [];
  let prev: string[] = [];
  for (let stage = 0; out.length < n; stage++) {
    const width = Math.min(WIDTHS[stage % WIDTHS.length]!, n - out.length);
    const ids = Array.from({ length: width }, (_, i) => `s${out.length + i + 1}`);
    ids.forEach((id, i) => {
      // One step after a fan-out joins them all; parallel branches continue one to one.
      const needs = prev.length <= 1 || width === 1 ? prev : [prev[i % prev.length]!];
      out.push({ id, needs, alone: width === 1 });
    });
    prev = ids;
  }
  return out;
}

function stepYaml({ id, needs }: { id: string; needs: string[] }, i: number, approvalAt: number | null): string[] {
  const head = [`  - id: ${id}`];
  const tail = needs.length ? [`    needs: [${needs.join(', ')}]`] : [];
  if (i === approvalAt) return [...head, '    action: approval.request', '    description: Release manager signs off.', '    with: { message: "Ship it?" }', ...tail];
  if (i % 3 === 1) {
    return [...head, '    action: vars.set', `    description: Remember where step ${id} got to.`, `    with: { values: { ${id}: "{{ event.payload.ref }}" } }`, ...tail];
  }
  return [...head, '    action: log', `    description: Progress note ${i + 1}.`, `    with: { message: "step ${id} for {{ event.payload.ref }}", level: info }`, ...tail];
}

/** Index of the step that asks for approval in the run: the first lone stage past the middle. */
export const approvalIndex = (steps: readonly { alone: boolean }[]) => steps.findIndex((s, i) => i >= steps.length / 2 && s.alone);

/** YAML of an n-step workflow; with `approval`, the step at the middle waits for an approval. */
export function stagedWorkflow(name: string, type: string, n: number, opts: { approval?: boolean } = {}): string {
  const steps = stagedSteps(n);
  // A stage of width 1, so everything after it waits behind the approval.
  const approvalAt = opts.approval ? approvalIndex(steps) : null;
  return ['apiVersion: railyard/v1', 'kind: Workflow', `name: ${name}`, `description: Editor bench, ${n} steps.`,
    `trigger: { source: ${EDITOR_SOURCE}, type: ${type} }`, 'steps:', ...steps.flatMap((s, i) => stepYaml(s, i, approvalAt)), ''].join('\n');
}

export const editorWorkflowName = (n: number) => `bench-editor-${n}`;

/** Admin token, the signing-in admin, the source and the workflows; returns the source token. */
export async function seedEditorBench(opts: { adminToken: string; sizes: number[]; runSteps: number }) {
  // Imported here: server/ reads process.env, which editor.ts fills in first.
  const { provisionAdminToken } = await import('../../server/auth/tokens');
  const { seedSource, seedWorkflowText } = await import('../../prisma/seed/helpers');
  const { seedPeople } = await import('../../prisma/seed/people');
  await provisionAdminToken(opts.adminToken);
  await seedPeople({ adminEmail: ADMIN.email, adminPassword: ADMIN.password, adminName: 'Bench Admin', demo: false });
  const sourceToken = `bench_${randomBytes(18).toString('base64url')}`;
  await seedSource({ key: EDITOR_SOURCE, name: 'Editor bench', preset: 'generic', auth: { mode: 'token', secret: sourceToken } });
  for (const n of opts.sizes) await seedWorkflowText(stagedWorkflow(editorWorkflowName(n), `open-${n}`, n));
  await seedWorkflowText(stagedWorkflow(`bench-run-${opts.runSteps}`, RUN_TYPE, opts.runSteps, { approval: true }));
  return { sourceToken, admin: ADMIN };
}
