/**
 * Replay: a run reopened from the history plays again at a chosen speed
 * (0.25× to 4×), pauses, and steps one event at a time, forward and back,
 * saying what each event was — the timeline and the terminal follow.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { setCode } from './app';
import { historyItems, openHistory, runAndWait, setInputs, setMaxWorkers } from './runs';

test('a saved run replays at 0.25×–4× and steps event by event', async ({ app: page }) => {
  await setCode(page, 'export function work(n: number): number {\n  sleep(150);\n  return n * 2;\n}');
  await setInputs(page, 'range(4)');
  await setMaxWorkers(page, 2);
  await runAndWait(page);
  await openHistory(page);
  await historyItems(page).first().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toBeVisible();
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4);

  await page.getByTestId('replay-start').click();
  const position = page.getByTestId('replay-position');
  await expect(position).toContainText(/^Event \d+ of \d+/);
  await expect(page.getByTestId('replay-speed').locator('option')).toHaveText([
    '0.25×',
    '0.5×',
    '1×',
    '2×',
    '4×',
  ]);
  await page.getByTestId('replay-speed').selectOption('0.25');
  // Back to the start, then step: one event each, said in words.
  await page.getByRole('button', { name: 'Back to the start' }).click();
  await expect(position).toContainText(/^Event 0 of (\d+)/);
  await expect(page.getByTestId('timeline-bar')).toHaveCount(0);
  await page.getByTestId('replay-step').click();
  await expect(position).toContainText(/^Event 1 of \d+ · 0\.00 s · 0\.00 s: the run started/);
  for (let i = 0; i < 40; i++) {
    if ((await page.getByTestId('timeline-bar').count()) > 0) break;
    await page.getByTestId('replay-step').click();
  }
  await expect(page.getByTestId('timeline-bar').first()).toBeAttached();
  const at = Number(/^Event (\d+)/.exec(await position.innerText())![1]);
  await page.getByTestId('replay-back').click();
  await expect(position).toContainText(`Event ${at - 1} of`);
  await saveScreenshot(page, 'replay-stepping');

  // Play at 4× to the end: every task is back.
  await page.getByTestId('replay-speed').selectOption('4');
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4, { timeout: 20_000 });
  await expect(page.getByTestId('replay-play')).toHaveText(/Play/, { timeout: 20_000 });
  await page.getByTestId('replay-end').click();
  await expect(page.getByTestId('replay-start')).toBeVisible();
  await expect(page.getByTestId('timeline-bar')).toHaveCount(4);
});
