/**
 * Predict, then run: the learner's guess of the wall time and of the result
 * order is kept in the workspace, sent with the run, and set beside the
 * measurement afterwards (also when the run is reopened from the history).
 * The example's "what to look for" stays visible with the run.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { historyItems, openHistory, runAndWait, setInputs, smallPrimes } from './runs';

test('a prediction is set beside the measurement, live and when reopened', async ({ app: page }) => {
  await smallPrimes(page, 2);
  await setInputs(page, '[300_000, 200_000, 100_000]');
  await expect(page.getByTestId('look-for')).toContainText('More workers than cores do not help');
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
  await expect(page.getByTestId('look-for')).toBeVisible();
  await saveScreenshot(page, 'prediction');

  // A wrong order is shown with the order the caller really got.
  await page.getByTestId('predict-order').fill('100000 200000 300000');
  await runAndWait(page);
  await expect(result.getByTestId('prediction-order')).toHaveAttribute('data-matched', 'false');
  await expect(result.getByTestId('prediction-order')).toContainText(
    'the caller got inputs 300000, 200000, 100000',
  );

  // The prediction went with the run: reopening the first run shows its own guess.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('predict-wall')).toHaveValue('1.5');
  await expect(page.getByTestId('predict-order')).toHaveValue('100000 200000 300000');
  await openHistory(page);
  await historyItems(page).last().getByTestId('history-open').click();
  await expect(page.getByTestId('saved-run-banner')).toBeVisible();
  await expect(page.getByTestId('prediction-order')).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('prediction-wall')).toContainText('you guessed 1.50 s');
});
