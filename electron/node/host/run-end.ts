/**
 * How every run ends, whatever ran it (this app's pool, a whole TypeScript
 * program, CPython): a summary line in the terminal, the `run-finished`
 * event, the log saved to the history, and only then the last batch sent to
 * the UI (so the UI never sees an end that is not saved).
 */
import { formatValue } from '../../../shared/format-value';
import type { RunOutcome, RuntimeInfo } from '../../../shared/run-events';
import type { RunRecorder } from './recorder';

/** The Node this host runs TypeScript on (its workers and drivers run the same one). */
export function nodeRuntime(): RuntimeInfo {
  const electron = process.versions.electron;
  return {
    language: 'typescript',
    name: electron ? `Node ${process.versions.node} (Electron ${electron})` : `Node ${process.versions.node}`,
    version: process.versions.node,
  };
}

export interface RunWorkers {
  /** PIDs of the worker processes. */
  pids: readonly number[];
  /** Worker threads (a ThreadPoolExecutor's), if any. */
  threads?: number;
}

/** "Done in 4.1 s · 5 tasks · 3 worker processes (PIDs 11, 12, 13)". */
export function summaryLine(outcome: RunOutcome, wallMs: number, tasks: number, workers: RunWorkers): string {
  const what = outcome === 'ok' ? 'Done' : outcome === 'stopped' ? 'Stopped' : 'Failed';
  const { pids, threads = 0 } = workers;
  const parts = [`${what} in ${formatValue(Math.round(wallMs) / 1000)} s`, plural(tasks, 'task')];
  if (pids.length > 0 || threads === 0) {
    const pidList = pids.length > 0 && pids.length <= 8 ? ` (PIDs ${pids.join(', ')})` : '';
    parts.push(`${plural(pids.length, 'worker process', 'worker processes')}${pidList}`);
  }
  if (threads > 0) parts.push(plural(threads, 'worker thread'));
  return parts.join(' · ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface RunEnd {
  outcome: RunOutcome;
  wallMs: number;
  message?: string;
  tasks: number;
  workers: RunWorkers;
}

/** Print the summary, record the end, save the log, then let the UI see it. */
export async function endRun(
  recorder: RunRecorder,
  end: RunEnd,
  persist: (outcome: RunOutcome) => Promise<void>,
): Promise<void> {
  recorder.driver(
    summaryLine(end.outcome, end.wallMs, end.tasks, end.workers),
    end.outcome === 'ok' ? 'stdout' : 'stderr',
  );
  recorder.finish(end.outcome, end.wallMs, end.message);
  await persist(end.outcome).catch((error: unknown) => {
    console.error('Could not save the run to the history:', error);
  });
  recorder.flush();
}
