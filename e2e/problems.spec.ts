/**
 * Bad input never runs and never loses the code: a syntax error becomes a
 * diagnostic with its line and column (in the problems strip and in the
 * editor), bad inputs and absurd settings get a message where they were typed.
 */
import { expect, saveScreenshot, test } from './fixtures';
import { editorText, outcome, pickExample, runButton, setCode, terminalLines } from './app';

const BROKEN = `export function task(n: number): number {
  const doubled = n * ;
  return doubled;
}`;

test('a syntax error shows a diagnostic at its line and column, and nothing runs', async ({ app: page }) => {
  await setCode(page, BROKEN);
  // The live check marks it in the editor as you type.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await expect(page.getByTestId('code-status')).toHaveText(/1 syntax error/);

  await runButton(page).click();
  const problems = page.getByTestId('problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByTestId('problem').first()).toContainText(/tasks\.ts 2:\d+/);
  await expect(problems.getByTestId('problem').first()).toContainText(/Unexpected|Expected/);
  await saveScreenshot(page, 'syntax-error');

  // Nothing ran, and the code is still there.
  await expect(outcome(page)).toHaveText('Ready');
  expect(await terminalLines(page)).toEqual([]);
  await expect(page.getByTestId('timeline-lane')).toHaveCount(0);
  expect(await editorText(page)).toBe(BROKEN);

  // The problem jumps to its line; dismissing leaves the code alone.
  await problems
    .getByRole('button', { name: /Unexpected|Expected/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Dismiss problems' }).click();
  await expect(problems).toBeHidden();
  expect(await editorText(page)).toBe(BROKEN);

  // Fixed, it runs.
  await setCode(page, 'export function task(n: number): number {\n  return n * 2;\n}');
  await runButton(page).click();
  await expect(outcome(page)).toHaveText(/^Finished in /);
});

test('bad inputs and absurd settings get a clear message and nothing runs', async ({ app: page }) => {
  const inputs = page.getByLabel('Inputs', { exact: true });
  await inputs.fill('range(');
  await expect(inputs).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run-inputs-error')).toContainText('Inputs:');
  await runButton(page).click();
  await expect(page.getByTestId('problems')).toContainText('Inputs:');
  await expect(outcome(page)).toHaveText('Ready');
  await saveScreenshot(page, 'inputs-error');

  await inputs.fill('[x] * 3');
  await expect(page.getByTestId('run-inputs-error')).toContainText('"x" is not allowed');
  await inputs.fill('[2] * 3');
  await expect(inputs).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('3 inputs')).toBeVisible();

  const workers = page.getByLabel('Max workers');
  await workers.fill('100');
  await expect(workers).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run-max-workers-error')).toHaveText('Max workers can be at most 64 here.');
  await runButton(page).click();
  await expect(page.getByTestId('problems')).toContainText('Max workers can be at most 64 here.');
  await expect(outcome(page)).toHaveText('Ready');
  expect(await terminalLines(page)).toEqual([]);
  await saveScreenshot(page, 'settings-error');

  await workers.fill('2');
  await expect(workers).not.toHaveAttribute('aria-invalid', 'true');
  await runButton(page).click();
  await expect(page.getByTestId('problems')).toBeHidden();
  await expect(outcome(page)).toHaveText(/^Finished in /, { timeout: 20_000 });
});

test('loading an example flashes no problem with its function while its code is being checked', async ({
  app: page,
}) => {
  // Every problem the run bar shows from here on, even for a moment (a string: it runs in the page).
  await page.evaluate(`(() => {
    const seen = [];
    globalThis.runbarProblems = seen;
    const look = () => {
      for (const el of document.querySelectorAll('.runbar .field__error')) seen.push(el.textContent);
    };
    new MutationObserver(look).observe(document.querySelector('.runbar'), {
      subtree: true,
      childList: true,
      characterData: true,
    });
  })()`);
  await pickExample(page, 'primes');
  await expect(page.locator('#run-fn option')).toHaveText(['countPrimes']);
  // The example's code is checked 350 ms after it lands; the earlier code's names said, until
  // that answer, that tasks.ts did not export countPrimes. Give the check time to answer.
  await page.waitForTimeout(2000);
  const problems = await page.evaluate(
    () => (globalThis as unknown as { runbarProblems: string[] }).runbarProblems,
  );
  expect(problems).toEqual([]);
});
