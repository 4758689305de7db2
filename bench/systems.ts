/**
 * The Node pools under test, behind one small face so that every workload
 * runs the same code against each: our ProcessPoolExecutor (through its
 * public API: submit/result, map, asCompleted) and the two peers, workerpool
 * and tinypool, both in child-process mode. CPython's executor runs in its
 * own interpreter (python.ts).
 */
import type { SystemId } from './targets';

export type NodeSystemId = Exclude<SystemId, 'cpython'>;

/** A started pool of one system. Task names are exports of tasks.mjs. */
export interface PoolUnderTest {
  /** One call, awaited. */
  call(fn: string, arg: unknown): Promise<unknown>;
  /** Submit every call, then await them all; the results in order. */
  callAll(fn: string, args: readonly unknown[]): Promise<unknown[]>;
  /**
   * `fn` over `items`, `chunksize` items per task; the results in order.
   * Ours uses map(); the peers have no map, so they batch by hand (mapChunk).
   */
  map(fn: string, items: readonly unknown[], chunksize: number): Promise<unknown[]>;
  /**
   * Submit `sleepStamp(ms)` for every sleep; as each completes, in completion
   * order, record `caller's now − the task's completion stamp` (ms).
   */
  completionDelays(sleeps: readonly number[]): Promise<number[]>;
  close(): Promise<void>;
}

export interface BenchSystem {
  id: NodeSystemId;
  /** Version of the package (ours: the app's). */
  version: string;
  /** How arguments and results cross the process boundary. */
  serialization: string;
  /** How it is configured here, in a few words. */
  config: string;
  /** Start a pool of `workers` processes; `env` replaces the workers' environment. */
  open(workers: number, env?: NodeJS.ProcessEnv): PoolUnderTest;
}

/** The systems in the order `rep` should run them: rotated, so no one always goes first. */
export function rotation<T>(systems: readonly T[], rep: number): T[] {
  if (systems.length === 0) return [];
  const k = rep % systems.length;
  return [...systems.slice(k), ...systems.slice(0, k)];
}

/** Chunks of `size` consecutive items (the last one shorter). */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
