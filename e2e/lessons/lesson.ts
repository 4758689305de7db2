/**
 * What the lesson tests share: one browser host and one page per spec file
 * (the lessons' runs are short; a host per test would cost more than they
 * do), opening a lesson the way a learner does — Examples, then its card —
 * and reading the run it describes: what the screen shows, and the run's
 * saved log (the History's own file), folded by the same RunModel the app
 * uses, for its times and PIDs.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SavedRun } from '../../shared/api';
import { findExample, type Example } from '../../shared/examples';
import { RunModel, type TaskRecord } from '../../shared/run-model';
import { startWebHost, type WebHost } from '../fixtures';
import { runButton, terminalSettled } from '../app';

export { expect };

export interface LessonContext {
  host: WebHost;
  page: Page;
}

/**
 * A `test` whose tests in one file run in order on one host and one page;
 * `lesson()` gives them the host and the page.
 */
export function lessonSuite(): { test: typeof base; lesson: () => LessonContext } {
  let context: LessonContext | null = null;
  base.describe.configure({ mode: 'serial' });
  base.beforeAll(async ({ browser }: { browser: Browser }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pool-playground-lessons-'));
    const host = await startWebHost(dataDir);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    context = { host, page };
  });
  base.afterAll(async () => {
    if (!context) return;
    await context.page.close();
    await context.host.stop();
    rmSync(context.host.dataDir, { recursive: true, force: true });
    context = null;
  });
  return {
    test: base,
    lesson: () => {
      if (!context) throw new Error('the lesson host did not start');
      return context;
    },
  };
}

/**
 * Open a lesson in two clicks — Examples, then its card — and check that
 * its note is shown, word for word, for its code and settings as shipped.
 */
export async function openLesson(page: Page, id: string): Promise<Example> {
  const example = findExample(id);
  if (!example) throw new Error(`no example ${id}`);
  await page.getByTestId('open-examples').click();
  const dialog = page.getByTestId('examples-dialog');
  await dialog.getByTestId(`example-${id}`).click();
  await expect(dialog).toBeHidden();
  await expectNoteShown(page, example);
  return example;
}

export async function expectNoteShown(page: Page, example: Example): Promise<void> {
  await expect(page.getByTestId('lesson')).toHaveAttribute('data-example', example.id);
  await expect(page.getByTestId('look-for')).toHaveText(`What to look for: ${example.lookFor}`);
  await expect(page.getByTestId('lesson-changed')).toHaveCount(0);
}

/** Every run's saved file, newest last. */
function savedRuns(host: Pick<WebHost, 'dataDir'>): SavedRun[] {
  const dir = join(host.dataDir, 'runs');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'index.json');
  } catch {
    return [];
  }
  return names
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as SavedRun)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** The run on screen, once finished: the outcome shown, and its saved log folded into a RunModel. */
export interface FinishedRun {
  model: RunModel;
  saved: SavedRun;
  /** Its tasks by label, in submission order (labels repeat: a list). */
  tasks: TaskRecord[];
  byLabel(label: string): TaskRecord;
}

/** Press Run and wait for the run's end; its saved log. */
export async function runLesson(page: Page, host: WebHost, timeout = 60_000): Promise<FinishedRun> {
  const before = savedRuns(host).length;
  await runButton(page).click();
  await expect(page.getByTestId('run-outcome')).toHaveText(
    /^(Finished in|Failed|Broken pool|Timed out|Stopped after)/,
    { timeout },
  );
  await expect.poll(() => savedRuns(host).length, { timeout }).toBeGreaterThan(before);
  await terminalSettled(page);
  return lastSavedRun(host);
}

/** The newest run in the host's History, from its own file. */
export function lastSavedRun(host: Pick<WebHost, 'dataDir'>): FinishedRun {
  const saved = savedRuns(host).at(-1);
  if (!saved) throw new Error('no run was saved');
  const model = RunModel.from(saved.events);
  const tasks = [...model.tasks].sort((a, b) => a.index - b.index);
  return {
    model,
    saved,
    tasks,
    byLabel(label) {
      const task = tasks.find((t) => t.label === label);
      if (!task) throw new Error(`no task ${label} in ${tasks.map((t) => t.label).join(', ')}`);
      return task;
    },
  };
}

/** The "What happened" line of the run on screen. */
export async function whatHappened(page: Page): Promise<string> {
  const text = page.getByTestId('what-happened');
  await expect(text).toBeVisible();
  return (await text.innerText()).replace(/^What happened:\s*/, '');
}

/** PIDs of the processes that ran at least one task. */
export function pidsOf(tasks: readonly TaskRecord[]): Set<number> {
  return new Set(tasks.flatMap((t) => (t.pid !== null && t.started !== null ? [t.pid] : [])));
}

/** True when the two tasks ran at the same time (worker-side times). */
export function overlap(a: TaskRecord, b: TaskRecord): boolean {
  return a.started! < b.finished! && b.started! < a.finished!;
}

/**
 * A time the note gives ("at about 5 s"): the run's own times are later by
 * start-up and messaging, never earlier, so allow the measured value to be
 * at most a little early and a generous margin late (the machine is shared).
 */
export function expectAbout(actualMs: number, claimedSec: number, lateMs = 1500): void {
  expect(actualMs).toBeGreaterThanOrEqual(claimedSec * 1000 - 150);
  expect(actualMs).toBeLessThanOrEqual(claimedSec * 1000 + lateMs);
}
