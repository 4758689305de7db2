/**
 * Predict, then run: the learner's guess of the wall time and of the result
 * order goes with the next run, is set beside its measurement afterwards
 * (also when the run is reopened from the history), and is scored against
 * that run only: the fields are clear for the next run, and loading another
 * example clears a guess not yet used.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { pickExample } from './app';
import { historyItems, openHistory, runAndWait, setInputs, smallPrimes } from './runs';

test('a prediction is set beside the measurement of its own run, live and when reopened', async ({
  app: page,
}) => {
  await smallPrimes(page, 2);
  await setInputs(page, '[300_000, 200_000, 100_000]');
  // The settings are not the lesson's any more: its note says so instead of describing them.
  await expect(page.getByTestId('lesson-changed')).toContainText('the inputs');
  await page.getByTestId('predict-wall').fill('1.5');
  // submit() then result() in submission order: the results come back in input order.
  await page.getByTestId('predict-order').fill('300_000, 200_000, 100_000');
  await runAndWait(page);

  const result = page.getByTestId('prediction-result');
  await expect(result.getByTestId('prediction-wall')).toHaveText(
    /^Wall time you guessed 1\.50 s, measured \d+\.\d+ s \((spot on|\d+\.\d+ s (longer|shorter) than you guessed)\)$/,
  );
  await expect(result.getByTestId('prediction-order')).toHaveAttribute('data-matched', 'true');
  await expect(result.getByTestId('prediction-order')).toContainText('✓ as you guessed');
  await saveScreenshot(page, 'prediction');
  // The guess went with that run: the fields are clear for the next one.
  await expect(page.getByTestId('predict-wall')).toHaveValue('');
  await expect(page.getByTestId('predict-order')).toHaveValue('');

  // A wrong order is shown with the order the caller really got.
  await page.getByTestId('predict-order').fill('100000 200000 300000');
  await runAndWait(page);
  await expect(result.getByTestId('prediction-order')).toHaveAttribute('data-matched', 'false');
  await expect(result.getByTestId('prediction-order')).toContainText(
    'the caller got inputs 300000, 200000, 100000',
  );
  // Only the order was guessed this time: no wall time is scored against this run.
  await expect(result.getByTestId('prediction-wall')).toHaveCount(0);

  // Each run keeps its own guess: reopening the first run shows the first guess.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('predict-wall')).toHaveValue('');
  await openHistory(page);
  await historyItems(page).last().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toBeVisible();
  await expect(page.getByTestId('prediction-order')).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('prediction-wall')).toContainText('you guessed 1.50 s');
});

test('loading another example clears a guess made for the previous one', async ({ app: page }) => {
  await page.getByTestId('predict-wall').fill('4');
  await page.getByTestId('predict-order').fill('0, 1, 2, 3, 4');
  await pickExample(page, 'map');
  await expect(page.getByTestId('predict-wall')).toHaveValue('');
  await expect(page.getByTestId('predict-order')).toHaveValue('');
});
