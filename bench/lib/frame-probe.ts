// In-page measurement for the editor benchmark. An init script (installed before any page script
// runs) counts animation frames and, on each one, what the canvas shows: how many React Flow
// nodes are in the DOM and the viewport transform. From that log:
// - first render = the first frame at which node count and viewport reached the values they then
//   kept (all visible nodes drawn, viewport settled), in ms from navigation start;
// - fps during a gesture = frames counted between its start and end, and the longest frame.
import type { Page } from '@playwright/test';

type Frame = [t: number, nodes: number, transform: string];
declare global {
  interface Window {
    __probe: { frames: Frame[] };
  }
}

/**
 * Installed with addInitScript. A string, not a function: tsx (esbuild keepNames) would wrap
 * named inner functions in a `__name` helper that does not exist in the page.
 */
export const probeScript = `(() => {
  const probe = { frames: [] };
  window.__probe = probe;
  const nodes = document.getElementsByClassName('react-flow__node'); // live collection: cheap to read
  const tick = (t) => {
    const viewport = document.querySelector('.react-flow__viewport');
    probe.frames.push([t, nodes.length, viewport ? viewport.style.transform : '']);
    if (probe.frames.length > 20000) probe.frames.splice(0, 10000);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

const framesSince = (page: Page, from: number) => page.evaluate((f) => window.__probe.frames.filter((x) => x[0] >= f), from);

/** Waits until the canvas has shown the same nodes and viewport for `quietMs`; returns ms from navigation start. */
export async function firstRender(page: Page, opts: { quietMs?: number; timeoutMs?: number } = {}) {
  const quiet = opts.quietMs ?? 1500;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    await page.waitForTimeout(250);
    const frames = await framesSince(page, 0);
    const last = frames.at(-1);
    if (last && last[1] > 0) {
      let i = frames.length - 1;
      while (i > 0 && frames[i - 1]![1] === last[1] && frames[i - 1]![2] === last[2]) i--;
      if (last[0] - frames[i]![0] >= quiet) return { ms: frames[i]![0], nodes: last[1] };
    }
    if (Date.now() > deadline) throw new Error(`canvas never settled (last frame: ${JSON.stringify(last)})`);
  }
}

export type FpsResult = { fps: number; longestFrameMs: number; frames: number; ms: number };

/**
 * Presses `button` at `from`, moves along a figure of eight for `ms` (one input event per
 * iteration, so a busy page also gets fewer events, as a user's would), and reports the frame rate
 * the page kept up while moving. The release comes after the window: what a drop costs (one store
 * update) is not a frame-rate question.
 */
export async function fpsWhileDragging(page: Page, from: { x: number; y: number }, opts: { ms: number; radius: number; button: 'left' | 'middle' }): Promise<FpsResult> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button: opts.button });
  const start = await page.evaluate(() => performance.now());
  const t0 = Date.now();
  for (let t = 0; t < opts.ms; t = Date.now() - t0) {
    const a = (t / opts.ms) * 2 * Math.PI;
    await page.mouse.move(from.x + opts.radius * Math.sin(a), from.y + (opts.radius / 2) * Math.sin(2 * a));
  }
  const end = await page.evaluate(() => performance.now());
  await page.mouse.up({ button: opts.button });
  const ts = (await framesSince(page, start)).map((f) => f[0]).filter((t) => t <= end);
  const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
  // Over the whole window, not first-to-last frame: a page frozen for most of it must score low.
  return { fps: (ts.length * 1000) / (end - start), longestFrameMs: Math.round(Math.max(0, ...gaps)), frames: ts.length, ms: Math.round(end - start) };
}
