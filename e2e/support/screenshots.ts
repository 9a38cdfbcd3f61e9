// Full-page screenshots of a page in light and dark, in the test's output folder
// (test-results/… unless the config says otherwise), for review.
import { test, type Page } from '@playwright/test';

export async function screenshots(page: Page, name: string) {
  // From the top: a full-page capture of a scrolled page draws the sticky header and sidebar (and
  // the hidden skip link) where the scroll left them, not where a person sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Let the colour transitions (150 ms) finish, or the picture catches buttons half-way.
    await page.waitForTimeout(400);
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
