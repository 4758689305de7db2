/**
 * CPU-bound work: cpuTasks x countPrimes(n), n calibrated in this process so
 * one task takes about cfg.cpuTaskS; serial in-process, then the pool with 1
 * and with 2 workers. The speedup is serial time / pool time.
 */
import { ProcessPoolExecutor } from '../electron/pool';
import { type BenchConfig, type FigureSet, progress, TASK_MODULE, warm } from './config';
import { countPrimes } from './tasks.mjs';
import { mean, round, tasksPerWorker } from './stats';

/** The n for which countPrimes(n) takes about `targetS` here (cost grows about as n^1.5 / log n). */
export function calibratePrimesN(targetS: number): number {
  let n = 20_000;
  let seconds: number;
  for (;;) {
    const t = performance.now();
    countPrimes(n);
    seconds = (performance.now() - t) / 1e3;
    if (seconds >= 0.1) break;
    n *= 2;
  }
  return Math.round((n * (targetS / seconds) ** (1 / 1.45)) / 1000) * 1000;
}

export async function benchCpu(cfg: BenchConfig): Promise<FigureSet> {
  const n = calibratePrimesN(cfg.cpuTaskS);
  progress(`cpu: countPrimes(${n}) x ${cfg.cpuTasks}: serial, 1 worker, 2 workers`);
  const per: number[] = [];
  let expect = -1;
  const t0 = performance.now();
  for (let k = 0; k < cfg.cpuTasks; k++) {
    const t = performance.now();
    expect = countPrimes(n);
    per.push((performance.now() - t) / 1e3);
  }
  const serial = (performance.now() - t0) / 1e3;
  const rec: FigureSet = {
    tasks: cfg.cpuTasks,
    primes_n: n,
    task_s_serial_mean: round(mean(per)),
    serial_s: round(serial),
  };
  for (const workers of [1, 2]) {
    const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: workers });
    try {
      await warm(ex, workers);
      const t = performance.now();
      const futures = Array.from({ length: cfg.cpuTasks }, () =>
        ex.submit<[number, number, number]>('countPrimesTimed', n),
      );
      const results = await Promise.all(futures.map((f) => f.result()));
      const seconds = (performance.now() - t) / 1e3;
      if (!results.every(([count]) => count === expect))
        throw new Error('countPrimes gave different answers');
      rec[`pool${workers}_s`] = round(seconds);
      rec[`speedup${workers}`] = round(serial / seconds);
      rec[`pool${workers}_task_s_mean`] = round(mean(results.map(([, s]) => s)));
      rec[`pool${workers}_tasks_per_worker`] = tasksPerWorker(results.map(([, , pid]) => pid));
    } finally {
      await ex.shutdown({ wait: true });
    }
  }
  return rec;
}
