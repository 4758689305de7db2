/**
 * wait(): block until some or all of a group of futures are done, as
 * concurrent.futures.wait. On timeout it returns the partial sets; it never
 * throws TimeoutError. A cancelled future counts as done (CPython gh-92001).
 */
import type { AnyFuture } from './future';
import { checkTimeout, kWaiters, MAX_TIMER_MS } from './future';

export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

export interface WaitOptions {
  timeoutMs?: number | null;
  returnWhen?: ReturnWhen;
}

export interface DoneAndNotDone<F> {
  done: Set<F>;
  notDone: Set<F>;
}

export function wait<F extends AnyFuture>(
  futures: Iterable<F>,
  options: WaitOptions = {},
): Promise<DoneAndNotDone<F>> {
  const { timeoutMs = null, returnWhen = ALL_COMPLETED } = options;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new TypeError(`Invalid return condition: ${String(returnWhen)}`);
  }
  if (timeoutMs !== null) checkTimeout(timeoutMs);
  const all = new Set(futures);
  const done = new Set<F>();
  const notDone = new Set<F>();
  for (const f of all) (f.done() ? done : notDone).add(f);

  let anyFailed = [...done].some((f) => f.failed());
  const satisfied = (): boolean => {
    if (notDone.size === 0) return true;
    if (returnWhen === FIRST_COMPLETED) return done.size > 0;
    if (returnWhen === FIRST_EXCEPTION) return anyFailed;
    return false;
  };
  if (satisfied()) return Promise.resolve({ done, notDone });

  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (): void => {
      clearTimeout(timer);
      for (const f of notDone) f[kWaiters]?.delete(waiter);
      resolve({ done, notDone });
    };
    const waiter = (f: F): void => {
      if (!notDone.delete(f)) return;
      done.add(f);
      if (f.failed()) anyFailed = true;
      if (satisfied()) finish();
    };
    for (const f of notDone) (f[kWaiters] ??= new Set()).add(waiter);
    if (timeoutMs !== null && timeoutMs <= MAX_TIMER_MS) timer = setTimeout(finish, Math.max(0, timeoutMs));
  });
}
