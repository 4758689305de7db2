/**
 * Cold start, 2 workers at most: (a) a fresh pool, one no-op, its result
 * (ours' first rep also pays the one-time esbuild bundle of the pool's worker
 * entry, since the pool runs from its TypeScript sources here); the same
 * again with workers whose env lacks NODE_EXTRA_CA_CERTS, when it is set;
 * (b) the first result from a worker that is already started and idle.
 * A repetition is one start (a start cannot be made longer); the systems
 * take turns within each repetition.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { type BenchConfig, progress } from './config';
import { type NodeFigures, record, recordOnce } from './measure';
import { type BenchSystem, rotation } from './systems';

async function coldOnce(
  system: BenchSystem,
  env?: NodeJS.ProcessEnv,
): Promise<{ ms: number; shutdownMs: number }> {
  const t0 = performance.now();
  const pool = system.open(2, env);
  await pool.call('noop', 1);
  const t1 = performance.now();
  await pool.close();
  return { ms: t1 - t0, shutdownMs: performance.now() - t1 };
}

async function idleWorkerOnce(system: BenchSystem): Promise<number> {
  const pool = system.open(2);
  try {
    await pool.call('noop', 0);
    await delay(20); // the worker is idle now
    const t0 = performance.now();
    await pool.call('noop', 1);
    return performance.now() - t0;
  } finally {
    await pool.close();
  }
}

export async function benchCold(cfg: BenchConfig, systems: readonly BenchSystem[]): Promise<NodeFigures> {
  const { NODE_EXTRA_CA_CERTS, ...cleanEnv } = process.env;
  progress(
    `cold: ${cfg.coldReps} fresh pools${NODE_EXTRA_CA_CERTS === undefined ? '' : ', again without NODE_EXTRA_CA_CERTS'}` +
      ', and first results from idle workers',
  );
  const figures: NodeFigures = {};
  for (let rep = 0; rep < cfg.coldReps; rep++) {
    for (const system of rotation(systems, rep)) {
      const { ms, shutdownMs } = await coldOnce(system);
      record(figures, system.id, 'ms', ms);
      record(figures, system.id, 'shutdown_ms', shutdownMs);
      if (NODE_EXTRA_CA_CERTS !== undefined)
        record(figures, system.id, 'noca_ms', (await coldOnce(system, cleanEnv)).ms);
      record(figures, system.id, 'warm_ms', await idleWorkerOnce(system));
    }
  }
  for (const system of systems) {
    const set = figures[system.id]!;
    recordOnce(figures, system.id, 'ms_first', (set.ms as number[])[0]!);
    recordOnce(figures, system.id, 'node_extra_ca_certs', NODE_EXTRA_CA_CERTS ?? '(not set)');
  }
  return figures;
}
