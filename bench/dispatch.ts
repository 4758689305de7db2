/**
 * Dispatch overhead: no-op tasks on 2 warmed workers, (a) one submit + result
 * at a time, (b) submit all, then await all. Microseconds per task.
 */
import { ProcessPoolExecutor } from '../electron/pool';
import { type BenchConfig, type FigureSet, progress, TASK_MODULE, warm } from './config';
import { median, round } from './stats';

export async function benchDispatch(cfg: BenchConfig): Promise<FigureSet> {
  const n = cfg.dispatchN;
  progress(`dispatch: ${n} no-ops x ${cfg.reps} reps, one at a time and all at once`);
  const seq: number[] = [];
  const all: number[] = [];
  const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: 2 });
  try {
    await warm(ex, 2);
    for (let rep = 0; rep < cfg.reps; rep++) {
      let t0 = performance.now();
      for (let i = 0; i < n; i++) await ex.submit('noop', i).result();
      seq.push(((performance.now() - t0) / n) * 1e3);

      t0 = performance.now();
      const futures = Array.from({ length: n }, (_, i) => ex.submit('noop', i));
      for (const f of futures) await f.result();
      all.push(((performance.now() - t0) / n) * 1e3);
    }
  } finally {
    await ex.shutdown({ wait: true });
  }
  return {
    n,
    reps: cfg.reps,
    seq_us_per_task: round(median(seq), 2),
    seq_us_all: seq.map((x) => round(x, 2)),
    us_per_task: round(median(all), 2),
    us_all: all.map((x) => round(x, 2)),
  };
}
