/**
 * asCompleted(): yield each distinct future once as it completes, already-done
 * ones first, as concurrent.futures.as_completed. The deadline (`timeoutMs`)
 * is measured from the call, and running out of it throws TimeoutError naming
 * how many futures are unfinished. Cancelled futures count as completed.
 */
import { TimeoutError } from '../common/errors';
import type { AnyFuture } from './future';
import { checkTimeout, kWaiters, MAX_TIMER_MS } from './future';

export interface AsCompletedOptions {
  timeoutMs?: number | null;
}

export function asCompleted<F extends AnyFuture>(
  futures: Iterable<F>,
  options: AsCompletedOptions = {},
): AsyncIterableIterator<F> {
  const { timeoutMs = null } = options;
  if (timeoutMs !== null) checkTimeout(timeoutMs);
  const deadline = timeoutMs === null || timeoutMs > MAX_TIMER_MS ? null : performance.now() + timeoutMs;
  const all = new Set(futures);
  const total = all.size;
  const ready: F[] = [];
  const pending = new Set<F>();
  for (const f of all) {
    if (f.done()) ready.push(f);
    else pending.add(f);
  }

  let wake: (() => void) | null = null;
  const waiter = (f: F): void => {
    if (!pending.delete(f)) return;
    ready.push(f);
    wake?.();
  };
  for (const f of pending) (f[kWaiters] ??= new Set()).add(waiter);
  const detach = (): void => {
    for (const f of pending) f[kWaiters]?.delete(waiter);
  };

  async function* iterate(): AsyncGenerator<F> {
    try {
      for (;;) {
        while (ready.length > 0) yield ready.shift()!;
        if (pending.size === 0) return;
        await nextCompletion();
      }
    } finally {
      detach();
    }
  }

  function nextCompletion(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      wake = () => {
        wake = null;
        clearTimeout(timer);
        resolve();
      };
      if (deadline !== null) {
        timer = setTimeout(
          () => {
            wake = null;
            reject(new TimeoutError(`${pending.size} (of ${total}) futures unfinished`));
          },
          Math.max(0, deadline - performance.now()),
        );
      }
    });
  }

  return iterate();
}
