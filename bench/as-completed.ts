/**
 * asCompleted() delivery delay: tasks sleep a seeded-random 0..max ms on 2
 * warmed workers and return their completion stamp (epoch ms, from
 * performance.timeOrigin + performance.now(), comparable across processes);
 * the caller takes now - stamp the moment asCompleted() yields the future.
 */
import { asCompleted, ProcessPoolExecutor } from '../electron/pool';
import { type BenchConfig, type FigureSet, progress, TASK_MODULE, warm } from './config';
import { ipcFloorDelays } from './ipc-floor';
import { epochMs } from './tasks.mjs';
import { mean, median, mulberry32, percentile, round } from './stats';

export async function benchAsCompleted(cfg: BenchConfig): Promise<FigureSet> {
  progress(`as_completed: ${cfg.acN} tasks sleeping 0-${cfg.acSleepMaxMs} ms`);
  const rand = mulberry32(cfg.seed);
  const sleeps = Array.from({ length: cfg.acN }, () => rand() * cfg.acSleepMaxMs);
  const delays: number[] = [];
  const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: 2 });
  let wall: number;
  try {
    await warm(ex, 2);
    const t0 = performance.now();
    const futures = sleeps.map((ms) => ex.submit<number>('sleepStamp', ms));
    for await (const future of asCompleted(futures)) {
      const caller = epochMs();
      delays.push(caller - (await future.result()));
    }
    wall = (performance.now() - t0) / 1e3;
  } finally {
    await ex.shutdown({ wait: true });
  }
  const floor = await ipcFloorDelays(sleeps);
  return {
    n: cfg.acN,
    sleep_ms_max: cfg.acSleepMaxMs,
    delay_ms_mean: round(mean(delays), 4),
    delay_ms_median: round(median(delays), 4),
    delay_ms_p95: round(percentile(delays, 95), 4),
    delay_ms_min: round(Math.min(...delays), 4),
    delay_ms_max: round(Math.max(...delays), 4),
    floor_delay_ms_mean: round(mean(floor), 4),
    floor_delay_ms_median: round(median(floor), 4),
    wall_s: round(wall),
    ideal_wall_s: round(sleeps.reduce((a, b) => a + b, 0) / 2000),
  };
}
