/**
 * Dispatch overhead: no-op tasks on 2 warmed workers, (a) one submit + result
 * at a time, (b) submit all, then await all. Microseconds per task, one
 * figure per repetition; the systems take turns within each repetition.
 */
import { type BenchConfig, progress } from './config';
import { type NodeFigures, record, timedRep, withPools } from './measure';
import { type BenchSystem, rotation } from './systems';

export async function benchDispatch(cfg: BenchConfig, systems: readonly BenchSystem[]): Promise<NodeFigures> {
  progress(
    `dispatch: ${cfg.reps} reps of ${cfg.dispatchSeqN} no-ops one at a time and ${cfg.dispatchAllN} ` +
      `all at once (${systems.map((s) => s.id).join(', ')})`,
  );
  const seqArgs = Array.from({ length: cfg.dispatchSeqN }, (_, i) => i);
  const allArgs = Array.from({ length: cfg.dispatchAllN }, (_, i) => i);
  const figures: NodeFigures = {};
  await withPools(systems, 2, async (pools) => {
    for (let rep = 0; rep < cfg.reps; rep++) {
      for (const system of rotation(systems, rep)) {
        const pool = pools.get(system)!;
        const seq = await timedRep(cfg.minRepMs, async () => {
          for (const arg of seqArgs) await pool.call('noop', arg);
          return seqArgs.length;
        });
        record(figures, system.id, 'seq_us_per_task', (seq.ms / seq.units) * 1e3);
        const all = await timedRep(cfg.minRepMs, async () => {
          const out = await pool.callAll('noop', allArgs);
          if (out.length !== allArgs.length || out.at(-1) !== allArgs.at(-1)) {
            throw new Error(`${system.id}: submit-all returned the wrong results`);
          }
          return allArgs.length;
        });
        record(figures, system.id, 'us_per_task', (all.ms / all.units) * 1e3);
      }
    }
  });
  return figures;
}
