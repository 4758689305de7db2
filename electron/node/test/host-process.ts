/**
 * The browser host as its own process, the way users run it: `npm run web`
 * from the TypeScript sources (host tests) or the built `out/web/server.js`
 * (end-to-end tests, benchmarks), with the arguments given. No test runner
 * is imported here, so Playwright and Vitest can both use it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_ENTRY = 'electron/node/web/main.ts';
const BUILT_ENTRY = 'out/web/server.js';

export interface HostProcessOptions {
  /** Command-line arguments (`--data DIR`, `--max-workers-total N`…); `--port 0` comes first. */
  args?: string[];
  /** Run the built server instead of the sources. */
  built?: boolean;
  /** Serve this folder as the page (POOL_PLAYGROUND_RENDERER_DIR); from the sources, a one-line page by default. */
  rendererDir?: string;
  /** How long the host may take to print its address. */
  startTimeoutMs?: number;
}

export interface HostProcess {
  /** The address the host printed (it carries the token). */
  url: string;
  port: number;
  token: string;
  pid: number;
  child: ChildProcess;
  /** What the host printed so far, for failure messages. */
  output(): string;
  running(): boolean;
  /** Settles when the process has exited and its output is read. */
  readonly closed: Promise<void>;
  /** Ctrl+C: the host stops its runs and exits (SIGKILL if it has not after 5 s). */
  stop(): Promise<void>;
  /** SIGKILL: nothing of the host gets to clean up. */
  kill(): Promise<void>;
}

let onePageDir: string | null = null;

/** A page for hosts run from the sources, which have no built renderer to serve. */
function onePage(): string {
  if (onePageDir === null) {
    const dir = mkdtempSync(join(tmpdir(), 'pp-page-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    onePageDir = dir;
  }
  return onePageDir;
}

export async function startHostProcess(options: HostProcessOptions = {}): Promise<HostProcess> {
  const entry = options.built ? [BUILT_ENTRY] : ['--import', 'tsx', SOURCE_ENTRY];
  const rendererDir = options.rendererDir ?? (options.built ? undefined : onePage());
  const child = spawn(process.execPath, [...entry, '--port', '0', ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...(rendererDir ? { POOL_PLAYGROUND_RENDERER_DIR: rendererDir } : {}),
    },
  });
  let output = '';
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<URL>((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(
      () => reject(new Error(`the host did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[1]!));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${child.exitCode ?? child.signalCode}) on start:\n${output}`));
    });
  });
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (!running()) return;
    child.kill(signal);
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs)),
    ]);
    if (!inTime) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return {
    url: url.href,
    port: Number(url.port),
    token: url.searchParams.get('token')!,
    pid: child.pid!,
    child,
    output: () => output,
    running,
    closed,
    stop: () => end('SIGINT', 5000),
    kill: () => end('SIGKILL', 5000),
  };
}
