/**
 * One browser host process shared by the tests of a file that try to bring
 * it down: after every test it must still be running, still answer a fresh
 * client's `getInfo`, and have no process of its own left behind. A host
 * that died is started again before the next test, so one failure does not
 * hide the others.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startHostProcess, type HostProcess } from './host-process';
import { waitFor } from './wait-for';
import { apiUrl, call, openApi, ownOrigin } from './ws-client';

export interface SharedHostProcess extends HostProcess {
  /** The page it serves: an index.html and assets/app.js. */
  rendererDir: string;
}

/**
 * The processes a process started that are still there (a host's workers),
 * by PID and command line. esbuild's long-lived service process, which
 * transpiles the user's code, is the host's own tool and not counted.
 */
export function processesStartedBy(pid: number): string[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  const rows = table
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), zombie: m[3]!.startsWith('Z'), args: m[4]! }));
  const found: string[] = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const row of rows.filter((r) => r.ppid === parent)) {
      parents.push(row.pid);
      if (!row.zombie && !/esbuild\b.*--service/.test(row.args)) found.push(`${row.pid} ${row.args}`);
    }
  }
  return found;
}

/** Call once per test file: the host every test of the file talks to. */
export function useHostProcess(): { readonly current: SharedHostProcess } {
  const dir = mkdtempSync(join(tmpdir(), 'pp-web-process-'));
  const rendererDir = join(dir, 'renderer');
  const handle: { current: SharedHostProcess } = { current: null as unknown as SharedHostProcess };
  let dataDirs = 0;

  const start = async (): Promise<void> => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title><p>the page</p>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
    const host = await startHostProcess({ rendererDir, args: ['--data', join(dir, `data-${dataDirs++}`)] });
    handle.current = { ...host, rendererDir };
  };

  beforeAll(start);
  beforeEach(async () => {
    if (!handle.current.running()) await start();
  });
  afterEach(async () => {
    const host = handle.current;
    if (!host.running()) {
      await Promise.race([host.closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
      expect.fail(`the host ended:\n${host.output()}`);
    }
    // Still serving: a new client is answered.
    const ws = await openApi(apiUrl(host), { origin: ownOrigin(host) });
    expect(await call(ws, 1, 'getInfo')).toMatchObject({ id: 1, ok: true, result: { kind: 'web' } });
    ws.close();
    // Nothing it started is left (a closed tab's workers are stopped).
    const pid = host.child.pid!;
    await waitFor(() => processesStartedBy(pid).length === 0, 10_000, 'the host’s workers to exit').catch(
      () => undefined,
    );
    expect(processesStartedBy(pid), 'processes the host left behind').toEqual([]);
  });
  afterAll(async () => {
    await handle.current.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}
