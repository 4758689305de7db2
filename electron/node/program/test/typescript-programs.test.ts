/**
 * Whole TypeScript programs through the playground session: main() runs in
 * a driver process of its own with the full pool API, its workers import the
 * same module (never calling main()), and the run log it records reads like
 * any other run's — lanes per worker PID, deliveries to the caller in the
 * order the program received its results.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/run-events';
import { RunModel } from '../../../../shared/run-model';
import { isAlive } from '../../../pool/test/helpers';
import { createHarness, driverLines, finishedEvent, spec, type Harness } from '../../host/test/harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const program = (code: string): Parameters<Harness['run']>[0] => ({ code, kind: 'program' });

function printed(events: RunEvent[]): string[] {
  return driverLines(events)
    .flatMap((text) => text.split('\n'))
    .filter((line) => line.trim() !== '' && !/^(Done|Failed|Stopped) in /.test(line));
}

describe('whole TypeScript programs', () => {
  it('wait(FIRST_COMPLETED) returns with the first result; cancel() takes back the tasks not started, never a running one', async () => {
    const events = await h.run(
      program(`import { ProcessPoolExecutor, wait, FIRST_COMPLETED } from './pool';

export function nap(ms: number): number {
  sleep(ms);
  return ms;
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
  const futures = [100, 1500, 200, 300, 300, 300].map((ms) => executor.submit(nap, ms));
  const { done, notDone } = await wait(futures, { returnWhen: FIRST_COMPLETED });
  console.log('done', [...done].map((f) => futures.indexOf(f)));
  console.log('cancelled', futures.map((f) => notDone.has(f) && f.cancel()));
  for (const f of done) console.log('result', await f.result());
}
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    // The 100 ms task is first in the queue and the shortest: it finishes first whatever the load.
    const [done, cancelled, result] = printed(events);
    expect(done).toBe('done [ 0 ]');
    expect(result).toBe('result 100');
    const answers = JSON.parse(cancelled!.replace('cancelled ', '')) as boolean[];
    const model = RunModel.from(events);
    // cancel() said yes exactly for the tasks that never reached a worker; the others ran to the end.
    expect(model.tasks.map((t) => (t.state === 'cancelled' ? true : false))).toEqual(answers);
    for (const t of model.tasks) {
      if (t.state === 'cancelled') expect(t.started).toBeNull();
      else expect(t.state).toBe('ok');
    }
    // The last tasks were still queued when the first one finished.
    expect(answers.slice(4)).toEqual([true, true]);
    // Only the first result reached the caller; main() ran once, in the driver.
    expect(model.tasks.map((t) => t.deliveryOrder)).toEqual([1, null, null, null, null, null]);
    expect(model.workers).toHaveLength(2);
    expect(model.runtime).toMatchObject({ language: 'typescript', version: process.versions.node });
  });

  it('asCompleted delivers in completion order and map in input order, from two executors with their own lanes', async () => {
    const events = await h.run(
      program(`import { ProcessPoolExecutor, asCompleted } from './pool';

export function cube(n: number): number {
  sleep(n * 60);
  return n ** 3;
}

export async function main(): Promise<void> {
  {
    await using executor = new ProcessPoolExecutor({ maxWorkers: 3 });
    const futures = [6, 3, 2, 4, 5].map((n) => executor.submit(cube, n));
    for await (const f of asCompleted(futures)) console.log('Result:', await f.result());
  }
  await using second = new ProcessPoolExecutor({ maxWorkers: 2 });
  const results = [];
  for await (const r of second.map(cube, [3, 1, 2])) results.push(r);
  console.log(results);
}
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    const lines = printed(events);
    const model = RunModel.from(events);
    // as_completed hands each result over as its task finishes (the order depends on the machine's load).
    const byFinish = model.tasks
      .filter((t) => t.executor === 1)
      .sort((a, b) => a.finished! - b.finished!)
      .map((t) => `Result: ${t.result}`);
    expect(lines.slice(0, 5)).toEqual(byFinish);
    expect(lines[5]).toBe('[ 27, 1, 8 ]');
    expect(model.executors.map((e) => [e.id, e.maxWorkers])).toEqual([
      [1, 3],
      [2, 2],
    ]);
    expect(model.workers.map((w) => w.executor)).toEqual([1, 1, 1, 2, 2]);
    expect(new Set(model.workers.map((w) => w.pid)).size).toBe(5);
    for (const task of model.tasks) expect(model.worker(task.worker!)!.executor).toBe(task.executor);
    const byOrder = (executor: number): string[] =>
      model.tasks
        .filter((t) => t.executor === executor)
        .sort((a, b) => a.deliveryOrder! - b.deliveryOrder!)
        .map((t) => `Result: ${t.result}`);
    expect(byOrder(1)).toEqual(byFinish);
    // map hands results over in input order.
    expect(model.tasks.filter((t) => t.executor === 2).map((t) => t.deliveryOrder)).toEqual([6, 7, 8]);
  });

  it('shutdown({ cancelFutures: true }) is marked with the tasks it cancelled; the with-block end of await using too', async () => {
    const events = await h.run(
      program(`import { ProcessPoolExecutor } from './pool';

export function nap(ms: number): number {
  sleep(ms);
  return ms;
}

export async function main(): Promise<void> {
  const executor = new ProcessPoolExecutor({ maxWorkers: 1 });
  const futures = [300, 300, 300, 300, 300].map((ms) => executor.submit(nap, ms));
  await futures[0]!.result();
  await executor.shutdown({ wait: true, cancelFutures: true });
  console.log(futures.filter((f) => f.cancelled()).length, 'cancelled');
}
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    const model = RunModel.from(events);
    const shutdown = model.marks.shutdown!;
    expect(shutdown).toMatchObject({ wait: true, cancelFutures: true });
    const cancelled = model.tasks.filter((t) => t.state === 'cancelled').map((t) => t.id);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(shutdown.cancelled).toEqual(cancelled);
    expect(printed(events)).toEqual([`${cancelled.length} cancelled`]);
    for (const id of shutdown.handedOver) expect(model.task(id)!.state).toBe('ok');
    expect(shutdown.cancelled.length + shutdown.handedOver.length).toBe(4);
    expect(shutdown.returned!).toBeGreaterThanOrEqual(shutdown.called);
    // Only one shutdown is marked: the program's own (not the driver's tidying up at the end).
    expect(events.filter((e) => e.type === 'shutdown-called')).toHaveLength(1);
  });

  it("an error in main(): the run fails with the error at main.ts's line, after the pool's work is waited for", async () => {
    const events = await h.run(
      program(`import { ProcessPoolExecutor } from './pool';

export function half(n: number): number {
  if (n % 2) throw new RangeError(\`\${n} is odd\`);
  return n / 2;
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 1 });
  console.log(await executor.submit(half, 4).result());
  console.log(await executor.submit(half, 3).result());
}
`),
    );
    const end = finishedEvent(events);
    expect(end).toMatchObject({ outcome: 'error', message: 'RangeError: 3 is odd (line 11)' });
    expect(printed(events)[0]).toBe('2');
    const stderr = events
      .flatMap((e) => (e.type === 'driver' && e.stream === 'stderr' ? [e.text] : []))
      .join('');
    expect(stderr).toMatch(/main\.ts:11:/);
    expect(stderr).not.toMatch(/pool-playground-/);
  });

  it('code that does not compile, or has no main(), is refused before anything runs', async () => {
    const broken = await h.service.startRun(
      spec(program('export async function main() {\n  const = 1;\n}\n')),
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.diagnostics[0]).toMatchObject({ source: 'code', line: 2 });
    const noMain = await h.service.startRun(spec(program('export function task() { return 1; }\n')));
    expect(noMain.ok).toBe(false);
    if (!noMain.ok) expect(noMain.diagnostics[0]!.message).toMatch(/does not export a function main\(\)/);
    expect(await h.store.listRuns()).toEqual([]);
  });

  it('Stop ends the driver and every worker, none left', async () => {
    const result = await h.service.startRun(
      spec(
        program(`import { ProcessPoolExecutor } from './pool';

export function spin(): void {
  for (;;) {}
}

export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
  await Promise.all([executor.submit(spin).result(), executor.submit(spin).result()]);
}
`),
      ),
    );
    expect(result.ok).toBe(true);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (h.events.filter((e) => e.type === 'task-started').length >= 2) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    const pids = h.events.flatMap((e) => (e.type === 'worker-spawned' ? [e.pid] : []));
    await h.service.stopRun(result.ok ? result.runId : '');
    await h.service.idle();
    expect(finishedEvent(h.events).outcome).toBe('stopped');
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(RunModel.from(h.events).workers.every((w) => w.exited !== null)).toBe(true);
  });

  it("main()'s own output flood is cut at the run's limit, and the run ends normally", async () => {
    const events = await h.run(
      program(`export async function main(): Promise<void> {
  for (let i = 0; i < 30_000; i++) console.log('driver line', i);
}
`),
    );
    expect(finishedEvent(events).outcome).toBe('ok');
    expect(events.some((e) => e.type === 'output-truncated')).toBe(true);
    expect(printed(events).length).toBeLessThanOrEqual(10_000);
    expect(printed(events)[0]).toBe('driver line 0');
  });
});
