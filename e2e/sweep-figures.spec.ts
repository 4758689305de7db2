/**
 * Not a test of the app but a measurement with it: the CPU-bound example with
 * its own inputs ([2_000_000] * 8), swept over max workers 1–4 in the real
 * app, and the figures printed (and saved to test-results/sweep-figures.json).
 * Slow, so it runs only when asked: SWEEP_FIGURES=1 npm run test:e2e -- e2e/sweep-figures.spec.ts
 */
import { writeFileSync } from 'node:fs';
import { expect, saveScreenshot, test } from './fixtures';
import { pickExample } from './app';

test('measure: CPU-bound example, max workers 1 to 4', async ({ app: page }) => {
  test.skip(!process.env.SWEEP_FIGURES, 'a measurement, not a test: set SWEEP_FIGURES=1 to run it');
  test.setTimeout(300_000);
  await pickExample(page, 'primes');
  await page.getByTestId('open-sweep-runbar').click();
  await page.getByTestId('sweep-max').fill('4');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-progress')).toContainText('Sweep finished: 4 runs.', {
    timeout: 240_000,
  });
  const points = await page.getByTestId('sweep-point').evaluateAll((els) =>
    els.map((el) => ({
      workers: Number(el.getAttribute('data-workers')),
      wallMs: Number(el.getAttribute('data-wall-ms')),
      speedup: Number(el.getAttribute('data-speedup')),
    })),
  );
  const serialFraction = await page.getByTestId('serial-fraction').innerText();
  const cpus = await page.getByTestId('host-kind').innerText();
  const figures = { host: cpus, inputs: '[2_000_000] * 8', points, serialFraction };
  console.log(JSON.stringify(figures, null, 2));
  writeFileSync('test-results/sweep-figures.json', `${JSON.stringify(figures, null, 2)}\n`);
  await saveScreenshot(page, 'sweep-figures');
});
