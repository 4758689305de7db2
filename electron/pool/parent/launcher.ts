/**
 * How the executor starts worker processes. Two implementations share this
 * interface: `ForkLauncher` (Node's child_process.fork, the default, used by
 * tests and the browser host) and the Electron launcher in electron/main
 * (utilityProcess.fork). The pool itself never imports 'electron'.
 */
import type { ParentMessage, WorkerMessage } from '../common/protocol';

export interface WorkerLaunchOptions {
  /** Extra Node flags for the worker, e.g. `--max-old-space-size=64`. */
  execArgv: readonly string[];
  /** A label for the process (utilityProcess shows it as the service name). */
  name: string;
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The launcher's own classification when it has one (e.g. Electron's 'oom', 'crashed'). */
  reason?: string;
}

export interface WorkerEvents {
  /** The process exists; `pid` is known from now on. */
  spawn(pid: number): void;
  message(message: WorkerMessage): void;
  /** Raw pipe output that did not go through the message channel. */
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** The process is gone and every message it sent has been delivered. Called once. */
  exit(exit: WorkerExit): void;
}

export interface WorkerHandle {
  /** Undefined until the process has spawned. */
  readonly pid: number | undefined;
  /** Throws synchronously when the message cannot be structured-cloned. */
  send(message: ParentMessage): void;
  /** SIGTERM or SIGKILL; a signal requested before spawn is delivered on spawn. */
  signal(signal: 'SIGTERM' | 'SIGKILL'): void;
}

export interface WorkerLauncher {
  /**
   * Start a worker. Its handles must not keep the parent's event loop alive
   * (unref them where that applies): the pool holds the loop itself while a
   * worker is starting, busy or stopping, so a script that forgets
   * shutdown() still exits when its work is done.
   */
  launch(options: WorkerLaunchOptions, events: WorkerEvents): WorkerHandle;
}
