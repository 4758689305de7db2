/**
 * The machine's 1-minute load average: how many processes wanted a CPU, on
 * average, over the last minute. Kept with each run so that a run on a busy
 * machine can be told apart from a lesson (shared/busy-machine.ts).
 */
import { loadavg, platform } from 'node:os';

/** Now, or null where the system keeps none (Windows reports zeros). */
export function loadAverageNow(): number | null {
  if (platform() === 'win32') return null;
  const [oneMinute] = loadavg();
  return oneMinute !== undefined && Number.isFinite(oneMinute) && oneMinute >= 0 ? oneMinute : null;
}
