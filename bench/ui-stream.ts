/**
 * `npm run bench:ui` — does the UI keep up with a run of 2,000 tiny tasks?
 *
 * Starts the real browser host, opens the app in Chromium (Playwright), runs
 * 2,000 tasks (all at once, and spread over a few seconds), and measures in
 * the page: frame intervals (requestAnimationFrame) and long tasks while the
 * events stream in, how long the last event takes to show, and how quickly
 * the timeline answers a hover afterwards. Figures only: no pass/fail timing
 * assertions (the machine is shared and noisy).
 */
import { chromium, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { setCode, runButton, waitForFinish } from '../e2e/app';
import { startWebHost } from '../e2e/fixtures';
import { findChromium } from '../scripts/find-chromium.mjs';

interface Scenario {
  name: string;
  code: string;
  inputs: string;
  workers: number;
}

const SCENARIOS: Scenario[] = [
  {
    name: '2,000 no-op tasks (a burst)',
    code: 'export function tiny(n: number): number {\n  return n * n;\n}\n',
    inputs: 'range(2000)',
    workers: 2,
  },
  {
    name: '2,000 tasks of 4 ms (a steady stream)',
    code: 'export function tiny(n: number): number {\n  sleep(4);\n  return n * n;\n}\n',
    inputs: 'range(2000)',
    workers: 2,
  },
];

interface Figures {
  scenario: string;
  run_wall_s: number;
  frames: number;
  frame_ms_median: number;
  frame_ms_p95: number;
  frame_ms_max: number;
  long_tasks: number;
  long_task_ms_total: number;
  long_task_ms_max: number;
  bars_drawn: number;
  hover_to_tooltip_ms: number;
}

/**
 * Installed in the page before Run: samples frame intervals and long tasks
 * until stopped. A string, because it runs in the browser, not in Node.
 */
const SAMPLER = `(() => {
  const frames = [];
  const longTasks = [];
  let last = performance.now();
  let sampling = true;
  const tick = (t) => {
    frames.push(t - last);
    last = t;
    if (sampling) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  globalThis.__uiBench = () => {
    sampling = false;
    observer.disconnect();
    return { frames, longTasks };
  };
})()`;

async function startSampling(page: Page): Promise<void> {
  await page.evaluate(SAMPLER);
}

async function stopSampling(page: Page): Promise<{ frames: number[]; longTasks: number[] }> {
  return page.evaluate('globalThis.__uiBench()');
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round((p / 100) * (sorted.length - 1)))]!;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function measure(page: Page, scenario: Scenario): Promise<Figures> {
  await setCode(page, scenario.code);
  const inputs = page.getByLabel('Inputs', { exact: true });
  await inputs.fill(scenario.inputs);
  const workers = page.getByLabel('Max workers', { exact: true });
  await workers.fill(String(scenario.workers));
  await page.getByRole('radio', { name: 'submit' }).check();
  await startSampling(page);
  const started = Date.now();
  await runButton(page).click();
  await waitForFinish(page, 120_000);
  const wall = (Date.now() - started) / 1000;
  const { frames, longTasks } = await stopSampling(page);
  const bars = await page.getByTestId('timeline-bar').count();

  // Hover a bar in the middle of the timeline: how long until the tooltip shows?
  const bar = page.getByTestId('timeline-bar').nth(Math.floor(bars / 2));
  const box = await bar.boundingBox();
  let hover = NaN;
  if (box) {
    await page.mouse.move(0, 0);
    const t0 = Date.now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole('tooltip').first().waitFor({ state: 'visible', timeout: 5000 });
    hover = Date.now() - t0;
  }
  // The first frame interval spans the time before Run was pressed.
  const intervals = frames.slice(1);
  return {
    scenario: scenario.name,
    run_wall_s: round(wall, 2),
    frames: intervals.length,
    frame_ms_median: round(pct(intervals, 50)),
    frame_ms_p95: round(pct(intervals, 95)),
    frame_ms_max: round(Math.max(0, ...intervals)),
    long_tasks: longTasks.length,
    long_task_ms_total: round(longTasks.reduce((a, b) => a + b, 0)),
    long_task_ms_max: round(Math.max(0, ...longTasks)),
    bars_drawn: bars,
    hover_to_tooltip_ms: hover,
  };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const dataDir = mkdtempSync(join(tmpdir(), 'pool-playground-ui-bench-'));
  const host = await startWebHost(dataDir);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const results: Figures[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (const scenario of SCENARIOS) {
      console.error(`[ui] ${scenario.name} …`);
      // A fresh page each time, so that "finished" can only mean this run.
      await page.goto(host.url);
      await page.getByTestId('app-ready').waitFor({ state: 'attached' });
      results.push(await measure(page, scenario));
    }
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('UI streaming benchmark (headless Chromium, software rendering; 60 Hz = 16.7 ms frames)\n');
  for (const r of results) {
    console.log(r.scenario);
    console.log(`  run wall time            ${r.run_wall_s} s, ${r.bars_drawn} bars drawn`);
    console.log(
      `  frame interval           median ${r.frame_ms_median} ms, p95 ${r.frame_ms_p95} ms, max ${r.frame_ms_max} ms (${r.frames} frames)`,
    );
    console.log(
      `  long tasks (> 50 ms)     ${r.long_tasks}, ${r.long_task_ms_total} ms in all, longest ${r.long_task_ms_max} ms`,
    );
    console.log(`  hover → tooltip          ${r.hover_to_tooltip_ms} ms (after the run)\n`);
  }
  mkdirSync(join('bench', 'results'), { recursive: true });
  writeFileSync(
    join('bench', 'results', 'ui.json'),
    `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`,
  );
}

await main();
