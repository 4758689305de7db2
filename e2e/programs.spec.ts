/**
 * Whole programs in the app: the three classic ProcessPoolExecutor programs
 * pasted verbatim into program mode run under the learner's CPython and show
 * what the tutorial printed, with one timeline lane per worker PID — the
 * PIDs the program printed; threads against processes; Stop; a syntax error.
 * Each program runs once (they sleep up to 7 s). Skipped, saying why, where
 * there is no python3.
 */
import { PYTHON3_VERSION } from './python3';
import { readFileSync } from 'node:fs';
import { CPU_ON_PROCESSES_PY, CPU_ON_THREADS_PY } from '../shared/program-examples';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';
import {
  callerLines,
  chooseCode,
  deliveryOrder,
  editorText,
  pasteCode,
  expectSubmitExampleResults,
  lanePids,
  outcome,
  runButton,
  setCode,
  stopButton,
  terminalLines,
  timelineBars,
  waitForFinish,
} from './app';

const python = PYTHON3_VERSION;
test.skip(python === null, 'python3 is not installed here: the whole-program tests need CPython');

const seed = (name: string): string =>
  readFileSync(new URL(`../electron/node/python/test/fixtures/${name}`, import.meta.url), 'utf8');

/**
 * Paste a program over the editor's; one longer than the editor shows whole
 * is checked by the end of it that stays in view.
 */
async function paste(page: Page, code: string): Promise<void> {
  if (code.trim().split('\n').length <= 16) return setCode(page, code);
  await pasteCode(page, code);
  const last = code.trim().split('\n').at(-1)!.trim();
  await expect.poll(() => editorText(page)).toContain(last);
}

/** Paste a Python program into program mode and run it to its end. */
async function runPythonProgram(page: Page, code: string): Promise<void> {
  await chooseCode(page, 'Program', 'Python');
  await paste(page, code);
  await runButton(page).click();
  await waitForFinish(page, 40_000);
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

test("the seed's submit program, pasted verbatim: its results in submission order, a lane per PID it printed", async ({
  app: page,
}) => {
  await runPythonProgram(page, seed('seed_submit.py'));
  const lines = await terminalLines(page);
  expect(lines[0]).toMatch(/^▶ main\.py, as written · Python 3\.\d+\.\d+ \(CPython, (GIL|free-threaded)/);
  await expectSubmitExampleResults(page);
  expect(await deliveryOrder(page)).toEqual(['task(0)', 'task(1)', 'task(2)', 'task(3)', 'task(4)']);
  await saveScreenshot(page, 'python-seed-submit');
});

test("the seed's map program, pasted verbatim: [25, 4, 9, 16, 1], a lane per worker PID", async ({
  app: page,
}) => {
  await runPythonProgram(page, seed('seed_map.py'));
  expect(await callerLines(page)).toEqual(['[25, 4, 9, 16, 1]']);
  const pids = await lanePids(page);
  expect(pids).toHaveLength(3);
  const bars = await timelineBars(page);
  expect(bars.map((b) => b.label).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `squere(${n})`));
  expect(new Set(bars.map((b) => b.pid))).toEqual(new Set(pids));
  expect(bars.every((b) => b.state === 'done')).toBe(true);
  // map hands results over in input order.
  expect(await deliveryOrder(page)).toEqual([5, 2, 3, 4, 1].map((n) => `squere(${n})`));
  await saveScreenshot(page, 'python-seed-map');
});

test("the seed's as_completed program, pasted verbatim: 8 and 27 first, then 216 and 64, then 125", async ({
  app: page,
}) => {
  await runPythonProgram(page, seed('seed_as_completed.py'));
  const results = await callerLines(page);
  expect(results.slice(0, 2)).toEqual(['Result: 8', 'Result: 27']);
  expect(results.slice(2, 4).sort()).toEqual(['Result: 216', 'Result: 64']);
  expect(results[4]).toBe('Result: 125');
  const pids = await lanePids(page);
  expect(pids).toHaveLength(3);
  const bars = await timelineBars(page);
  expect(new Set(bars.map((b) => b.pid))).toEqual(new Set(pids));
  const order = await deliveryOrder(page);
  expect(order.slice(0, 2)).toEqual(['cube(2)', 'cube(3)']);
  expect(order[4]).toBe('cube(5)');
  await saveScreenshot(page, 'python-seed-as-completed');
});

test('threads against processes: thread lanes share the program PID, process lanes have their own', async ({
  app: page,
}) => {
  const small = (program: string): string => program.replace('[300_000] * 4', '[30_000] * 4');
  await runPythonProgram(page, small(CPU_ON_THREADS_PY));
  const threadLanes = page.locator('[data-testid="timeline-lane"][data-thread]');
  await expect(threadLanes).toHaveCount(2);
  const threadPids = await lanePids(page);
  expect(new Set(threadPids).size).toBe(1);
  expect(await threadLanes.first().getAttribute('aria-label')).toMatch(/^PID \d+ · thread 1: worker thread /);
  const threadsLine = (await callerLines(page)).find((l) => l.startsWith('ThreadPoolExecutor:'));
  expect(threadsLine).toMatch(/^ThreadPoolExecutor: \[3245, 3245, 3245, 3245\] in [\d.]+ s$/);
  await saveScreenshot(page, 'python-threads');

  await paste(page, small(CPU_ON_PROCESSES_PY));
  await runButton(page).click();
  // (The previous run's "Finished" is on screen until this one starts: wait for this one's line.)
  await expect
    .poll(async () => (await callerLines(page)).some((l) => l.startsWith('ProcessPoolExecutor:')), {
      timeout: 40_000,
    })
    .toBe(true);
  await waitForFinish(page, 40_000);
  await expect(page.locator('[data-testid="timeline-lane"][data-thread]')).toHaveCount(0);
  const processPids = await lanePids(page);
  expect(new Set(processPids).size).toBe(processPids.length);
  expect(processPids).not.toContain(threadPids[0]);
  expect((await callerLines(page)).find((l) => l.startsWith('ProcessPoolExecutor:'))).toMatch(
    /^ProcessPoolExecutor: \[3245, 3245, 3245, 3245\] in [\d.]+ s$/,
  );
});

test('Stop ends a Python program and every process it started: none is left', async ({ app: page }) => {
  await chooseCode(page, 'Program', 'Python');
  await setCode(
    page,
    `import os, time
from concurrent.futures import ProcessPoolExecutor

def forever(n):
    while True:
        time.sleep(0.05)

if __name__ == "__main__":
    print("program", os.getpid(), flush=True)
    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(forever, range(2)))`,
  );
  await runButton(page).click();
  await expect(page.locator('[data-testid="timeline-bar"][data-state="running"]')).toHaveCount(2, {
    timeout: 20_000,
  });
  await expect.poll(async () => (await callerLines(page))[0] ?? '').toMatch(/^program \d+$/);
  const program = Number(/^program (\d+)$/.exec((await callerLines(page))[0]!)![1]);
  const pids = [program, ...(await lanePids(page)).map(Number)];
  expect(pids.every(alive)).toBe(true);
  await stopButton(page).click();
  await expect(outcome(page)).toHaveText(/^Stopped/);
  await expect(page.locator('[data-testid="timeline-lane"][data-alive="true"]')).toHaveCount(0);
  expect(pids.filter(alive)).toEqual([]);
  await expect.poll(async () => (await terminalLines(page)).at(-1)).toMatch(/^Stopped in /);
});

test('a Python syntax error is marked at its line before anything runs', async ({ app: page }) => {
  await chooseCode(page, 'Program', 'Python');
  await setCode(page, 'import os\n\ndef broken(:\n    pass\n');
  // The live check marks line 3 in the editor as you type.
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await expect(squiggle).toBeAttached();
  await expect(page.getByTestId('code-status')).toHaveText(/1 syntax error/);
  const lineThree = page.locator('.monaco-editor .line-numbers').filter({ hasText: /^3$/ });
  const [mark, line] = await Promise.all([squiggle.boundingBox(), lineThree.boundingBox()]);
  expect(mark && line && Math.abs(mark.y + mark.height / 2 - (line.y + line.height / 2))).toBeLessThan(
    line!.height / 2,
  );

  await runButton(page).click();
  const problem = page.getByTestId('problems').getByTestId('problem').first();
  await expect(problem).toContainText(/main\.py 3:\d+/);
  await expect(problem).toContainText('SyntaxError');
  await expect(outcome(page)).toHaveText('Ready');
  await expect(page.getByTestId('timeline-lane')).toHaveCount(0);
  await saveScreenshot(page, 'python-syntax-error');
});

test('without an interpreter the app says so in one line, and how to get one', async ({ app: page }) => {
  await chooseCode(page, 'Program', 'Python');
  await expect(page.getByTestId('python-status')).toHaveText(/^Python 3\.\d+\.\d+ · /);
  await page.getByTestId('python-status').click();
  await page.getByLabel(/^Interpreter/).fill('/nowhere/python3');
  await page.getByLabel(/^Interpreter/).press('Enter');
  await expect(page.getByTestId('python-missing')).toHaveText(
    /^No Python interpreter at \/nowhere\/python3: install Python 3\.9 or newer .* or choose an interpreter in Settings\.$/,
  );
  await runButton(page).click();
  await expect(page.getByTestId('problems')).toContainText('No Python interpreter at /nowhere/python3');
});
