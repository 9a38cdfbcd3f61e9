// One canvas measurement: open it, wait for the first complete render, pan with the middle button
// (the editor keeps the left button for selecting; React Flow pans with it everywhere), then drag
// the node nearest the centre. The same sequence runs on our pages and on the bare baseline.
import type { Page } from '@playwright/test';
import { firstRender, fpsWhileDragging, type FpsResult } from './frame-probe';

export type CanvasResult = { firstRenderMs: number; nodesInDom: number; pane: { width: number; height: number }; pan: FpsResult; drag: FpsResult | null };

const GESTURE_MS = 2500;

async function paneCentre(page: Page) {
  const box = await page.locator('.react-flow__pane').first().boundingBox();
  if (!box) throw new Error('no React Flow pane on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height };
}

/** Centre of the drawn node closest to the pane's centre (fully inside the pane). */
async function nodeNearCentre(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    let best: { x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      if (r.left < pane.left || r.right > pane.right || r.top < pane.top || r.bottom > pane.bottom) continue;
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) best = { x, y, d };
    }
    return best;
  });
}

export async function measureCanvas(page: Page, opts: { open: () => Promise<void>; drag: boolean }): Promise<CanvasResult> {
  await opts.open();
  const first = await firstRender(page);
  const centre = await paneCentre(page);
  const radius = Math.min(centre.width, centre.height) / 3;
  const pan = await fpsWhileDragging(page, centre, { ms: GESTURE_MS, radius, button: 'middle' });
  await page.waitForTimeout(300);
  let drag: FpsResult | null = null;
  if (opts.drag) {
    const node = await nodeNearCentre(page);
    if (!node) throw new Error('no node fully on screen to drag');
    drag = await fpsWhileDragging(page, node, { ms: GESTURE_MS, radius: radius / 2, button: 'left' });
  }
  return { firstRenderMs: Math.round(first.ms), nodesInDom: first.nodes, pane: { width: Math.round(centre.width), height: Math.round(centre.height) }, pan, drag };
}
