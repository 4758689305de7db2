/**
 * Output faster than anyone can read: while the run is live the terminal
 * prints the newest lines of each tick and says how many more came (xterm
 * parsing thousands of lines a tick would take the frame, and the CPU from
 * the workers being watched); when the run ends, every line is printed.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { runButton, setCode, terminalLines, waitForFinish } from './app';
import { setInputs, setMaxWorkers } from './runs';

const CHATTY = `export async function chatty(n: number): Promise<number> {
  for (let i = 0; i < 3000; i++) console.log(\`task \${n} line \${i}\`);
  // Wait a while after printing, so the run is still live when the lines are shown.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  return n;
}`;

test('a flood of output: the newest lines live, every line once the run ends', async ({ app: page }) => {
  await setCode(page, CHATTY);
  await setInputs(page, '[0, 1]');
  await setMaxWorkers(page, 2);
  const banner = page.getByTestId('terminal-held-back');
  const rows = page.locator('.terminal-host .xterm-rows');
  await expect(banner).toBeHidden();
  await runButton(page).click();

  // Live: most of the 6,000 lines are held back, the banner says so, the newest are shown.
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText(/the newest lines live, [\d,]+ more when the run ends/);
  // Lines come in batches over several ticks: the count grows while the run is live.
  await expect
    .poll(async () => Number(await banner.getAttribute('data-lines-held-back')))
    .toBeGreaterThan(1000);
  await expect(rows).toContainText(/task \d line 2999/);
  await saveScreenshot(page, 'terminal-flood-live');
  await expect(page.getByTestId('run-outcome')).not.toHaveText(/^Finished in /);

  // Ended: nothing held back, the banner is gone, every line is in the terminal.
  await waitForFinish(page);
  await expect(banner).toBeHidden();
  await expect(banner).toHaveAttribute('data-lines-held-back', '0');
  await expect(rows).toContainText(/Done in .* · 2 tasks/);
  await saveScreenshot(page, 'terminal-flood-after');
  // The text mirror had every line all along.
  const lines = await terminalLines(page);
  expect(lines.filter((l) => /\] task 1 line 2999$/.test(l))).toHaveLength(1);
});
