/**
 * as_completed delivery delay: tasks sleep a seeded-random 0..max ms on 2
 * warmed workers and return their completion stamp (epoch ms, from
 * performance.timeOrigin + performance.now(), comparable across processes);
 * the caller takes now − stamp as it sees each task complete (ours: as
 * asCompleted() yields the future; the peers: in the task's continuation).
 * Every repetition also measures the floor: the same schedule on two bare
 * child_process.fork children (ipc-floor.ts), with no pool at all, once with
 * JSON serialization (the framing our pool's channel uses: the floor the
 * target is judged against) and once with 'advanced'.
 */
import { type BenchConfig, progress } from './config';
import { ipcFloorDelays } from './ipc-floor';
import { type NodeFigures, record, withPools } from './measure';
import { mean, median, mulberry32, percentile } from './stats';
import { type BenchSystem, rotation } from './systems';

export async function benchAsCompleted(
  cfg: BenchConfig,
  systems: readonly BenchSystem[],
): Promise<NodeFigures> {
  progress(`as_completed: ${cfg.slowReps} reps of ${cfg.acN} tasks sleeping 0-${cfg.acSleepMaxMs} ms`);
  const rand = mulberry32(cfg.seed);
  const sleeps = Array.from({ length: cfg.acN }, () => rand() * cfg.acSleepMaxMs);
  const figures: NodeFigures = {};
  await withPools(systems, 2, async (pools) => {
    for (let rep = 0; rep < cfg.slowReps; rep++) {
      for (const system of rotation(systems, rep)) {
        const t0 = performance.now();
        const delays = await pools.get(system)!.completionDelays(sleeps);
        const wall = (performance.now() - t0) / 1e3;
        if (delays.length !== sleeps.length) throw new Error(`${system.id}: lost completions`);
        record(figures, system.id, 'delay_ms_mean', mean(delays));
        record(figures, system.id, 'delay_ms_median', median(delays));
        record(figures, system.id, 'delay_ms_p95', percentile(delays, 95));
        record(figures, system.id, 'delay_ms_max', Math.max(...delays));
        record(figures, system.id, 'wall_s', wall);
      }
      const floor = await ipcFloorDelays(sleeps, 'json');
      record(figures, 'ours', 'floor_delay_ms_mean', mean(floor));
      record(figures, 'ours', 'floor_delay_ms_median', median(floor));
      const advanced = await ipcFloorDelays(sleeps, 'advanced');
      record(figures, 'ours', 'floor_adv_delay_ms_mean', mean(advanced));
    }
  });
  for (const system of systems) {
    (figures[system.id] ??= {}).ideal_wall_s = sleeps.reduce((a, b) => a + b, 0) / 2000;
  }
  return figures;
}
