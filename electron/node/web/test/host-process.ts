/**
 * A real browser host in its own process (fixtures/serve.ts, from the
 * sources), for tests that try to bring it down: after every test it must
 * still be running, still answer a fresh client's `getInfo`, and have no
 * process of its own left behind. A host that died is started again before
 * the next test, so one failure does not hide the others.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { waitFor } from '../../../pool/test/helpers';
import { apiUrl, call, openApi, ownOrigin, type HostAddress } from './clients';

const SERVE = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface HostProcess extends HostAddress {
  child: ChildProcess;
  /** Settles when the process has exited and its output is read. */
  closed: Promise<void>;
  rendererDir: string;
  /** What the host printed, for failure messages. */
  output(): string;
}

async function startHostProcess(rendererDir: string, dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, rendererDir, dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}) on start:\n${output}`)));
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    child,
    closed,
    rendererDir,
    port: Number(url.port),
    token: url.searchParams.get('token')!,
    output: () => output,
  };
}

async function stopHostProcess(host: HostProcess): Promise<void> {
  if (host.child.exitCode !== null || host.child.signalCode !== null) return;
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (host.child.exitCode === null) host.child.kill('SIGKILL');
}

function isRunning(host: HostProcess): boolean {
  return host.child.exitCode === null && host.child.signalCode === null;
}

/**
 * The processes the host started that are still there (its workers), by
 * PID and command line. esbuild's long-lived service process, which
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
export function useHostProcess(): { readonly current: HostProcess } {
  const dir = mkdtempSync(join(tmpdir(), 'pp-web-process-'));
  const rendererDir = join(dir, 'renderer');
  const handle: { current: HostProcess } = { current: null as unknown as HostProcess };
  let dataDirs = 0;

  const start = async (): Promise<void> => {
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title><p>the page</p>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
    handle.current = await startHostProcess(rendererDir, join(dir, `data-${dataDirs++}`));
  };

  beforeAll(start);
  beforeEach(async () => {
    if (!isRunning(handle.current)) await start();
  });
  afterEach(async () => {
    const host = handle.current;
    if (!isRunning(host)) {
      await Promise.race([host.closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
      expect.fail(`the host ended:\n${host.output()}`);
    }
    // Still serving: a new client is answered.
    const ws = await openApi(apiUrl(host), { origin: ownOrigin(host) });
    expect(await call(ws, 1, 'getInfo')).toMatchObject({ id: 1, ok: true, result: { kind: 'web' } });
    ws.close();
    // Nothing it started is left (a closed tab's workers are stopped).
    await waitFor(() => processesStartedBy(host.child.pid!).length === 0, 10_000, 100);
    expect(processesStartedBy(host.child.pid!), 'processes the host left behind').toEqual([]);
  });
  afterAll(async () => {
    await stopHostProcess(handle.current);
    rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}
