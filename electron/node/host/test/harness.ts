/**
 * Runs specs through a real PlaygroundService (real esbuild, real worker
 * processes via child_process.fork) and collects what the UI would receive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForkLauncher } from '../../../pool';
import type { RunEvent } from '../../../../shared/run-events';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../../../../shared/run-spec';
import { PlaygroundService } from '../service';
import { Store } from '../store';
import type { WorkerBudget } from '../worker-budget';

export interface Harness {
  service: PlaygroundService;
  store: Store;
  events: RunEvent[];
  batches: number;
  /** Start a run and wait for its run-finished event. */
  run(spec: Partial<RunSpec> & { code: string }): Promise<RunEvent[]>;
  dispose(): Promise<void>;
}

export function spec(overrides: Partial<RunSpec> & { code: string }): RunSpec {
  return { ...DEFAULT_RUN_SPEC, ...overrides };
}

export function createHarness(options: { workers?: WorkerBudget } = {}): Harness {
  const dataDir = mkdtempSync(join(tmpdir(), 'pp-host-test-'));
  const store = new Store(dataDir);
  const events: RunEvent[] = [];
  let onFinished: (() => void) | null = null;
  const harness: Harness = {
    store,
    events,
    batches: 0,
    service: new PlaygroundService(
      {
        kind: 'web',
        store,
        createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
        appVersion: 'test',
        electronVersion: null,
        ...(options.workers ? { workers: options.workers } : {}),
      },
      (batch) => {
        harness.batches++;
        events.push(...batch.events);
        if (batch.events.some((e) => e.type === 'run-finished')) onFinished?.();
      },
    ),
    async run(overrides) {
      events.length = 0;
      const finished = new Promise<void>((resolve) => (onFinished = resolve));
      const result = await harness.service.startRun(spec(overrides));
      if (!result.ok) throw new Error(`run refused: ${JSON.stringify(result.diagnostics)}`);
      await finished;
      return [...events];
    },
    async dispose() {
      await harness.service.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function driverLines(events: RunEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'driver' ? [e.text] : []));
}

export function outputText(events: RunEvent[]): string {
  return events.flatMap((e) => (e.type === 'output' ? [e.text] : [])).join('');
}

export function finishedEvent(events: RunEvent[]): Extract<RunEvent, { type: 'run-finished' }> {
  const end = events.find((e) => e.type === 'run-finished');
  if (!end || end.type !== 'run-finished') throw new Error('run did not finish');
  return end;
}
