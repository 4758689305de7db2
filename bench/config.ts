/**
 * Workload sizes and repetitions (the same for every system: py_pool.py gets
 * them as flags), and how a repetition is timed.
 */
import { fileURLToPath } from 'node:url';

export interface BenchConfig {
  /** A repetition runs its workload again (a "pass") until at least this long has passed. */
  minRepMs: number;
  /** Fresh pools per cold-start variant (each rep is one start: it cannot be made longer). */
  coldReps: number;
  /** Repetitions of dispatch and map. */
  reps: number;
  /** Repetitions of the slow workloads: CPU-bound and as_completed. */
  slowReps: number;
  /** Tasks per pass, one submit + result at a time. */
  dispatchSeqN: number;
  /** Tasks per pass, submitted all at once. */
  dispatchAllN: number;
  /** map(): [chunksize, items per pass]; the larger the chunks, the more items a pass needs. */
  mapSizes: readonly (readonly [chunksize: number, items: number])[];
  cpuTasks: number;
  /** Each CPU task is calibrated (per language) to take about this long. */
  cpuTaskS: number;
  acN: number;
  acSleepMaxMs: number;
  seed: number;
}

export const DEFAULT_CONFIG: BenchConfig = {
  minRepMs: 100,
  coldReps: 7,
  reps: 5,
  slowReps: 3,
  dispatchSeqN: 5000,
  dispatchAllN: 20_000,
  mapSizes: [
    [1, 20_000],
    [16, 200_000],
    [256, 1_000_000],
  ],
  cpuTasks: 8,
  cpuTaskS: 0.2,
  acN: 200,
  acSleepMaxMs: 20,
  seed: 12345,
};

/** The workers' task module (plain JavaScript: imported as is, no bundling), shared by every system. */
export const TASK_MODULE = fileURLToPath(new URL('./tasks.mjs', import.meta.url));

/** A figure set: numbers (one per repetition in arrays) for the table, strings for the JSON file. */
export type FigureSet = Record<string, number | string | number[]>;

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
