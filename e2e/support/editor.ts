// Helpers for driving the visual editor as a person does: React Flow nodes and handles with the
// mouse, the side panel's fields, the theme toggle, and screenshots for looking at the result.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const node = (page: Page, id: string) => page.getByTestId(`editor-node-${id}`);
export const edge = (page: Page, from: string, to: string) => page.getByTestId(`rf__edge-${from}->${to}`);
const handle = (page: Page, id: string, type: 'source' | 'target') => page.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle.${type}`);

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box (not rendered?)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a wire from one step's output handle to another's input handle, in small mouse steps as xyflow's own e2e tests do. */
export async function dragConnection(page: Page, from: string, to: string) {
  const a = await centre(handle(page, from, 'source'));
  const b = await centre(handle(page, to, 'target'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** Selects a step (or the trigger) by clicking its node; the side panel follows. */
export async function selectNode(page: Page, id: string) {
  await node(page, id).click();
  await expect(page.locator('.react-flow__node', { has: node(page, id) })).toHaveClass(/selected/);
}

/** Clears the selection by clicking the empty canvas: the panel shows the workflow's settings. */
export async function selectNothing(page: Page) {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + 12);
}

/**
 * Waits until the canvas stops moving (fit and auto-layout animate the viewport for a moment):
 * handles must be read where they end up, not mid-flight. Polls; never sleeps a fixed time.
 */
export async function viewportSettled(page: Page) {
  const viewport = page.locator('.react-flow__viewport').first();
  let last: string | null = null;
  await expect
    .poll(async () => {
      const now = await viewport.getAttribute('style');
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [100] })
    .toBe(true);
}

export async function fitView(page: Page) {
  await page.getByRole('button', { name: 'Fit to screen' }).first().click();
  await viewportSettled(page);
}

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.getByTitle(theme === 'dark' ? 'Dark theme' : 'Light theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Saves a screenshot into the test's output folder (and into RAILYARD_SCREENSHOT_DIR when set, to
 * refresh docs/screenshots), and attaches it to the report.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, target?: Locator) {
  const file = testInfo.outputPath(`${name}.png`);
  const shot = target ? await target.screenshot({ path: file, animations: 'disabled' }) : await page.screenshot({ path: file, animations: 'disabled' });
  await testInfo.attach(name, { body: shot, contentType: 'image/png' });
  const dir = process.env.RAILYARD_SCREENSHOT_DIR;
  if (dir) {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.png`, shot);
  }
}
