/**
 * Follow a store, but re-render at most every `ms` (the last change always
 * gets through): for views that need not keep up with every redraw, like
 * the timeline's accessible mirror during a live run. While the live clock
 * ticks, the re-render waits for its tick, so it shares the frame the
 * timeline draws anyway.
 */
import { useEffect, useState } from 'react';
import { liveClock } from './live-clock';
import type { VersionedStore } from './use-store';

/**
 * `ms` may be a function, asked at each change (e.g. slower while a run is
 * live): when it shrinks, a change is shown on the shorter delay even if an
 * earlier one was waiting for the longer.
 */
export function useThrottledVersion(store: VersionedStore, ms: number | (() => number)): number {
  const [version, setVersion] = useState(() => store.getVersion());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** When the pending re-render is due (Infinity: none pending). */
    let due = Infinity;
    /** Identifies the pending re-render: an earlier one rescheduled does nothing. */
    let token = 0;
    let disposed = false;
    let last = 0;
    const unsubscribe = store.subscribe(() => {
      const now = performance.now();
      const wait = Math.max(0, last + (typeof ms === 'number' ? ms : ms()) - now);
      if (now + wait >= due) return;
      due = now + wait;
      const mine = ++token;
      const update = (): void => {
        if (disposed || mine !== token) return;
        due = Infinity;
        timer = null;
        last = performance.now();
        setVersion(store.getVersion());
      };
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (liveClock.later(update, wait)) return;
      if (wait === 0) update();
      else timer = setTimeout(update, wait);
    });
    return () => {
      disposed = true;
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, ms]);
  return version;
}
