// The editor bench's measurements: each of our canvases, then the bare React Flow page with the
// same nodes, edges, positions and pane size, in the same browser, one after the other (so a burst
// of load from others hits both about equally). Rows carry the baseline and the issue's goals.
import type { Browser, BrowserContext } from '@playwright/test';
import { positionsFor } from '../../engine/workflow/auto-layout';
import { graphEdges, TRIGGER_ID } from '../../engine/workflow/graph-model';
import type { BareGraph } from '../baseline/bare-flow';
import { openBareFlow } from '../lib/bare-flow';
import { measureCanvas, type CanvasResult } from '../lib/editor-measure';
import { approvalIndex, stagedSteps } from '../lib/editor-seed';
import { probeScript } from '../lib/frame-probe';
import type { Row } from '../lib/table';

const GOALS: Record<number, { renderMs: number; fps: number }> = { 300: { renderMs: 1000, fps: 50 }, 1000: { renderMs: 2500, fps: 30 } };
const VIEWPORT = { width: 1440, height: 900 };

type Opts = { browser: Browser; baseUrl: string; admin: { email: string; password: string }; sizes: number[];
  workflowName: (n: number) => string; runId: string; log: (line: string) => void };

async function signIn(context: BrowserContext, email: string, password: string) {
  const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
  const res = await context.request.post('/api/auth/callback/credentials', { form: { email, password, csrfToken, json: 'true', callbackUrl: '/' } });
  if (res.status() !== 200) throw new Error(`sign-in answered ${res.status()}`);
}

/** The editor's picture of an n-step workflow (trigger included) as the baseline's plain graph. */
function editorGraph(n: number, size: BareGraph['size']): BareGraph {
  const steps = stagedSteps(n);
  const at = positionsFor({ steps });
  const nodes = [TRIGGER_ID, ...steps.map((s) => s.id)].map((id) => ({ id, ...at[id]! }));
  return { nodes, edges: graphEdges({ steps }).map((e) => [e.source, e.target]), fit: true, visibleOnly: nodes.length > 150, panButtons: [1, 2], size };
}

/** The run graph's picture: no trigger, opened at zoom 0.8 on the waiting step. */
function runGraph(n: number, size: BareGraph['size']): BareGraph {
  const steps = stagedSteps(n);
  const at = positionsFor({ steps });
  const focus = at[steps[approvalIndex(steps)]!.id]!;
  const zoom = 0.8;
  return {
    nodes: steps.map((s) => ({ id: s.id, ...at[s.id]! })),
    edges: steps.flatMap((s) => s.needs.map((need): [string, string] => [need, s.id])),
    fit: false,
    viewport: { zoom, x: size.width / 2 - (focus.x + 110) * zoom, y: size.height / 2 - (focus.y + 38) * zoom },
    visibleOnly: true,
    panButtons: true,
    size,
  };
}

const fps = (x: number) => `${x.toFixed(1)} fps`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function rowsFor(section: string, ours: CanvasResult, bare: CanvasResult, goal?: { renderMs: number; fps: number }): Row[] {
  const rows: Row[] = [
    { section, metric: 'first render', value: `${ours.firstRenderMs} ms`,
      note: `bare React Flow ${bare.firstRenderMs} ms · ${ours.nodesInDom} nodes in DOM (bare ${bare.nodesInDom})${goal ? ` · goal ≤ ${goal.renderMs} ms: ${verdict(ours.firstRenderMs <= goal.renderMs)}` : ''}` },
    { section, metric: 'pan', value: fps(ours.pan.fps),
      note: `bare ${fps(bare.pan.fps)} · longest frame ${ours.pan.longestFrameMs} ms (bare ${bare.pan.longestFrameMs})${goal ? ` · goal ≥ ${goal.fps}: ${verdict(ours.pan.fps >= goal.fps)}` : ''}` },
  ];
  if (ours.drag && bare.drag) {
    rows.push({ section, metric: 'drag a node', value: fps(ours.drag.fps),
      note: `bare ${fps(bare.drag.fps)} · longest frame ${ours.drag.longestFrameMs} ms (bare ${bare.drag.longestFrameMs})` });
  }
  return rows;
}

export async function runEditorScenarios(opts: Opts): Promise<{ rows: Row[]; json: unknown }> {
  const context = await opts.browser.newContext({ baseURL: opts.baseUrl, viewport: VIEWPORT });
  await context.addInitScript({ content: probeScript });
  await signIn(context, opts.admin.email, opts.admin.password);
  const measure = async (open: (page: import('@playwright/test').Page) => Promise<unknown>, drag: boolean) => {
    const page = await context.newPage();
    try {
      return await measureCanvas(page, { open: async () => void (await open(page)), drag });
    } finally {
      await page.close();
    }
  };

  // Warm-up (not measured): the app's scripts come from the HTTP cache afterwards, as for a user
  // who has the dashboard open; the first editor open also compiles nothing (production build).
  opts.log('warm-up: opening the editor once…');
  await measure((p) => p.goto(`/workflows/${opts.workflowName(opts.sizes[0]!)}/edit`), false);

  const rows: Row[] = [];
  const json: Record<string, { ours: CanvasResult; bare: CanvasResult } | { error: string }> = {};
  // One canvas failing (a page error, a timeout) is reported in its row; the others still run.
  const compare = async (key: string, section: string, ours: () => Promise<CanvasResult>, bare: (o: CanvasResult) => Promise<CanvasResult>, goal?: { renderMs: number; fps: number }) => {
    opts.log(`${section}…`);
    try {
      const o = await ours();
      const b = await bare(o);
      json[key] = { ours: o, bare: b };
      rows.push(...rowsFor(section, o, b, goal));
    } catch (err) {
      json[key] = { error: (err as Error).message };
      rows.push({ section, metric: 'failed', value: 'n/a', note: (err as Error).message.split('\n')[0] });
    }
  };
  for (const n of opts.sizes) {
    await compare(`editor-${n}`, `editor · ${n} steps`,
      () => measure((p) => p.goto(`/workflows/${opts.workflowName(n)}/edit`), true),
      (o) => measure((p) => openBareFlow(p, editorGraph(n, o.pane)), true), GOALS[n]);
  }
  await compare('run-graph-300', 'run graph · 300 steps',
    () => measure((p) => p.goto(`/runs/${opts.runId}`), false),
    (o) => measure((p) => openBareFlow(p, runGraph(300, o.pane)), false), GOALS[300]);
  await context.close();
  return { rows, json };
}
