/**
 * Task functions in Python: the language switch in task mode takes Python,
 * and the run bar drives it through CPython's own ProcessPoolExecutor — the
 * equivalent Python program shown is the one that runs — so the same
 * settings run in both languages. Skipped, saying why, without python3.
 */
import { PYTHON3_VERSION } from './python3';
import { expect, saveScreenshot, test } from './fixtures';
import {
  chooseCode,
  expectSubmitExampleResults,
  pickExample,
  runButton,
  terminalLines,
  waitForFinish,
} from './app';

const python = PYTHON3_VERSION;
test.skip(python === null, 'python3 is not installed here: Python task mode needs CPython');

test('Python task mode runs the submit example on CPython: 3 processes share 5 tasks, results in order', async ({
  app: page,
}) => {
  await pickExample(page, 'submit');
  await chooseCode(page, 'Tasks', 'Python');
  // The same settings as the TypeScript example; the editor now holds the task in Python.
  await expect(page.getByLabel('Inputs', { exact: true })).toHaveValue('range(5)');
  await expect(page.getByLabel('Function', { exact: true })).toHaveValue('task');
  await expect(page.getByTestId('code-status')).toHaveText('functions: task');
  const program = page.getByTestId('program-text');
  await expect(program).toContainText('from tasks import task');
  await expect(program).toContainText('with ProcessPoolExecutor(max_workers=3) as executor:');

  await runButton(page).click();
  await waitForFinish(page, 40_000);
  expect((await terminalLines(page))[0]).toMatch(/^▶ task\(\) over range\(5\) with submit: .* · Python 3\./);
  await expectSubmitExampleResults(page);
  await saveScreenshot(page, 'python-tasks-submit');
});
