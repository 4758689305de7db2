/**
 * Starts pool workers as Electron utility processes. Thin by design; it
 * covers utilityProcess's quirks:
 * - `pid` is undefined until 'spawn'; a kill requested before then is queued;
 * - `kill()` only sends SIGTERM, so SIGKILL goes through process.kill(pid);
 * - exit codes are unreliable, so the app's 'child-process-gone' reason
 *   (crashed, oom, killed…) classifies the exit;
 * - nothing is posted after 'exit'; results and console output travel over
 *   the message channel, since stdout is lost at exit.
 */
import { app, utilityProcess, type UtilityProcess } from 'electron';
import type { WorkerEvents, WorkerHandle, WorkerLauncher, WorkerLaunchOptions } from '../pool';
import type { ParentMessage, WorkerMessage } from '../pool';

export interface UtilityLauncherOptions {
  script: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Reasons from 'child-process-gone', by service name, for the exit handler to pick up. */
const goneReasons = new Map<string, string>();
let listening = false;

function listenForGoneProcesses(): void {
  if (listening) return;
  listening = true;
  app.on('child-process-gone', (_event, details) => {
    if (details.type === 'Utility' && details.serviceName)
      goneReasons.set(details.serviceName, details.reason);
  });
}

let nextServiceId = 1;

export class UtilityLauncher implements WorkerLauncher {
  readonly #options: UtilityLauncherOptions;

  constructor(options: UtilityLauncherOptions) {
    this.#options = options;
    listenForGoneProcesses();
  }

  launch(options: WorkerLaunchOptions, events: WorkerEvents): WorkerHandle {
    const serviceName = `${options.name} #${nextServiceId++}`;
    const child = utilityProcess.fork(this.#options.script, [], {
      serviceName,
      execArgv: [...options.execArgv],
      env: this.#options.env,
      cwd: this.#options.cwd,
      stdio: 'pipe',
    });
    return new UtilityWorker(child, serviceName, events);
  }
}

class UtilityWorker implements WorkerHandle {
  readonly #child: UtilityProcess;
  #pid: number | undefined;
  #exited = false;
  #pendingSignal: 'SIGTERM' | 'SIGKILL' | null = null;

  constructor(child: UtilityProcess, serviceName: string, events: WorkerEvents) {
    this.#child = child;
    child.on('spawn', () => {
      this.#pid = child.pid;
      if (this.#pid !== undefined) events.spawn(this.#pid);
      if (this.#pendingSignal) this.signal(this.#pendingSignal);
    });
    child.on('message', (message: unknown) => events.message(message as WorkerMessage));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => events.output('stdout', text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => events.output('stderr', text));
    child.on('exit', (code) => {
      this.#exited = true;
      // 'child-process-gone' may arrive just after 'exit': give it a tick.
      setTimeout(() => {
        const reason = goneReasons.get(serviceName);
        goneReasons.delete(serviceName);
        const signal = reason === 'killed' ? 'SIGKILL' : null;
        events.exit({ code: signal ? null : code, signal, ...(reason ? { reason } : {}) });
      }, 50);
    });
  }

  get pid(): number | undefined {
    return this.#pid;
  }

  send(message: ParentMessage): void {
    if (!this.#exited) this.#child.postMessage(message);
  }

  signal(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.#exited) return;
    if (this.#pid === undefined) {
      this.#pendingSignal = signal;
      return;
    }
    if (signal === 'SIGTERM') this.#child.kill();
    else {
      try {
        process.kill(this.#pid, 'SIGKILL');
      } catch {
        // Already gone; 'exit' will tell.
      }
    }
  }
}
