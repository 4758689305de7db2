/**
 * CPU-bound work: cpuTasks × countPrimes(n), n calibrated in this process so
 * one task takes about cfg.cpuTaskS. Each repetition runs the tasks serially
 * in this process, then on every system with 1 and with 2 workers; a
 * speedup is that repetition's serial time / pool time.
 */
import { type BenchConfig, progress } from './config';
import { type NodeFigures, record, recordOnce, withPools } from './measure';
import { mean, tasksPerWorker } from './stats';
import { type BenchSystem, rotation } from './systems';
import { countPrimes } from './tasks.mjs';

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

type Timed = [count: number, seconds: number, pid: number];

export async function benchCpu(cfg: BenchConfig, systems: readonly BenchSystem[]): Promise<NodeFigures> {
  const n = calibratePrimesN(cfg.cpuTaskS);
  progress(`cpu: ${cfg.slowReps} reps of countPrimes(${n}) x ${cfg.cpuTasks}: serial, 1 worker, 2 workers`);
  const figures: NodeFigures = {};
  const args = Array.from({ length: cfg.cpuTasks }, () => n);
  await withPools(systems, 1, (onOne) =>
    withPools(systems, 2, async (onTwo) => {
      for (let rep = 0; rep < cfg.slowReps; rep++) {
        const per: number[] = [];
        let expect = -1;
        const t0 = performance.now();
        for (let k = 0; k < cfg.cpuTasks; k++) {
          const t = performance.now();
          expect = countPrimes(n);
          per.push((performance.now() - t) / 1e3);
        }
        const serial = (performance.now() - t0) / 1e3;
        for (const system of rotation(systems, rep)) {
          record(figures, system.id, 'serial_s', serial);
          record(figures, system.id, 'task_s_serial_mean', mean(per));
          for (const [workers, pools] of [
            [1, onOne],
            [2, onTwo],
          ] as const) {
            const t = performance.now();
            const results = (await pools.get(system)!.callAll('countPrimesTimed', args)) as Timed[];
            const seconds = (performance.now() - t) / 1e3;
            if (!results.every(([count]) => count === expect)) {
              throw new Error(`${system.id}: countPrimes gave different answers`);
            }
            record(figures, system.id, `pool${workers}_s`, seconds);
            record(figures, system.id, `speedup${workers}`, serial / seconds);
            record(figures, system.id, `pool${workers}_task_s_mean`, mean(results.map(([, s]) => s)));
            const spread = tasksPerWorker(results.map(([, , pid]) => pid));
            recordOnce(figures, system.id, `pool${workers}_tasks_per_worker`, spread);
          }
        }
      }
    }),
  );
  for (const system of systems) recordOnce(figures, system.id, 'primes_n', n);
  return figures;
}
