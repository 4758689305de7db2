/**
 * Runs over real sockets on real processes: one run per connection however
 * many startRun calls arrive together, a cap on workers across connections,
 * a memory cap per worker, and printing values that expand to millions of
 * entries without holding up anyone else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HostInfo, StartRunResult } from '../../../../shared/api';
import type { RunEvent } from '../../../../shared/run-events';
import { isAlive } from '../../../pool/test/helpers';
import { startTestHost, type TestHost } from '../../test/in-process-host';
import { waitFor } from '../../test/wait-for';
import { spawnedPids, TestClient } from '../../test/ws-client';
import { spec } from './harness';
import { WorkerBudget } from '../worker-budget';

let host: TestHost | null = null;
const clients: TestClient[] = [];
afterEach(async () => {
  // The host must still answer, then close with nothing of it left running.
  if (host) {
    const check = await TestClient.connect(host.host);
    expect((await check.call<HostInfo>('getInfo')).kind).toBe('web');
    await check.close();
  }
  for (const c of clients.splice(0)) await c.close();
  await host?.close();
  host = null;
});

async function open(workers?: WorkerBudget): Promise<TestHost> {
  host = await startTestHost(workers ? { workers } : {});
  return host;
}

async function client(h: TestHost): Promise<TestClient> {
  const c = await TestClient.connect(h.host);
  clients.push(c);
  return c;
}

const SPIN = 'export function spin(n: number) { for (;;) {} }\nexport function ok(n: number) { return n; }\n';

/** PIDs alive now according to the events: spawned and not yet exited. */
function liveByRun(received: { runId: string; event: RunEvent }[]): Map<string, Set<number>>[] {
  const live = new Map<string, Set<number>>();
  const history: Map<string, Set<number>>[] = [];
  for (const { runId, event } of received) {
    if (event.type === 'worker-spawned') {
      if (!live.has(runId)) live.set(runId, new Set());
      live.get(runId)!.add(event.pid);
    } else if (event.type === 'worker-exited' && event.pid !== null) {
      live.get(runId)?.delete(event.pid);
      if (live.get(runId)?.size === 0) live.delete(runId);
    }
    history.push(new Map(live));
  }
  return history;
}

describe('runs', () => {
  it('10 startRun calls sent together on one connection: one run at a time, nothing left after Stop', async () => {
    const h = await open();
    const c = await client(h);
    const calls = Array.from({ length: 10 }, (): [string, ...unknown[]] => [
      'startRun',
      spec({ code: SPIN, fn: 'spin', inputs: 'range(2)', maxWorkers: 2 }),
    ]);
    const results = await c.callTogether<StartRunResult>(calls);
    const started = results.flatMap((r) => (r.ok ? [r.runId] : []));
    // The newest call always starts; the older ones either were refused or were stopped by a newer one.
    expect(results.at(-1)?.ok).toBe(true);
    for (const r of results) {
      if (!r.ok) expect(r.diagnostics[0]?.message).toMatch(/newer run was requested/);
    }
    const last = started.at(-1)!;
    await waitFor(
      () => c.events(last).some((e) => e.type === 'task-started'),
      30_000,
      'the last run to work',
    );
    await c.call('stopRun', last);
    for (const id of started) expect((await c.finished(id)).outcome).toBe('stopped');
    // Never two runs with workers alive at the same time…
    for (const live of liveByRun(c.received)) expect(live.size).toBeLessThanOrEqual(1);
    // …and every worker of every run is gone.
    const pids = started.flatMap((id) => spawnedPids(c.events(id)));
    expect(pids.length).toBeGreaterThan(0);
    expect(pids.length).toBeLessThanOrEqual(2 * started.length);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });

  it('caps the workers of all connections together, and says what the cap is and what to do', async () => {
    const h = await open(new WorkerBudget(3));
    const a = await client(h);
    const b = await client(h);
    const first = await a.call<StartRunResult>(
      'startRun',
      spec({ code: SPIN, fn: 'spin', inputs: 'range(2)', maxWorkers: 2 }),
    );
    expect(first.ok).toBe(true);
    const refused = await b.call<StartRunResult>(
      'startRun',
      spec({ code: SPIN, fn: 'spin', inputs: 'range(2)', maxWorkers: 2 }),
    );
    expect(refused.ok).toBe(false);
    const message = refused.ok ? '' : refused.diagnostics[0]!.message;
    expect(message).toContain('at most 3 at once');
    expect(message).toContain('2 are in use');
    expect(message).toContain('--max-workers-total');
    // What still fits starts; when a run ends its workers are free again.
    const fits = await b.call<StartRunResult>(
      'startRun',
      spec({ code: SPIN, fn: 'spin', inputs: 'range(2)', maxWorkers: 1 }),
    );
    expect(fits.ok).toBe(true);
    if (!first.ok || !fits.ok) return;
    await a.call('stopRun', first.runId);
    await a.finished(first.runId);
    await b.call('stopRun', fits.runId);
    await b.finished(fits.runId);
    const again = await a.call<StartRunResult>(
      'startRun',
      spec({ code: SPIN, fn: 'ok', inputs: 'range(3)', maxWorkers: 3 }),
    );
    expect(again.ok).toBe(true);
    if (again.ok) expect((await a.finished(again.runId)).outcome).toBe('ok');
    for (const c of [a, b]) for (const pid of c.workerPids()) expect(isAlive(pid)).toBe(false);
  });

  it('a memory bomb with the cap: the worker ends with "ran out of memory", in the heap or outside it', async () => {
    const h = await open();
    const c = await client(h);
    // Each stops by itself at about 1 GB, so that without a cap the test fails instead of the machine.
    const code = `
export function objects(n: number) {
  const keep: unknown[] = [];
  for (let i = 0; i < 12_000_000; i++) keep.push({ i, s: 'x' + i });
  return keep.length;
}
export function buffers(n: number) {
  const keep: Buffer[] = [];
  for (let i = 0; i < 100; i++) keep.push(Buffer.alloc(10_000_000, 1));
  return keep.length;
}
`;
    for (const fn of ['objects', 'buffers']) {
      const started = await c.call<StartRunResult>(
        'startRun',
        spec({ code, fn, inputs: '[0]', maxWorkers: 1, memoryLimitMb: 128 }),
      );
      if (!started.ok) throw new Error(JSON.stringify(started.diagnostics));
      const end = await c.finished(started.runId);
      const events = c.events(started.runId);
      expect(end.outcome, fn).toBe('broken');
      expect(end.message, fn).toMatch(/ran out of memory/);
      const exit = events.find((e) => e.type === 'worker-exited');
      expect(exit?.type === 'worker-exited' && exit.reason, fn).toBe('oom');
      for (const pid of spawnedPids(events)) expect(isAlive(pid)).toBe(false);
    }
  }, 60_000);

  it('nested shared-reference inputs and results: another client is answered promptly meanwhile', async () => {
    const h = await open();
    const a = await client(h);
    const b = await client(h);
    // b asks for getInfo every 50 ms throughout; keep the slowest answer.
    let slowestMs = 0;
    let pinging = true;
    const pinger = (async () => {
      while (pinging) {
        const sent = performance.now();
        await b.call('getInfo');
        slowestMs = Math.max(slowestMs, performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // 30 characters that would build 2 × 50⁵ values: refused before anything is built.
    const inputsBomb = await a.call<StartRunResult>(
      'startRun',
      spec({
        code: 'export function f(n: number) { return n; }',
        fn: 'f',
        inputs: '[[[[[[0]*50]*50]*50]*50]*50]*2',
      }),
    );
    expect(inputsBomb.ok).toBe(false);
    if (!inputsBomb.ok) {
      expect(inputsBomb.diagnostics[0]!.message).toMatch(/would build 637,755,102 values.*at most 1,000,000/);
    }

    // Results that share references: six arrays of 50 that expand to 50⁵ numbers each.
    const code = `export function nest(n: number) {
  let v: unknown = n;
  for (let i = 0; i < 5; i++) v = new Array(50).fill(v);
  return v;
}
`;
    for (const mode of ['submit', 'map', 'serial'] as const) {
      const run = await a.call<StartRunResult>(
        'startRun',
        spec({ code, fn: 'nest', mode, inputs: 'range(4)', maxWorkers: 2 }),
      );
      if (!run.ok) throw new Error(JSON.stringify(run.diagnostics));
      expect((await a.finished(run.runId)).outcome, mode).toBe('ok');
      const events = a.events(run.runId);
      const printed = events.flatMap((e) => (e.type === 'driver' ? [e.text] : []));
      expect(printed[0], mode).toMatch(/^\[<ref \*1> \[<ref \*2> /);
      for (const line of printed) expect(line.length).toBeLessThanOrEqual(300);
      const result = events.find((e) => e.type === 'task-finished');
      expect(result?.type === 'task-finished' && result.result, mode).toMatch(/<ref \*1>/);
    }
    // Inputs under the limit that share references (4 inputs of 50³ numbers each), echoed back.
    const echo = await a.call<StartRunResult>(
      'startRun',
      spec({
        code: 'export function echo(x: unknown) { return x; }',
        fn: 'echo',
        mode: 'map',
        chunksize: 2,
        inputs: '[[[[0]*50]*50]*50]*4',
        maxWorkers: 2,
      }),
    );
    if (!echo.ok) throw new Error(JSON.stringify(echo.diagnostics));
    expect((await a.finished(echo.runId)).outcome).toBe('ok');
    const submitted = a.events(echo.runId).find((e) => e.type === 'task-submitted');
    expect(submitted?.type === 'task-submitted' && submitted.args).toMatch(/^\[<ref \*1> \[<ref \*2> /);
    pinging = false;
    await pinger;
    // A generous bound on purpose: the old formatter held the host's event loop for 12–17 s here,
    // while a busy 2-core machine answers getInfo within milliseconds.
    expect(slowestMs).toBeLessThan(3000);
  }, 60_000);
});
