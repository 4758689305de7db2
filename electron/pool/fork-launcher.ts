/**
 * Starts workers with Node's child_process.fork, using structured-clone
 * ("advanced") serialization — the same cloning utilityProcess.postMessage
 * does, so a value that travels here travels under Electron too.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { WorkerEvents, WorkerHandle, WorkerLauncher, WorkerLaunchOptions } from './launcher';
import type { ParentMessage, WorkerMessage } from './protocol';
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
        serialization: 'advanced',
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // Never inherit our own flags (a test runner's or tsx's loaders).
        execArgv: [...(this.#options.execArgv ?? []), ...options.execArgv],
        env: this.#options.env ?? process.env,
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
    child.on('message', (message) => events.message(message as WorkerMessage));
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
    for (const handle of [
      child,
      child.channel,
      child.stdout as Socket | null,
      child.stderr as Socket | null,
    ]) {
      handle?.unref();
    }
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  send(message: ParentMessage): void {
    if (this.#exited || !this.#child.connected) return;
    this.#child.send(message);
  }

  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.#exited) this.#child.kill(signal);
  }
}
