/**
 * A worker must not outlive the process that started it, even when that
 * process is killed outright and the worker is stuck in `while (true) {}`
 * (its own event loop is blocked then, so it cannot notice anything). A tiny
 * thread watches for the parent's disappearance — the worker is re-parented,
 * its parent PID changes — and kills the worker.
 */
import { Worker } from 'node:worker_threads';

const WATCH_SOURCE = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.ppid) process.kill(process.pid, 'SIGKILL');
}, 250);
`;

export function startOrphanWatchdog(): void {
  try {
    const thread = new Worker(WATCH_SOURCE, {
      eval: true,
      workerData: { ppid: process.ppid },
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
      stdout: false,
      stderr: false,
    });
    thread.unref();
  } catch {
    // Without threads we still exit on 'disconnect' whenever the event loop is free.
  }
}
