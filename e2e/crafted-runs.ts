/**
 * Saved runs written straight into a host's data folder, as the host itself
 * writes them (`runs/<id>.json`, the current run-file format): runs whose
 * timings a test chooses, such as one made while the machine was busy. The
 * real host reads them like any other run of its history.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SavedRun } from '../shared/api';
import type { RunEvent } from '../shared/run-events';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../shared/run-spec';
import { RUN_FILE_VERSION } from '../electron/node/host/saved-files';

export interface CraftedRun {
  id: string;
  name: string;
  createdAt: number;
  spec: Partial<RunSpec>;
  cpus: number;
  loadAverage: number | null;
  /** Each task's time inside its worker, ms; tasks go to the workers in turn. */
  taskMs: number[];
}

export const CRAFTED_CODE = 'export function task(n: number): number {\n  return n * n;\n}\n';

/** The run's log: workers start together, run their tasks back to back, results return at once. */
function craftedEvents(run: CraftedRun, spec: RunSpec): { events: RunEvent[]; wallMs: number } {
  const workers = spec.mode === 'serial' ? 1 : spec.maxWorkers;
  const events: RunEvent[] = [
    {
      type: 'run-started',
      runId: run.id,
      spec,
      epoch: run.createdAt,
      cpus: run.cpus,
      loadAverage: run.loadAverage,
      taskCount: run.taskMs.length,
      inputCount: run.taskMs.length,
      t: 0,
    },
  ];
  const free: number[] = [];
  for (let w = 0; w < workers; w++) {
    events.push({ type: 'worker-spawned', worker: w, pid: 1000 + w, t: 1 });
    events.push({ type: 'worker-ready', worker: w, pid: 1000 + w, t: 30 });
    free.push(30);
  }
  let last = 30;
  run.taskMs.forEach((ms, i) => {
    const task = i + 1;
    const w = i % workers;
    const pid = 1000 + w;
    events.push({
      type: 'task-submitted',
      task,
      fn: 'task',
      label: `task(${i})`,
      index: i,
      items: 1,
      args: String(i),
      t: 1,
    });
    events.push({ type: 'task-dispatched', task, worker: w, pid, t: free[w]! });
    const started = free[w]! + 1;
    const finished = started + ms;
    events.push({
      type: 'task-finished',
      task,
      status: 'ok',
      worker: w,
      pid,
      started,
      finished,
      result: String(i * i),
      t: finished,
    });
    events.push({ type: 'task-delivered', task, order: task, t: finished + 1 });
    free[w] = finished + 1;
    last = Math.max(last, finished + 1);
  });
  const wallMs = last + 10;
  events.push({ type: 'run-finished', outcome: 'ok', wallMs, t: wallMs });
  return { events, wallMs };
}

/** Write the runs into `dataDir` (before the page asks the host for its history). */
export function writeCraftedRuns(dataDir: string, runs: readonly CraftedRun[]): void {
  mkdirSync(join(dataDir, 'runs'), { recursive: true });
  for (const run of runs) {
    const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: CRAFTED_CODE, inputs: 'range(4)', ...run.spec };
    const { events, wallMs } = craftedEvents(run, spec);
    const saved: SavedRun = {
      id: run.id,
      name: run.name,
      createdAt: run.createdAt,
      spec,
      meta: {},
      outcome: 'ok',
      wallMs,
      taskCount: run.taskMs.length,
      workerCount: spec.mode === 'serial' ? 1 : spec.maxWorkers,
      events,
    };
    writeFileSync(
      join(dataDir, 'runs', `${run.id}.json`),
      JSON.stringify({ version: RUN_FILE_VERSION, ...saved }),
    );
  }
}
