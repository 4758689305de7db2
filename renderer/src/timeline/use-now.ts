/** Re-render about 30 times a second while `active`, returning the run's current time (ms). */
import { useEffect, useState } from 'react';

export function useNow(active: boolean, read: () => number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let last = 0;
    const loop = (time: number): void => {
      if (time - last >= 32) {
        last = time;
        setTick((t) => t + 1);
      }
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [active]);
  return read();
}
