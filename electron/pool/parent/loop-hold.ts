/**
 * Keeps this process's event loop alive while any pool has work out, and
 * only then, so a script that forgets shutdown() still exits once its results
 * are in. One long timer for the whole process, ref'd while anything holds
 * it: far cheaper than ref-ing and unref-ing each worker's process handle,
 * IPC channel and pipes at every busy/idle change (twice per task when tasks
 * go one at a time). Launchers leave their workers' handles unref'd (see
 * launcher.ts).
 */
import { MAX_TIMER_MS } from './future';

let holders = 0;
let timer: ReturnType<typeof setInterval> | null = null;

export function holdLoop(): void {
  if (holders++ > 0) return;
  if (timer === null) timer = setInterval(() => undefined, MAX_TIMER_MS);
  else timer.ref();
}

export function releaseLoop(): void {
  if (--holders > 0) return;
  timer?.unref();
}
