/**
 * Re-render on the live clock's ticks while `active` (a few times a second,
 * with the timeline: see store/live-clock.ts), returning the run's current
 * time (ms): the clock ticks without a 60 Hz redraw competing with the
 * workers for the CPU.
 */
import { useEffect, useState } from 'react';
import { liveClock } from '../store/live-clock';

export function useNow(active: boolean, read: () => number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    return liveClock.subscribe(() => setTick((t) => t + 1));
  }, [active]);
  return read();
}
