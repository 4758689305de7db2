/**
 * The runs `npm run bench:ui` drives through the real app, and how one is
 * set up and awaited in the page (in a learner's steps: code, inputs, max
 * workers, mode, Run).
 */
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runButton, setCode } from '../e2e/app';
import { EXAMPLES } from '../shared/examples';

export interface StreamScenario {
  name: string;
  code: string;
  fn: string;
  inputs: string;
  workers: number;
  tasks: number;
}

const TINY_CODE = 'export function tiny(n: number): number {\n  return n * n;\n}\n';

export const STREAM_10K: StreamScenario = {
  name: '10,000 no-op tasks streaming (submit, 2 workers)',
  code: TINY_CODE,
  fn: 'tiny',
  inputs: 'range(10000)',
  workers: 2,
  tasks: 10_000,
};

export const STREAM_100K: StreamScenario = {
  name: '100,000 no-op tasks streaming (submit, 2 workers)',
  code: TINY_CODE,
  fn: 'tiny',
  inputs: 'range(100000)',
  workers: 2,
  tasks: 100_000,
};

const primes = EXAMPLES.find((e) => e.id === 'primes')!;

/** The CPU-bound example with 2 workers, as the gallery has it. */
export const CPU_BOUND = {
  example: primes.id,
  name: `the CPU-bound example (${primes.spec.fn} over ${primes.spec.inputs}), 2 workers`,
  code: primes.code,
  fn: primes.spec.fn,
  inputs: primes.spec.inputs,
  workers: 2,
};

export async function prepareRun(
  page: Page,
  run: { code: string; inputs: string; workers: number; example?: string },
): Promise<void> {
  if (run.example) await loadExample(page, run.example);
  else await setCode(page, run.code);
  await page.getByLabel('Inputs', { exact: true }).fill(run.inputs);
  await page.getByLabel('Max workers', { exact: true }).fill(String(run.workers));
  await page.getByRole('radio', { name: 'submit' }).check();
}

/** Load a gallery example, replacing whatever code the workspace kept from an earlier page. */
async function loadExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-examples').click();
  const dialog = page.getByTestId('examples-dialog');
  await dialog.getByTestId(`example-${id}`).click();
  const replace = page.getByRole('button', { name: 'Replace with the example' });
  const asked = await Promise.race([
    replace.waitFor({ state: 'visible' }).then(() => true),
    dialog.waitFor({ state: 'hidden' }).then(() => false),
  ]);
  if (asked) await replace.click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Waits for the run on screen to finish; the refusal's text when the host did
 * not start it. One check in the page every 100 ms by test id, costing
 * microseconds: a locator's wait re-runs its selector engine (roles, text)
 * many times a second, CPU time the benchmark would then count as the app's.
 */
export async function waitForRunEnd(page: Page, timeoutMs: number): Promise<string | null> {
  // A string: it runs in the page, not in Node.
  const ended = (await page.evaluate(`new Promise((resolve, reject) => {
    const give_up = setTimeout(() => { clearInterval(check); reject(new Error('the run did not end in ${timeoutMs} ms')); }, ${timeoutMs});
    const check = setInterval(() => {
      const done = document.querySelector('[data-testid="run-outcome"]');
      const problem = document.querySelector('[data-testid="problem"]');
      const finished = !!done && done.textContent.startsWith('Finished in ');
      const refused = problem ? problem.textContent : '';
      if (finished || refused) { clearInterval(check); clearTimeout(give_up); resolve({ refused: finished ? null : refused }); }
    }, 100);
  })`)) as { refused: string | null };
  return ended.refused === null ? null : ended.refused.trim();
}

export async function pressRun(page: Page): Promise<void> {
  await runButton(page).click();
}

/** The newest run file in the host's data folder (`runs/<id>.json`) not in `seen`. */
export function newestRunFile(dataDir: string, seen: Set<string>): { path: string; bytes: number } | null {
  const dir = join(dataDir, 'runs');
  let best: { path: string; bytes: number; mtime: number } | null = null;
  for (const name of readdirSync(dir)) {
    if (name === 'index.json' || !name.endsWith('.json') || seen.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (!best || st.mtimeMs > best.mtime) best = { path, bytes: st.size, mtime: st.mtimeMs };
  }
  if (best) seen.add(best.path.split('/').pop()!);
  return best;
}

/** The wall time (ms) a saved run file records, and its event count. */
export function savedRunFigures(path: string): { wallMs: number; events: number; mode: string } {
  const run = JSON.parse(readFileSync(path, 'utf8')) as {
    wallMs: number;
    spec: { mode: string };
    events: unknown[];
  };
  return { wallMs: run.wallMs, events: run.events.length, mode: run.spec.mode };
}
