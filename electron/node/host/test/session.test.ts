/**
 * The playground session end to end on real processes: each mode drives the
 * pool as the equivalent Python program would, and bad input or a runaway
 * task never takes the session down.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../../shared/run-events';
import { isAlive } from '../../../pool/test/helpers';
import { spawnedPids } from '../../test/ws-client';
import { createHarness, driverLines, finishedEvent, outputText, spec, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(async () => {
  await h.dispose();
});

const deliveredTasks = (events: RunEvent[]): number[] =>
  events.flatMap((e) => (e.type === 'task-delivered' ? [e.task] : []));

const resultOf = (events: RunEvent[], task: number): string | undefined =>
  events.flatMap((e) => (e.type === 'task-finished' && e.task === task ? [e.result] : []))[0];

describe('playground session', () => {
  it("runs the seed's submit example: 3 processes share 5 tasks, results in submission order", async () => {
    const code = `export function task(n: number): string {
  console.log(\`Task \${n} starting in process \${process.pid}\`);
  sleep(200);
  return \`Task \${n} done.\`;
}
`;
    const events = await h.run({ code, fn: 'task', mode: 'submit', inputs: 'range(5)', maxWorkers: 3 });
    const pids = spawnedPids(events);
    expect(new Set(pids).size).toBe(3);
    const text = outputText(events);
    for (let n = 0; n < 5; n++)
      expect(text).toMatch(new RegExp(`Task ${n} starting in process (${pids.join('|')})`));
    expect(driverLines(events).slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));
    expect(driverLines(events)[5]).toMatch(/^Done in .* s · 5 tasks · 3 worker processes \(PIDs /);
    expect(finishedEvent(events).outcome).toBe('ok');
    // The machine's load as the run began is in the log (Windows keeps none).
    expect(events[0]).toMatchObject({
      type: 'run-started',
      loadAverage: process.platform === 'win32' ? null : expect.any(Number),
    });
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    // Every output line of a task is tagged with that task and the PID that ran it.
    for (const e of events) {
      if (e.type !== 'output') continue;
      const ran = events.find((x) => x.type === 'task-finished' && x.task === e.task);
      expect(ran && ran.type === 'task-finished' ? ran.pid : null).toBe(e.pid);
    }
    // The run is in the history with its whole log.
    const [saved] = await h.store.listRuns();
    expect(saved).toMatchObject({ outcome: 'ok', taskCount: 5, workerCount: 3 });
    expect((await h.store.getRun(saved!.id))?.events.length).toBe(events.length);
  });

  it('map delivers in input order, as_completed in completion order', async () => {
    const code = 'export function square(n: number) { sleep(n * 60); return n * n; }\n';
    const map = await h.run({ code, fn: 'square', mode: 'map', inputs: '[5, 2, 3, 4, 1]', maxWorkers: 3 });
    expect(driverLines(map).slice(0, 5)).toEqual(['25', '4', '9', '16', '1']);
    expect(deliveredTasks(map).map((t) => resultOf(map, t))).toEqual(['25', '4', '9', '16', '1']);

    // Which task finishes first depends on when each worker started: assert the rule itself, that
    // results reach the caller in the order the tasks finished, whatever that order was.
    const cube = 'export function cube(n: number) { sleep(n * 200); return n ** 3; }\n';
    const ac = await h.run({
      code: cube,
      fn: 'cube',
      mode: 'as_completed',
      inputs: '[6, 3, 2, 4, 5]',
      maxWorkers: 3,
    });
    const byFinish = ac
      .flatMap((e) => (e.type === 'task-finished' ? [e] : []))
      .sort((a, b) => a.finished! - b.finished!)
      .map((e) => `Result: ${e.result}`);
    expect(driverLines(ac).slice(0, 5)).toEqual(byFinish);
    expect(new Set(byFinish)).toEqual(
      new Set(['Result: 216', 'Result: 27', 'Result: 8', 'Result: 64', 'Result: 125']),
    );
  });

  it('map with a chunksize sends items in chunks and still yields every result in order', async () => {
    const code = 'export function double(n: number) { return 2 * n; }\n';
    const events = await h.run({
      code,
      fn: 'double',
      mode: 'map',
      inputs: 'range(10)',
      chunksize: 4,
      maxWorkers: 2,
    });
    const submitted = events.filter((e) => e.type === 'task-submitted');
    expect(submitted.map((e) => (e.type === 'task-submitted' ? e.items : 0))).toEqual([4, 4, 2]);
    expect(driverLines(events).slice(0, 10)).toEqual(['0', '2', '4', '6', '8', '10', '12', '14', '16', '18']);
    expect(deliveredTasks(events)).toHaveLength(3);
  });

  it('the serial baseline runs every call in one process, one after another', async () => {
    const code = 'export function slow(n: number) { sleep(30); return n + 1; }\n';
    const events = await h.run({ code, fn: 'slow', mode: 'serial', inputs: 'range(4)', maxWorkers: 3 });
    expect(new Set(spawnedPids(events)).size).toBe(1);
    const finished = events.flatMap((e) => (e.type === 'task-finished' ? [e] : []));
    expect(finished).toHaveLength(4);
    // Only the four calls are tasks: the carrier that ran them in one process is not shown.
    expect(events.filter((e) => e.type === 'task-submitted')).toHaveLength(4);
    for (let i = 1; i < finished.length; i++)
      expect(finished[i]!.started!).toBeGreaterThanOrEqual(finished[i - 1]!.finished!);
    expect(driverLines(events).slice(0, 4)).toEqual(['1', '2', '3', '4']);
  });

  it('Stop ends a while (true) task, and the next run works', async () => {
    const code = 'export function spin() { for (;;) {} }\nexport function ok(n: number) { return n; }\n';
    const finished = new Promise<RunEvent[]>((resolve) => {
      const timer = setInterval(() => {
        if (h.events.some((e) => e.type === 'run-finished')) {
          clearInterval(timer);
          resolve([...h.events]);
        }
      }, 20);
    });
    const started = await h.service.startRun(spec({ code, fn: 'spin', inputs: '[1]', maxWorkers: 1 }));
    if (!started.ok) throw new Error('not started');
    while (!h.events.some((e) => e.type === 'task-started')) await new Promise((r) => setTimeout(r, 20));
    await h.service.stopRun(started.runId);
    // The task spins for ever: that the run ends at all is Stop's doing.
    const events = await finished;
    expect(finishedEvent(events).outcome).toBe('stopped');
    for (const pid of spawnedPids(events)) expect(isAlive(pid)).toBe(false);
    const next = await h.run({ code, fn: 'ok', inputs: '[7]', maxWorkers: 1 });
    expect(driverLines(next)[0]).toBe('7');
  });

  it('process.exit() in a task breaks the pool with a message naming the PID; the session stays usable', async () => {
    const code = 'export function quit(n: number) { if (n === 1) process.exit(1); sleep(100); return n; }\n';
    const events = await h.run({ code, fn: 'quit', inputs: 'range(3)', maxWorkers: 2 });
    const end = finishedEvent(events);
    expect(end.outcome).toBe('broken');
    const broken = events.find((e) => e.type === 'pool-broken');
    const dead = events.find((e) => e.type === 'worker-exited' && e.reason === 'crash');
    expect(dead && dead.type === 'worker-exited' && dead.code).toBe(1);
    expect(broken && broken.type === 'pool-broken' ? broken.message : '').toContain(
      `${dead && dead.type === 'worker-exited' ? dead.pid : '?'}`,
    );
    expect(end.message).toMatch(/BrokenProcessPool/);
    for (const pid of spawnedPids(events)) expect(isAlive(pid)).toBe(false);
    const next = await h.run({ code, fn: 'quit', inputs: '[0]', maxWorkers: 1 });
    expect(finishedEvent(next).outcome).toBe('ok');
  });

  it('a task error reaches the driver with the remote stack pointing at the user file and line', async () => {
    const code = [
      'export function boom(n: number): number {',
      "  throw new RangeError('bad ' + n);",
      '}',
      '',
    ].join('\n');
    const events = await h.run({ code, fn: 'boom', inputs: '[3]', maxWorkers: 1 });
    const end = finishedEvent(events);
    expect(end.outcome).toBe('error');
    expect(end.message).toBe('RangeError: bad 3');
    const failed = events.find((e) => e.type === 'task-finished');
    expect(failed && failed.type === 'task-finished' ? failed.error?.remoteStack : '').toMatch(
      /tasks\.ts:2:/,
    );
  });

  it('a result that cannot be cloned fails only that task, with a message saying why', async () => {
    const code = 'export function give(n: number) { return n === 0 ? { cb: () => n } : n; }\n';
    const events = await h.run({ code, fn: 'give', mode: 'as_completed', inputs: '[1, 0]', maxWorkers: 1 });
    const failed = events.find((e) => e.type === 'task-finished' && e.status === 'error');
    expect(failed && failed.type === 'task-finished' ? failed.error?.message : '').toMatch(
      /\.cb is a function/,
    );
  });

  it('a million lines of output are capped, and the run still finishes', async () => {
    const code =
      'export function noisy() { for (let i = 0; i < 1_000_000; i++) console.log(i); return "done"; }\n';
    const events = await h.run({ code, fn: 'noisy', inputs: '[0]', maxWorkers: 1 });
    expect(finishedEvent(events).outcome).toBe('ok');
    const notices = events.filter((e) => e.type === 'output-truncated');
    expect(notices.length).toBeGreaterThan(0);
    const last = notices.at(-1)!;
    expect(last.type === 'output-truncated' && last.dropped).toBeGreaterThan(900_000);
    expect(outputText(events).split('\n').length).toBeLessThanOrEqual(10_001);
    expect(h.batches).toBeLessThan(2000);
  }, 60_000);
});
