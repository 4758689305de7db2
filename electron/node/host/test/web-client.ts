/**
 * Host tests over real sockets: a real browser host (in this process, or
 * as its own process) and a WebSocket client that speaks its protocol as the
 * page does, recording every run event it is sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ForkLauncher } from '../../../pool';
import type { RunEvent } from '../../../../shared/run-events';
import type { ServerMessage } from '../../../../shared/rpc';
import { startWebHost, type RunningWebHost } from '../../web/server';
import { Store } from '../store';
import type { WorkerBudget } from '../worker-budget';

export interface TestHost {
  host: RunningWebHost;
  dataDir: string;
  close(): Promise<void>;
}

/** A browser host in this process, with its own data folder and a one-line page. */
export async function startTestHost(
  options: { workers?: WorkerBudget; dataDir?: string } = {},
): Promise<TestHost> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  const dataDir = options.dataDir ?? join(dir, 'data');
  const store = new Store(dataDir);
  await store.open();
  const host = await startWebHost({
    rendererDir: dir,
    deps: {
      kind: 'web',
      store,
      createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
      appVersion: 'test',
      electronVersion: null,
      ...(options.workers ? { workers: options.workers } : {}),
    },
  });
  return {
    host,
    dataDir,
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HostProcess {
  port: number;
  token: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** Ctrl+C: the host stops its runs and exits. */
  stop(): Promise<void>;
  /** SIGKILL: nothing of the host gets to clean up. */
  kill(): Promise<void>;
}

const PAGE_DIR = mkdtempSync(join(tmpdir(), 'pp-page-'));
writeFileSync(join(PAGE_DIR, 'index.html'), '<!doctype html><title>app</title>');
process.once('exit', () => rmSync(PAGE_DIR, { recursive: true, force: true }));

/** `npm run web` from the sources, as its own process: electron/web/main.ts with these arguments. */
export async function startHostProcess(args: string[]): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/node/web/main.ts', '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, POOL_PLAYGROUND_RENDERER_DIR: PAGE_DIR },
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await Promise.race([
    waitFor(() => /running at (\S+)/.exec(output)?.[1], 30_000, 'the host to start'),
    exited.then(() => {
      throw new Error(`the host exited:\n${output}`);
    }),
  ]);
  const { port, searchParams } = new URL(url);
  const ended = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    port: Number(port),
    token: searchParams.get('token')!,
    pid: child.pid!,
    child,
    output: () => output,
    stop: () => ended('SIGINT'),
    kill: () => ended('SIGKILL'),
  };
}

export interface ReceivedEvent {
  runId: string;
  event: RunEvent;
}

export class TestClient {
  /** Every run event received, in the order it arrived. */
  readonly received: ReceivedEvent[] = [];
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, (message: ServerMessage) => void>();
  #nextId = 1;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if ('event' in message) {
        for (const event of message.batch.events) this.received.push({ runId: message.batch.runId, event });
        return;
      }
      if (message.id === null) return;
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
    });
  }

  static connect(port: number, token: string): Promise<TestClient> {
    const origin = `http://127.0.0.1:${port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { headers: { origin } });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('error', reject);
    });
  }

  /** Call an API method; resolves with its result, rejects with the host's error. */
  call<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, (message) => {
        if ('ok' in message && message.ok) resolve(message.result as T);
        else reject(new Error('error' in message ? message.error : 'bad reply'));
      });
      this.#ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Send several calls in one go (same tick), before any answer can arrive. */
  callTogether<T = unknown>(calls: [string, ...unknown[]][]): Promise<T[]> {
    return Promise.all(calls.map(([method, ...params]) => this.call<T>(method, ...params)));
  }

  events(runId: string): RunEvent[] {
    return this.received.filter((r) => r.runId === runId).map((r) => r.event);
  }

  /** Resolves once `runId` has finished (its run-finished event arrived). */
  async finished(runId: string, timeoutMs = 60_000): Promise<Extract<RunEvent, { type: 'run-finished' }>> {
    const end = await waitFor(
      () => this.events(runId).find((e) => e.type === 'run-finished'),
      timeoutMs,
      `run ${runId} to finish`,
    );
    return end as Extract<RunEvent, { type: 'run-finished' }>;
  }

  close(): Promise<void> {
    if (this.#ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#ws.once('close', () => resolve());
      this.#ws.close();
    });
  }
}

/** Poll until `probe` returns something (not undefined/false), or fail after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function spawnedPids(events: RunEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'worker-spawned' ? [e.pid] : []));
}
