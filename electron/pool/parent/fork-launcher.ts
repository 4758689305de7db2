/**
 * Starts workers with Node's child_process.fork. Values travel by structured
 * clone — the same cloning utilityProcess.postMessage does, so a value that
 * travels here travels under Electron too — over a JSON IPC channel that
 * carries plain messages as they are, plus a pipe for large cloned ones
 * (../common/fork-channel.ts, ../common/wire-codec.ts).
 */
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import type { Socket } from 'node:net';
import type { WorkerEvents, WorkerHandle, WorkerLauncher, WorkerLaunchOptions } from './launcher';
import type { ParentMessage, WorkerMessage } from '../common/protocol';
import { BULK_FD, BULK_FD_ENV, ForkChannel } from '../common/fork-channel';
import { defaultWorkerScript } from './worker-script';

export interface ForkLauncherOptions {
  /** The worker entry; defaults to the bundled pool worker. */
  script?: string;
  /** The workers' environment; defaults to this process's. */
  env?: NodeJS.ProcessEnv;
  /** The workers' working directory; defaults to this process's. */
  cwd?: string;
  /** Node flags added to every worker. */
  execArgv?: readonly string[];
}

/**
 * A pipe beyond stdio, opened in the worker as a socket by fd, is a POSIX thing;
 * elsewhere large cloned messages travel inline (base64), which is slower but the same.
 */
const BULK_PIPE = process.platform !== 'win32';

/** After 'exit', wait this long at most for the last messages and output to drain. */
const DRAIN_AFTER_EXIT_MS = 1000;

export class ForkLauncher implements WorkerLauncher {
  readonly #options: ForkLauncherOptions;

  constructor(options: ForkLauncherOptions = {}) {
    this.#options = options;
  }

  launch(options: WorkerLaunchOptions, events: WorkerEvents): WorkerHandle {
    const script = this.#options.script ?? defaultWorkerScript();
    let child: ChildProcess;
    try {
      child = fork(script, [], {
        // JSON framing; the wire codec structured-clones whatever JSON would not carry exactly.
        serialization: 'json',
        // fd 4: the bulk pipe for large cloned messages (BULK_FD), where Node can open it.
        stdio: BULK_PIPE ? ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'] : ['ignore', 'pipe', 'pipe', 'ipc'],
        // Never inherit our own flags (a test runner's or tsx's loaders).
        execArgv: [...(this.#options.execArgv ?? []), ...options.execArgv],
        env: BULK_PIPE
          ? { ...(this.#options.env ?? process.env), [BULK_FD_ENV]: String(BULK_FD) }
          : (this.#options.env ?? process.env),
        cwd: this.#options.cwd,
      });
    } catch (error) {
      queueMicrotask(() =>
        events.exit({ code: null, signal: null, reason: `failed to start: ${String(error)}` }),
      );
      return { pid: undefined, send: () => undefined, signal: () => undefined };
    }
    return new ForkedWorker(child, events);
  }
}

class ForkedWorker implements WorkerHandle {
  readonly #child: ChildProcess;
  readonly #channel: ForkChannel<WorkerMessage, ParentMessage>;
  #exited = false;

  constructor(child: ChildProcess, events: WorkerEvents) {
    this.#child = child;
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null; reason?: string } | null = null;
    let reported = false;
    const report = (): void => {
      if (reported || !exitInfo) return;
      reported = true;
      events.exit(exitInfo);
    };
    child.on('spawn', () => {
      if (child.pid !== undefined) events.spawn(child.pid);
    });
    const bulk = (child.stdio[BULK_FD] as Socket | null | undefined) ?? null;
    this.#channel = new ForkChannel<WorkerMessage, ParentMessage>(
      (raw, done) => child.send(raw as Serializable, done && (() => done())),
      bulk,
      (message) => events.message(message),
    );
    child.on('message', (raw) => this.#channel.receive(raw));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => events.output('stdout', text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => events.output('stderr', text));
    child.on('error', (error) => {
      // Spawn failures arrive here without an 'exit'.
      if (child.pid === undefined && !exitInfo) {
        exitInfo = { code: null, signal: null, reason: `failed to start: ${error.message}` };
        report();
      }
    });
    child.on('exit', (code, signal) => {
      this.#exited = true;
      exitInfo = { code, signal };
      // 'close' follows once stdio and the IPC channel have drained; don't wait forever
      // (a grandchild could hold the pipes open).
      setTimeout(report, DRAIN_AFTER_EXIT_MS).unref();
    });
    child.on('close', report);
    // The pool keeps the event loop alive while it needs this worker (loop-hold.ts); the
    // process handle, the IPC channel and the stdio pipes would each hold it for good.
    // Piped stdio streams are sockets (typed as plain Readables).
    const pipes = [child.stdout, child.stderr, bulk] as (Socket | null)[];
    for (const handle of [child, child.channel, ...pipes]) handle?.unref();
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  send(message: ParentMessage): void {
    if (this.#exited || !this.#child.connected) return;
    this.#channel.send(message);
  }

  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.#exited) this.#child.kill(signal);
  }
}
