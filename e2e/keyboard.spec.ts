/**
 * Keyboard first: every control is reachable, Ctrl/Cmd+Enter runs from the
 * editor, F6 moves between panes, and the timeline is read with arrow keys.
 */
import { expect, test } from './fixtures';
import { outcome, setCode } from './app';

test('run from the editor with Ctrl+Enter, move between panes with F6, read the timeline with arrows', async ({
  app: page,
}) => {
  // Tab from the top reaches the run bar's controls and the Run button, each with a name.
  const seen: string[] = [];
  for (let i = 0; i < 24; i++) {
    await page.keyboard.press('Tab');
    // The focused control as assistive technology sees it, e.g. `- button "Run"`.
    seen.push(await page.locator(':focus').ariaSnapshot());
  }
  const names = seen.map((snapshot) => /"([^"]*)"/.exec(snapshot)?.[1] ?? '');
  expect(names).toEqual(expect.arrayContaining(['Examples', 'Function', 'Inputs', 'Max workers', 'Run']));
  expect(names.filter((name) => name.trim() === '')).toEqual([]);

  await setCode(page, 'export function double(n: number): number {\n  sleep(200);\n  return n * 2;\n}');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(outcome(page)).toHaveText(/^(Running|Finished)/);
  await expect(outcome(page)).toHaveText(/^Finished in /, { timeout: 20_000 });
  // Ctrl+Enter ran the code instead of inserting a line.
  await expect(page.locator('.monaco-editor .view-line')).toHaveCount(4);

  // F6: editor → equivalent program → timeline; arrows walk the bars and show their details.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('F6');
  await expect(page.locator('[data-pane="program"] :focus')).toHaveCount(1);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('timeline')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-tooltip')).toContainText(/double\(\d\)/);
  const active = await page.getByTestId('timeline').getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute(
    'aria-label',
    /^double\(\d\): done on PID \d+/,
  );
  await page.keyboard.press('F6');
  await expect(page.locator('.terminal-pane :focus')).toHaveCount(1);
});
