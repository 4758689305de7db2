/**
 * map() of a no-op at several chunksizes, 2 warmed workers: items/s, one
 * figure per repetition. Larger chunks get more items per pass (config), so
 * a pass is not over in a few milliseconds.
 */
import { type BenchConfig, progress } from './config';
import { type NodeFigures, record, timedRep, withPools } from './measure';
import { type BenchSystem, rotation } from './systems';

export async function benchMap(cfg: BenchConfig, systems: readonly BenchSystem[]): Promise<NodeFigures> {
  progress(
    `map: ${cfg.reps} reps at chunksize ${cfg.mapSizes.map(([c, n]) => `${c} (${n} items)`).join(', ')}`,
  );
  const figures: NodeFigures = {};
  await withPools(systems, 2, async (pools) => {
    for (const [chunksize, n] of cfg.mapSizes) {
      const items = Array.from({ length: n }, (_, i) => i);
      for (let rep = 0; rep < cfg.reps; rep++) {
        for (const system of rotation(systems, rep)) {
          const pool = pools.get(system)!;
          const timing = await timedRep(cfg.minRepMs, async () => {
            const out = await pool.map('noop', items, chunksize);
            if (out.length !== n || out[n - 1] !== n - 1) {
              throw new Error(`${system.id}: map returned the wrong results`);
            }
            return n;
          });
          record(figures, system.id, `items_per_s_c${chunksize}`, timing.units / (timing.ms / 1e3));
        }
      }
    }
  });
  return figures;
}
