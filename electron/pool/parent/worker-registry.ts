/**
 * Every live worker of every pool in this process, so that none outlives it:
 * when the process exits (normally, or via process.exit()), the remaining
 * workers are killed synchronously. Workers also watch for their parent's
 * disappearance themselves (../worker/watchdog.ts) for the cases no exit handler
 * sees, such as SIGKILL.
 */
import type { WorkerHandle } from './launcher';

const live = new Set<WorkerHandle>();
let hooked = false;

export function trackWorker(handle: WorkerHandle): void {
  live.add(handle);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const h of live) h.signal('SIGKILL');
    });
  }
}

export function untrackWorker(handle: WorkerHandle): void {
  live.delete(handle);
}
