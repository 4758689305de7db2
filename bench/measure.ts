/** How repetitions are timed and interleaved across systems. */
import type { FigureSet } from './config';
import type { BenchSystem, NodeSystemId, PoolUnderTest } from './systems';

export interface RepTiming {
  ms: number;
  /** Units of work done (tasks, items) over every pass. */
  units: number;
  passes: number;
}

/**
 * One repetition: run `pass` (which does some units of work and returns how
 * many) again and again until at least `minMs` have passed, so that a
 * repetition is never so short that timer resolution or one hiccup decides it.
 */
export async function timedRep(minMs: number, pass: () => Promise<number>): Promise<RepTiming> {
  let units = 0;
  let passes = 0;
  const t0 = performance.now();
  let ms: number;
  do {
    units += await pass();
    passes++;
    ms = performance.now() - t0;
  } while (ms < minMs);
  return { ms, units, passes };
}

/** Make `workers` processes exist and answer (concurrent sleeps), then prime them with no-ops. */
export async function warm(pool: PoolUnderTest, workers: number): Promise<void> {
  await pool.callAll(
    'sleepMs',
    Array.from({ length: workers }, () => 50),
  );
  await pool.callAll(
    'noop',
    Array.from({ length: 100 }, (_, i) => i),
  );
}

/** One workload's figures, per Node system. */
export type NodeFigures = Partial<Record<NodeSystemId, FigureSet>>;

/** Append one repetition's `value` to `figures[system][key]`. */
export function record(figures: NodeFigures, system: NodeSystemId, key: string, value: number): void {
  const set = (figures[system] ??= {});
  const values = set[key];
  if (Array.isArray(values)) values.push(value);
  else set[key] = [value];
}

/** Set a figure measured once (not per repetition). */
export function recordOnce(
  figures: NodeFigures,
  system: NodeSystemId,
  key: string,
  value: FigureSet[string],
): void {
  (figures[system] ??= {})[key] = value;
}

/**
 * Start a warmed pool of `workers` processes for each system, run `body`
 * with them all (so repetitions can alternate between systems: load that
 * comes and goes then hits every system alike), and close them.
 */
export async function withPools<T>(
  systems: readonly BenchSystem[],
  workers: number,
  body: (pools: ReadonlyMap<BenchSystem, PoolUnderTest>) => Promise<T>,
): Promise<T> {
  const pools = new Map<BenchSystem, PoolUnderTest>();
  try {
    for (const system of systems) {
      const pool = system.open(workers);
      pools.set(system, pool);
      await warm(pool, workers);
    }
    return await body(pools);
  } finally {
    for (const pool of pools.values()) await pool.close();
  }
}
