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

test('the timeline\'s "What happened" row is there from Run on, so the plot barely moves when the run ends', async ({
  app: page,
}) => {
  await pickExample(page, 'primes');
  const stage = page.getByTestId('timeline');
  await runButton(page).click();
  const pending = page.getByTestId('what-happened-pending');
  await expect(pending).toHaveText('What happened: measured from this run when it ends.');
  await expect(page.getByTestId('timeline-lane').first()).toBeAttached();
  const during = (await stage.boundingBox())!.height;
  await waitForFinish(page);
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId('what-happened')).toContainText('Wall time');
  const after = (await stage.boundingBox())!.height;
  // At most the one more line the measured facts may take (the whole row appeared at the end before).
  expect(during - after).toBeLessThanOrEqual(24);
});
