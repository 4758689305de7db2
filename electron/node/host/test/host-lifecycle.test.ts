/**
 * The browser host as its own process (`npm run web` from the sources), the
 * way users run it — and stop it, or have it killed: its temporary folders,
 * its data folder shared with another host, damaged files, and its worker cap.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataNotice, HostInfo, SavedRunSummary, StartRunResult } from '../../../../shared/api';
import { isAlive } from '../../../pool/test/helpers';
import { startHostProcess, type HostProcess } from '../../test/host-process';
import { waitFor } from '../../test/wait-for';
import { TestClient } from '../../test/ws-client';
import { spec } from './harness';

let scratch: string;
const hosts: HostProcess[] = [];
const clients: TestClient[] = [];
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pp-lifecycle-'));
});
afterEach(async () => {
  const workers = clients.flatMap((c) => c.workerPids());
  for (const c of clients.splice(0)) await c.close();
  for (const h of hosts.splice(0)) await h.stop();
  // No process a host started is left.
  await waitFor(() => workers.every((pid) => !isAlive(pid)), 10_000, 'every worker to exit');
  rmSync(scratch, { recursive: true, force: true });
});

async function host(...args: string[]): Promise<HostProcess> {
  const h = await startHostProcess({ args });
  hosts.push(h);
  return h;
}

async function client(h: HostProcess): Promise<TestClient> {
  const c = await TestClient.connect(h);
  clients.push(c);
  return c;
}

/** The temporary folders a process owns: `pool-playground-<pid>-*` and `pool-worker-<pid>-*`. */
function foldersOf(pid: number): string[] {
  return readdirSync(tmpdir()).filter(
    (n) => n.startsWith(`pool-playground-${pid}-`) || n.startsWith(`pool-worker-${pid}-`),
  );
}

const CODE =
  'export function spin(n: number) { for (;;) {} }\nexport function ok(n: number) { return n * 2; }\n';

async function runOk(c: TestClient, inputs = 'range(3)', maxWorkers = 2): Promise<string> {
  const started = await c.call<StartRunResult>(
    'startRun',
    spec({ code: CODE, fn: 'ok', inputs, maxWorkers }),
  );
  if (!started.ok) throw new Error(JSON.stringify(started.diagnostics));
  expect((await c.finished(started.runId)).outcome).toBe('ok');
  return started.runId;
}

describe('the browser host process', () => {
  it('removes a tab’s temporary folder when the tab closes, and all of its folders when it stops', async () => {
    const h = await host('--data', join(scratch, 'data'));
    const c = await client(h);
    await runOk(c);
    const session = foldersOf(h.pid).filter((n) => n.startsWith('pool-playground-'));
    expect(session).toHaveLength(1);
    // The run's own folder (the user's code) went when the run ended; the tab's stays while it is open.
    expect(readdirSync(join(tmpdir(), session[0]!))).toEqual(['work']);
    await c.close();
    await waitFor(
      () => foldersOf(h.pid).every((n) => !n.startsWith('pool-playground-')),
      10_000,
      'the tab folder to go',
    );
    await h.stop();
    expect(foldersOf(h.pid)).toEqual([]);
  });

  it('a killed host leaves folders that the next host sweeps, but never those of a host still running', async () => {
    const data = join(scratch, 'data');
    const killed = await host('--data', data);
    const c = await client(killed);
    const started = await c.call<StartRunResult>(
      'startRun',
      spec({ code: CODE, fn: 'spin', inputs: 'range(2)', maxWorkers: 2 }),
    );
    if (!started.ok) throw new Error('not started');
    await waitFor(
      () => c.events(started.runId).some((e) => e.type === 'task-started'),
      30_000,
      'a task to run',
    );
    const left = foldersOf(killed.pid);
    expect(left.some((n) => n.startsWith('pool-playground-'))).toBe(true);
    expect(left.some((n) => n.startsWith('pool-worker-'))).toBe(true);

    // Another host starting meanwhile leaves the running host's folders alone.
    const neighbour = await host('--data', join(scratch, 'other'));
    expect(foldersOf(killed.pid)).toEqual(left);

    await killed.kill();
    // Its workers notice they were orphaned and exit.
    const workers = c.workerPids();
    expect(workers.length).toBe(2);
    await waitFor(() => workers.every((pid) => !isAlive(pid)), 10_000, 'the orphaned workers to exit');
    expect(foldersOf(killed.pid)).toEqual(left);

    const next = await host('--data', data);
    expect(foldersOf(killed.pid)).toEqual([]);
    for (const h of [neighbour, next]) {
      const check = await client(h);
      expect((await check.call<HostInfo>('getInfo')).kind).toBe('web');
    }
  });

  it('two hosts on one data folder: every run of both is kept', async () => {
    const data = join(scratch, 'shared');
    const [a, b] = await Promise.all([host('--data', data), host('--data', data)]);
    // Three tabs on each host, each making runs one after another: saves of both hosts interleave.
    const tabs = await Promise.all([a, a, a, b, b, b].map((h) => client(h)));
    const made = await Promise.all(
      tabs.map(async (c) => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++) ids.push(await runOk(c, '[1]', 1));
        return ids;
      }),
    );
    const all = made.flat().sort();
    expect(all).toHaveLength(30);
    for (const c of [tabs[0]!, tabs[3]!]) {
      const listed = await c.call<SavedRunSummary[]>('listRuns');
      expect(listed.map((r) => r.id).sort()).toEqual(all);
    }
    await Promise.all([a.stop(), b.stop()]);
    const after = await client(await host('--data', data));
    expect((await after.call<SavedRunSummary[]>('listRuns')).map((r) => r.id).sort()).toEqual(all);
  }, 120_000);

  it('reports damaged files once, to every tab, until dismissed; the data folder is private', async () => {
    const data = join(scratch, 'data');
    mkdirSync(join(data, 'runs'), { recursive: true });
    writeFileSync(join(data, 'workspace.json'), '{"version": 2, "code": "export functio');
    writeFileSync(join(data, 'runs', 'run-broken1.json'), 'not json at all');
    const h = await host('--data', data);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    const first = await client(h);
    expect(await first.call('loadWorkspace')).toBeNull();
    expect(await first.call('listRuns')).toEqual([]);
    const notices = await first.call<DataNotice[]>('dataNotices');
    expect(notices).toHaveLength(2);
    for (const n of notices) {
      expect(n.keptAs).toMatch(/\.corrupt-/);
      expect(readFileSync(n.keptAs!, 'utf8')).toMatch(
        /^(not json at all|\{"version": 2, "code": "export functio)$/,
      );
      expect(statSync(n.keptAs!).mode & 0o777).toBe(0o600);
    }
    await first.call('dismissDataNotice', notices[0]!.id);
    const second = await client(h);
    expect(await second.call<DataNotice[]>('dataNotices')).toEqual([notices[1]]);
    await runOk(second);
    expect(await second.call<DataNotice[]>('dataNotices')).toEqual([notices[1]]);
  });

  it('--max-workers-total caps the workers, and a bad value is refused at start', async () => {
    const h = await host('--data', join(scratch, 'data'), '--max-workers-total', '1');
    // The line after the address: it may arrive a moment later.
    await waitFor(
      () => h.output().includes('Up to 1 worker processes at once'),
      10_000,
      'the cap to be printed',
    );
    const c = await client(h);
    const refused = await c.call<StartRunResult>(
      'startRun',
      spec({ code: CODE, fn: 'ok', inputs: 'range(2)', maxWorkers: 2 }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.diagnostics[0]!.message).toMatch(/at most 1 at once.*--max-workers-total/);
    await runOk(c, '[5]');
    await expect(
      startHostProcess({ args: ['--data', join(scratch, 'data'), '--max-workers-total', 'many'] }),
    ).rejects.toThrow(/--max-workers-total must be a whole number/);
  });
});
