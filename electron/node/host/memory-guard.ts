/**
 * The per-worker memory cap of a run. Two limits share one number:
 *
 * - the JavaScript heap, through Node's `--max-old-space-size`: V8 stops a
 *   worker whose objects outgrow it ("JavaScript heap out of memory");
 * - the whole process (resident memory), which also counts what V8's limit
 *   does not: Buffers, ArrayBuffers and typed arrays live outside the heap. On
 *   Linux the guard reads each worker's resident size from /proc every
 *   WATCH_MS and ends a worker that is over the cap. Elsewhere only the heap
 *   limit applies (a documented limitation).
 *
 * Either way the worker's exit is reported as 'oom', so the pool says the
 * worker "ran out of memory" rather than that it crashed.
 */
import { readFile } from 'node:fs/promises';
import type { WorkerEvents, WorkerExit, WorkerHandle, WorkerLauncher, WorkerLaunchOptions } from '../../pool';

const WATCH_MS = 50;

/** Node flags that cap a worker's JavaScript heap at `limitMb`. */
export function heapLimitArgs(limitMb: number | null): string[] {
  return limitMb === null ? [] : [`--max-old-space-size=${limitMb}`];
}

/** Whether this platform lets the guard see a worker's whole memory. */
export const WATCHES_RESIDENT_MEMORY = process.platform === 'linux';

/** A launcher whose workers are ended when their resident memory passes `limitMb`. */
export function guardMemory(launcher: WorkerLauncher, limitMb: number | null): WorkerLauncher {
  if (limitMb === null || !WATCHES_RESIDENT_MEMORY) return launcher;
  return { launch: (options, events) => launchGuarded(launcher, options, events, limitMb) };
}

function launchGuarded(
  launcher: WorkerLauncher,
  options: WorkerLaunchOptions,
  events: WorkerEvents,
  limitMb: number,
): WorkerHandle {
  let timer: ReturnType<typeof setInterval> | null = null;
  let overLimit = false;
  let exited = false;
  const stopWatching = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const handle: WorkerHandle = launcher.launch(options, {
    spawn(pid) {
      events.spawn(pid);
      timer = setInterval(() => {
        void residentMb(pid).then((mb) => {
          if (mb === null || mb <= limitMb || overLimit || exited) return;
          overLimit = true;
          stopWatching();
          handle.signal('SIGKILL');
          events.output(
            'stderr',
            `Worker ${pid} ran out of memory: it used ${Math.round(mb)} MB, over the ` +
              `${limitMb} MB limit per worker (Advanced settings), and was stopped.\n`,
          );
        });
      }, WATCH_MS);
      timer.unref();
    },
    message: (message) => events.message(message),
    output: (stream, text) => events.output(stream, text),
    exit(exit: WorkerExit) {
      exited = true;
      stopWatching();
      events.exit(overLimit ? { ...exit, reason: 'oom' } : exit);
    },
  });
  return handle;
}

/** Resident memory of a process in MB, or null when it cannot be read (it has exited). */
async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}
