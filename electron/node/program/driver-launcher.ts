/**
 * How the host starts a whole TypeScript program's driver process. The
 * browser host forks it with Node (`ForkDriverLauncher`, below) in a process
 * group of its own, so the program's whole tree — the driver, its workers,
 * anything they start — can be counted and ended together. Electron's main
 * process starts it as a utilityProcess instead (electron/main).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';
import { makeOwnedTempDir, sweepStaleTempDirs } from '../../pool/parent/owned-temp-dir';
import type { DriverMessage, StartMessage } from './protocol';

export interface DriverEvents {
  message(message: unknown): void;
  /** Raw output that bypassed the driver's own capture (native code, a child program). */
  output(stream: 'stdout' | 'stderr', text: string): void;
  exit(code: number | null, signal: string | null): void;
}

export interface DriverHandle {
  readonly pid: number | undefined;
  /** The process group the driver leads (its whole tree), when it has one of its own. */
  readonly processGroup: number | null;
  send(message: StartMessage): void;
  /** End the driver (and, with a process group, everything in it). */
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
}

export interface DriverLaunchOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Node flags for the driver (the heap cap). */
  execArgv: string[];
}

export interface DriverLauncher {
  launch(options: DriverLaunchOptions, events: DriverEvents): DriverHandle;
}

export const DRIVER_BUNDLE_NAME = 'program-driver.mjs';
const DRIVER_TEMP_PREFIX = 'program-driver-';

export class ForkDriverLauncher implements DriverLauncher {
  launch(options: DriverLaunchOptions, events: DriverEvents): DriverHandle {
    const child = fork(driverScript(), [], {
      detached: true, // a process group of its own: Stop ends the whole tree
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: options.execArgv,
      env: options.env,
      cwd: options.cwd,
    });
    child.on('message', (message) => events.message(message));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => events.output('stdout', text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => events.output('stderr', text));
    let exited = false;
    const exit = (code: number | null, signal: string | null): void => {
      if (exited) return;
      exited = true;
      events.exit(code, signal);
    };
    child.on('error', () => exit(null, null));
    child.on('exit', (code, signal) => exit(code, signal));
    return {
      get pid() {
        return child.pid;
      },
      processGroup: child.pid ?? null,
      send: (message: StartMessage) => {
        if (child.connected) child.send(message);
      },
      kill: (signal) => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, signal);
        } catch {
          // Already gone.
        }
      },
    };
  }
}

export type { DriverMessage };

let compiled: string | null = null;

/**
 * The driver entry: built beside the host's bundle (out/web, out/main); when
 * the host runs from its TypeScript sources (tests), bundled on first use into
 * a temporary folder of this process's.
 */
export function driverScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, DRIVER_BUNDLE_NAME);
  if (existsSync(built)) return built;
  compiled ??= compileDriver(join(here, 'driver.ts'));
  return compiled;
}

function compileDriver(entry: string): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  sweepStaleTempDirs(DRIVER_TEMP_PREFIX);
  const outfile = join(makeOwnedTempDir(DRIVER_TEMP_PREFIX), DRIVER_BUNDLE_NAME);
  esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
    // The bundle lives in a temporary folder: only Node's own modules stay outside it.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}
