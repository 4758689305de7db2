/**
 * Accessible to everyone: axe-core (WCAG 2.1 A and AA rules) finds no
 * serious or critical violation on the main page, the comparison or the
 * sweep, in the dark theme and the light; and F6 reaches every pane,
 * History and the equivalent program included.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import { runButton, setCode, waitForFinish } from './app';
import { openHistory, runAndWait, setInputs, setMaxWorkers } from './runs';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    );
}

async function setTheme(page: Page, theme: 'dark' | 'light'): Promise<void> {
  const root = page.locator('html');
  if ((await root.getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click();
  await expect(root).toHaveAttribute('data-theme', theme);
}

const CODE = 'export function work(n: number): number {\n  sleep(60);\n  return n * 2;\n}';

for (const theme of ['dark', 'light'] as const) {
  test(`${theme} theme: the main page, the comparison and the sweep have no serious or critical violation`, async ({
    app: page,
  }) => {
    test.setTimeout(150_000);
    await setTheme(page, theme);
    // The main page, before and after a run (the timeline and the terminal full).
    expect(await seriousViolations(page)).toEqual([]);
    await setCode(page, CODE);
    await setInputs(page, 'range(6)');
    await setMaxWorkers(page, 2);
    await runAndWait(page);
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('ArrowRight');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `axe-main-${theme}`);

    // The comparison.
    await setMaxWorkers(page, 3);
    await runAndWait(page);
    await openHistory(page);
    for (const box of await page.getByTestId('history-select').all()) await box.check();
    await page.getByTestId('compare-selected').click();
    await expect(page.getByTestId('compare-run')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);

    // The sweep.
    await page.getByTestId('open-sweep-runbar').click();
    const dialog = page.getByTestId('sweep-dialog');
    await dialog.getByTestId('sweep-max').fill('2');
    // One run per value is enough to scan the page (repeats are another spec's subject).
    await dialog.getByTestId('sweep-repeats').fill('1');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByTestId('sweep-start').click();
    await expect(page.getByTestId('sweep-progress')).toContainText('Sweep finished: 2 runs.', {
      timeout: 90_000,
    });
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `axe-sweep-${theme}`);
  });
}

test('F6 reaches every pane: run bar, editor, equivalent program, timeline, terminal, history', async ({
  app: page,
}) => {
  await openHistory(page);
  await setCode(page, CODE);
  await runButton(page).click();
  await waitForFinish(page);
  const reached: string[] = [];
  await page.locator('.monaco-editor .view-lines').click();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('F6');
    // A string: it runs in the page (a browser), not in Node.
    reached.push(
      await page.evaluate<string>(
        `document.activeElement?.closest('[data-pane]')?.getAttribute('data-pane') ?? document.activeElement?.tagName ?? 'none'`,
      ),
    );
  }
  expect(new Set(reached)).toEqual(
    new Set(['program', 'timeline', 'terminal', 'history', 'runbar', 'editor']),
  );
});
