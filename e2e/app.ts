/**
 * What the end-to-end tests do with the app, in the words of a learner:
 * pick an example, write code, press Run, read the terminal and the timeline.
 */
import type { Locator, Page } from '@playwright/test';

interface Clipboard {
  writeText(text: string): Promise<void>;
}
import { expect } from './fixtures';

export async function pickExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-examples').click();
  const dialog = page.getByTestId('examples-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId(`example-${id}`).click();
  await expect(dialog).toBeHidden();
}

/** What the editor holds: task functions or a whole program, in TypeScript or Python. */
export async function chooseCode(
  page: Page,
  kind: 'Tasks' | 'Program',
  language: 'TypeScript' | 'Python',
): Promise<void> {
  await page.getByRole('radio', { name: kind, exact: true }).check();
  await page.getByRole('radio', { name: language, exact: true }).check();
  const file = `${kind === 'Program' ? 'main' : 'tasks'}.${language === 'Python' ? 'py' : 'ts'}`;
  await expect(page.getByTestId('editor-file')).toHaveText(file);
}

export function runButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Run', exact: true });
}

export function stopButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Stop', exact: true });
}

export function outcome(page: Page): Locator {
  return page.getByTestId('run-outcome');
}

/** Replace the editor's code (pasted, so the editor does not auto-indent or close brackets). */
export async function setCode(page: Page, code: string): Promise<void> {
  await pasteCode(page, code);
  // The editor's text as shown leaves blank lines out: compare without them.
  const shown = (text: string): string =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
  await expect.poll(async () => shown(await editorText(page))).toBe(shown(code.trim()));
}

/** Paste `code` over the editor's, without waiting to see it (code too long to show whole). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate(async (text) => {
    // Runs in the page (a browser), not in Node.
    const { clipboard } = (globalThis as unknown as { navigator: { clipboard: Clipboard } }).navigator;
    await clipboard.writeText(text);
  }, code);
  await page.keyboard.press('ControlOrMeta+V');
}

/** The code the editor shows (its visible lines). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ').trim();
}

/** The terminal's lines, as its text mirror has them. */
export async function terminalLines(page: Page): Promise<string[]> {
  return page.getByTestId('terminal-text').locator('div').allInnerTexts();
}

/** Lines the driver loop (the caller) printed, without the tag. */
export async function callerLines(page: Page): Promise<string[]> {
  return (await terminalLines(page))
    .filter((l) => l.startsWith('[caller] '))
    .map((l) => l.slice('[caller] '.length));
}

export async function waitForFinish(page: Page, timeout = 30_000): Promise<void> {
  await expect(outcome(page)).toHaveText(/^Finished in /, { timeout });
  // A finished run's summary: the mirror follows a moment after the status bar, and until it
  // does it may still end with the summary of the run before ("Stopped in …").
  await terminalSettled(page, /^Done in /);
}

/** The terminal is written in batches: wait until it shows the run's summary line (`summary`: which). */
export async function terminalSettled(page: Page, summary = /^(Done|Stopped|Failed) in /): Promise<void> {
  await expect.poll(async () => (await terminalLines(page)).some((l) => summary.test(l))).toBe(true);
}

export interface BarInfo {
  task: string;
  pid: string;
  state: string;
  label: string;
  ariaLabel: string;
}

export async function timelineBars(page: Page): Promise<BarInfo[]> {
  return page.getByTestId('timeline-bar').evaluateAll((els) =>
    els.map((el) => ({
      task: el.getAttribute('data-task') ?? '',
      pid: el.getAttribute('data-pid') ?? '',
      state: el.getAttribute('data-state') ?? '',
      label: el.getAttribute('data-label') ?? '',
      ariaLabel: el.getAttribute('aria-label') ?? '',
    })),
  );
}

export async function lanePids(page: Page): Promise<string[]> {
  return page
    .getByTestId('timeline-lane')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-pid') ?? ''));
}

/** Labels of the tasks in the order their results reached the caller. */
export async function deliveryOrder(page: Page): Promise<string[]> {
  const bars = await timelineBars(page);
  const labelOf = new Map(bars.map((b) => [b.task, b.label]));
  const markers = await page.getByTestId('delivery-marker').evaluateAll((els) =>
    els.map((el) => ({
      order: Number(el.getAttribute('data-order')),
      task: el.getAttribute('data-task') ?? '',
    })),
  );
  return markers.sort((a, b) => a.order - b.order).map((m) => labelOf.get(m.task) ?? `?${m.task}`);
}

/**
 * The seed's submit example, finished: the terminal shows which process ran
 * each task (three distinct PIDs), result() in submission order and the
 * summary; the timeline has one lane per PID and each bar on the lane of the
 * process that ran it. Returns the PIDs.
 */
export async function expectSubmitExampleResults(page: Page): Promise<string[]> {
  await terminalSettled(page);
  // Terminal: each task says which process runs it, prefixed with that PID.
  const lines = await terminalLines(page);
  const starts = lines
    .map((l) => /^\[(\d+)\] Task (\d) starting in process (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  expect(starts).toHaveLength(5);
  for (const m of starts) expect(m[1]).toBe(m[3]);
  expect(starts.map((m) => m[2]).sort()).toEqual(['0', '1', '2', '3', '4']);
  const pids = [...new Set(starts.map((m) => m[3]!))];
  expect(pids).toHaveLength(3);
  // Then result() in submission order.
  expect(await callerLines(page)).toEqual([
    'Task 0 done.',
    'Task 1 done.',
    'Task 2 done.',
    'Task 3 done.',
    'Task 4 done.',
  ]);
  expect(lines.at(-1)).toMatch(/^Done in \d+(\.\d+)? s · 5 tasks · 3 worker processes/);

  // Timeline: one lane per PID, one bar per task on the lane of the process that ran it.
  expect((await lanePids(page)).sort()).toEqual([...pids].sort());
  const bars = await timelineBars(page);
  expect(bars.map((b) => b.label).sort()).toEqual(['task(0)', 'task(1)', 'task(2)', 'task(3)', 'task(4)']);
  for (const bar of bars) {
    expect(bar.state).toBe('done');
    const started = starts.find((m) => `task(${m[2]})` === bar.label)!;
    expect(bar.pid).toBe(started[3]);
    expect(bar.ariaLabel).toMatch(
      new RegExp(
        `^${bar.label.replace(/[()]/g, '\\$&')}: done on PID ${bar.pid}, [\\d.]+ s to [\\d.]+ s, result 'Task \\d done\\.'`,
      ),
    );
  }
  for (const pid of pids) {
    const lane = page.locator(`[data-testid="timeline-lane"][data-pid="${pid}"]`);
    await expect(lane.getByTestId('timeline-bar')).not.toHaveCount(0);
  }
  return pids;
}
