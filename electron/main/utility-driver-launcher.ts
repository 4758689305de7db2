/**
 * Starts a whole TypeScript program's driver as an Electron utility process
 * (the only kind of process the main process may start for user code). Thin
 * by design: the driver itself is the browser host's (electron/node/program),
 * and its workers, forked from it, never outlive it. Messages sent before
 * the process has spawned are held until it has.
 */
import { utilityProcess } from 'electron';
import type {
  DriverEvents,
  DriverHandle,
  DriverLauncher,
  DriverLaunchOptions,
} from '../node/program/driver-launcher';
import type { StartMessage } from '../node/program/protocol';

export class UtilityDriverLauncher implements DriverLauncher {
  constructor(private readonly script: string) {}

  launch(options: DriverLaunchOptions, events: DriverEvents): DriverHandle {
    const child = utilityProcess.fork(this.script, [], {
      serviceName: 'Pool Playground program',
      execArgv: options.execArgv,
      env: options.env,
      cwd: options.cwd,
      stdio: 'pipe',
    });
    let spawned = false;
    const held: StartMessage[] = [];
    child.on('spawn', () => {
      spawned = true;
      for (const message of held.splice(0)) child.postMessage(message);
    });
    child.on('message', (message: unknown) => events.message(message));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => events.output('stdout', text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => events.output('stderr', text));
    child.on('exit', (code) => events.exit(code, null));
    return {
      get pid() {
        return child.pid;
      },
      processGroup: null,
      send(message) {
        if (spawned) child.postMessage(message);
        else held.push(message);
      },
      kill(signal) {
        if (signal === 'SIGTERM' || child.pid === undefined) {
          child.kill();
          return;
        }
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      },
    };
  }
}
