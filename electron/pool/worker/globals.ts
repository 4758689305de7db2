/**
 * The worker's world, as the editor's IntelliSense describes it: besides
 * `process` and `console`, a blocking `sleep(ms)` — the analogue of Python's
 * `time.sleep`, which holds the whole process (unlike `await setTimeout`,
 * which would let the event loop run). Defined only where nothing else is.
 */
import type { Outbox } from './outbox';

export function installWorkerGlobals(outbox: Outbox): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const sleep = (ms: number): void => {
    const duration = Number(ms);
    if (!Number.isFinite(duration) || duration < 0) {
      throw new RangeError(`sleep(ms) needs a number of milliseconds >= 0, got ${String(ms)}`);
    }
    // Whatever was printed before the nap must show now, not after it.
    outbox.flush();
    Atomics.wait(cell, 0, 0, duration);
  };
  const g = globalThis as { sleep?: unknown };
  if (g.sleep === undefined) g.sleep = sleep;
}
