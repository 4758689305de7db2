/**
 * Re-render a few times a second while `active` (see LIVE_REFRESH_MS),
 * returning the run's current time (ms): running bars grow and the clock
 * ticks without a 60 Hz redraw competing with the workers for the CPU.
 */
import { useEffect, useState } from 'react';
import { LIVE_REFRESH_MS } from '../store/frame-notifier';

export function useNow(active: boolean, read: () => number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [active]);
  return read();
}
