/** executor.map() of a no-op over N items at several chunksizes, 2 warmed workers: items/s. */
import { ProcessPoolExecutor } from '../electron/pool';
import { type BenchConfig, type FigureSet, progress, TASK_MODULE, warm } from './config';
import { median, round } from './stats';

export async function benchMap(cfg: BenchConfig): Promise<FigureSet> {
  const n = cfg.mapN;
  progress(
    `map: ${n} items at chunksize ${cfg.chunksizes.join(' / ')}, ${cfg.reps} / ${cfg.mapFastReps} reps`,
  );
  const items = Array.from({ length: n }, (_, i) => i);
  const rec: FigureSet = { n, reps: cfg.reps, fast_reps: cfg.mapFastReps };
  const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: 2 });
  try {
    await warm(ex, 2);
    for (const chunksize of cfg.chunksizes) {
      const rates: number[] = [];
      const reps = chunksize === 1 ? cfg.reps : cfg.mapFastReps;
      for (let rep = 0; rep < reps; rep++) {
        const t0 = performance.now();
        const out: unknown[] = [];
        for await (const value of ex.map('noop', items, { chunksize })) out.push(value);
        const seconds = (performance.now() - t0) / 1e3;
        if (out.length !== n || out[n - 1] !== n - 1) throw new Error('map returned the wrong results');
        rates.push(n / seconds);
      }
      rec[`items_per_s_c${chunksize}`] = round(median(rates), 1);
      rec[`items_per_s_c${chunksize}_all`] = rates.map((x) => round(x, 1));
    }
  } finally {
    await ex.shutdown({ wait: true });
  }
  return rec;
}
