/**
 * Workload sizes (the same on both sides: reference/py_pool.py gets them as
 * flags) and what every workload of our pool shares.
 */
import { fileURLToPath } from 'node:url';
import type { ProcessPoolExecutor } from '../electron/pool';

export interface BenchConfig {
  /** Fresh executors per cold-start variant. */
  coldReps: number;
  /** Repetitions of the dispatch measurements and of map at chunksize 1 (the median is reported). */
  reps: number;
  /** Repetitions of map at chunksize > 1 (a rep takes a few ms: more of them steady the median). */
  mapFastReps: number;
  dispatchN: number;
  mapN: number;
  chunksizes: readonly number[];
  cpuTasks: number;
  /** Each CPU task is calibrated (per language) to take about this long. */
  cpuTaskS: number;
  acN: number;
  acSleepMaxMs: number;
  seed: number;
}

export const DEFAULT_CONFIG: BenchConfig = {
  coldReps: 7,
  reps: 3,
  mapFastReps: 7,
  dispatchN: 5000,
  mapN: 20_000,
  chunksizes: [1, 16, 256],
  cpuTasks: 8,
  cpuTaskS: 0.5,
  acN: 200,
  acSleepMaxMs: 20,
  seed: 12345,
};

/** The workers' task module (plain JavaScript: imported as is, no bundling). */
export const TASK_MODULE = fileURLToPath(new URL('./tasks.mjs', import.meta.url));

/** A figure set: numbers for the table, arrays and strings for the JSON file. */
export type FigureSet = Record<string, number | string | number[]>;

/** Make `workers` processes exist and answer (concurrent sleeps), then prime them with no-ops. */
export async function warm(ex: ProcessPoolExecutor, workers: number): Promise<void> {
  await Promise.all(Array.from({ length: workers }, () => ex.submit('sleepMs', 50).result()));
  await Promise.all(Array.from({ length: 100 }, (_, i) => ex.submit('noop', i).result()));
}

export function progress(message: string): void {
  process.stderr.write(`  [ours] ${message}\n`);
}
