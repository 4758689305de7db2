/**
 * Runs that go wrong: Stop ends a task that never returns, a worker that
 * exits breaks the pool (as Python's BrokenProcessPool), and either way the
 * app stays usable for the next run.
 */
import { expect, saveScreenshot, test } from './fixtures';
import {
  lanePids,
  outcome,
  runButton,
  setCode,
  stopButton,
  terminalLines,
  terminalSettled,
  waitForFinish,
} from './app';

test('Stop ends while (true) {}, and the next run works', async ({ app: page }) => {
  await setCode(
    page,
    `export function spin(n: number): number {
  console.log(\`spinning in \${process.pid}\`);
  while (true) {}
}`,
  );
  await page.getByLabel('Inputs', { exact: true }).fill('range(2)');
  await page.getByLabel('Max workers').fill('2');
  await runButton(page).click();
  await expect(page.locator('[data-testid="timeline-bar"][data-state="running"]')).toHaveCount(2, {
    timeout: 15_000,
  });
  await expect(stopButton(page)).toBeEnabled();
  await saveScreenshot(page, 'stop-before');

  await stopButton(page).click();
  // The tasks spin for ever: the run ending at all is Stop's doing (how fast is the benchmarks' to say).
  await expect(outcome(page)).toHaveText(/^Stopped/);
  await expect(page.locator('[data-testid="timeline-lane"][data-alive="true"]')).toHaveCount(0);
  await expect(stopButton(page)).toBeDisabled();
  await expect.poll(async () => (await terminalLines(page)).at(-1)).toMatch(/^Stopped in /);
  await saveScreenshot(page, 'stop-after');

  await setCode(page, 'export function spin(n: number): number {\n  return n + 1;\n}');
  await runButton(page).click();
  await waitForFinish(page);
  expect(await terminalLines(page)).toContain('[caller] 2');
});

test('a task calling process.exit(1) breaks the pool, naming the PID, and the app stays usable', async ({
  app: page,
}) => {
  await setCode(
    page,
    `export function task(n: number): number {
  if (n === 2) {
    console.log(\`Task 2 exits its process \${process.pid}\`);
    process.exit(1);
  }
  sleep(300);
  return n;
}`,
  );
  await runButton(page).click();
  await expect(outcome(page)).toHaveText('Broken pool', { timeout: 20_000 });
  const detail = page.getByTestId('run-outcome-detail');
  await expect(detail).toContainText('BrokenProcessPool');
  await terminalSettled(page);
  const lines = await terminalLines(page);
  const exiter = lines
    .map((l) => /^\[(\d+)\] Task 2 exits its process (\d+)$/.exec(l))
    .find((m) => m !== null);
  expect(exiter).toBeTruthy();
  const pid = exiter![2]!;
  await expect(detail).toContainText(`process ${pid}`);
  expect(lines.some((l) => l.includes('BrokenProcessPool') && l.includes(pid))).toBe(true);
  expect(await lanePids(page)).toContain(pid);
  await expect(page.locator(`[data-testid="timeline-bar"][data-label="task(2)"]`)).toHaveAttribute(
    'data-state',
    'failed',
  );
  await saveScreenshot(page, 'broken-pool');

  // Still usable: fix the task and run again.
  await setCode(page, 'export function task(n: number): number {\n  return n * 10;\n}');
  await runButton(page).click();
  await waitForFinish(page);
  expect((await terminalLines(page)).filter((l) => l.startsWith('[caller]'))).toEqual([
    '[caller] 0',
    '[caller] 10',
    '[caller] 20',
    '[caller] 30',
    '[caller] 40',
  ]);
});
