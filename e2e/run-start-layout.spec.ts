/**
 * Pressing Run must not move the page: the run bar keeps its height while
 * the pool starts (the status bar and the timeline say "Starting…"), so the
 * editor, timeline and terminal below it are not laid out again just as
 * the workers start.
 */
import { expect, test } from './fixtures';
import { pickExample, runButton, waitForFinish } from './app';

// A common laptop screen, where the run bar's settings and buttons just fit on one row.
test.use({ viewport: { width: 1440, height: 900 } });

test('the run bar keeps its height from Run to the end of the run', async ({ app: page }) => {
  await pickExample(page, 'primes');
  const runbar = page.locator('.runbar');
  const before = (await runbar.boundingBox())!.height;
  // Every height the run bar takes while the run starts and goes (a ResizeObserver sees each).
  // A string: it runs in the page, not in Node.
  await page.evaluate(`(() => {
    const el = document.querySelector('.runbar');
    const seen = [];
    globalThis.runbarHeights = seen;
    new ResizeObserver(() => seen.push(el.getBoundingClientRect().height)).observe(el);
  })()`);
  await runButton(page).click();
  await waitForFinish(page);
  const heights = await page.evaluate(
    () => (globalThis as unknown as { runbarHeights: number[] }).runbarHeights,
  );
  expect(heights.length).toBeGreaterThan(0); // the observer's first report
  for (const h of heights) expect(h).toBeCloseTo(before, 0);
});
