/**
 * Pasting more code than the host takes neither ends the host nor loses the
 * code: the editor says it is too long, Run says so in the host's own words,
 * the status bar says it is not saved (and kept in this browser), a reload
 * brings it back, and shortening it saves and runs again.
 */
import { CODE_TOO_LONG, MAX_CODE_CHARS } from '../shared/limits';
import { expect, saveScreenshot, test } from './fixtures';
import { outcome, pasteCode, runButton, setCode } from './app';

const HEAD = 'export function task(n: number): number {\n  return n * 2;\n}\n';
const PADDING = '// a line of padding that makes the module longer than the limit\n';
const HUGE = HEAD + PADDING.repeat(Math.ceil((MAX_CODE_CHARS + 1000) / PADDING.length));

test('code over the size limit is refused with a clear message, never sent, and never lost', async ({
  app: page,
  host,
}) => {
  expect(HUGE.length).toBeGreaterThan(MAX_CODE_CHARS);
  await pasteCode(page, HUGE);
  await expect(page.getByTestId('code-status')).toHaveText('too long to check, run or save');
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveText('Not saved: the code is too long (kept in this browser)');
  await expect(saveState).toHaveAttribute('title', CODE_TOO_LONG);

  await runButton(page).click();
  const problems = page.getByTestId('problems');
  await expect(problems.getByTestId('problem')).toContainText(CODE_TOO_LONG);
  await expect(outcome(page)).toHaveText('Ready');
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveScreenshot(page, 'code-too-long');

  // The host is still there, and the page still talks to it.
  expect(host.running()).toBe(true);
  await expect(page.getByTestId('host-kind')).toHaveText(/^Browser/);

  // A reload brings the long code back from this browser's copy.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('code-status')).toHaveText('too long to check, run or save');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('export function task');

  // Shortened, it saves and runs again.
  await setCode(page, HEAD);
  await expect(saveState).toHaveText('Saved');
  await runButton(page).click();
  await expect(outcome(page)).toHaveText(/^Finished in /);
});
