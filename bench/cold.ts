/**
 * Cold start, max_workers=2: (a) a fresh executor, submit a no-op, await its
 * result (the first rep also pays the one-time esbuild bundle of the pool's
 * worker entry, since the pool runs from its TypeScript sources here);
 * the same again with workers whose env lacks NODE_EXTRA_CA_CERTS;
 * (b) the first result from a worker that is already started and idle.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { ForkLauncher, ProcessPoolExecutor } from '../electron/pool';
import { type BenchConfig, type FigureSet, progress, TASK_MODULE } from './config';
import { median, round } from './stats';

async function coldOnce(launcher?: ForkLauncher): Promise<{ ms: number; shutdownMs: number }> {
  const t0 = performance.now();
  const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: 2, launcher });
  await ex.submit('noop', 1).result();
  const t1 = performance.now();
  await ex.shutdown({ wait: true });
  return { ms: t1 - t0, shutdownMs: performance.now() - t1 };
}

async function warmOnce(): Promise<number> {
  const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: 2 });
  try {
    await ex.submit('noop', 0).result();
    await delay(20); // the worker is idle now
    const t0 = performance.now();
    await ex.submit('noop', 1).result();
    return performance.now() - t0;
  } finally {
    await ex.shutdown({ wait: true });
  }
}

function summary(prefix: string, times: number[]): FigureSet {
  return {
    [`${prefix}ms_first`]: round(times[0]!),
    [`${prefix}ms_median`]: round(median(times)),
    [`${prefix}ms_min`]: round(Math.min(...times)),
    [`${prefix}ms_all`]: times.map((t) => round(t, 2)),
  };
}

export async function benchCold(cfg: BenchConfig): Promise<FigureSet> {
  progress(`cold: ${cfg.coldReps} fresh executors`);
  const cold: number[] = [];
  const shut: number[] = [];
  for (let k = 0; k < cfg.coldReps; k++) {
    const { ms, shutdownMs } = await coldOnce();
    cold.push(ms);
    shut.push(shutdownMs);
  }
  const rec: FigureSet = {
    reps: cfg.coldReps,
    ...summary('', cold),
    shutdown_ms_median: round(median(shut)),
  };

  const { NODE_EXTRA_CA_CERTS, ...cleanEnv } = process.env;
  rec.node_extra_ca_certs = NODE_EXTRA_CA_CERTS ?? '(not set)';
  if (NODE_EXTRA_CA_CERTS !== undefined) {
    progress(`cold: ${cfg.coldReps} fresh executors, workers' env without NODE_EXTRA_CA_CERTS`);
    const launcher = new ForkLauncher({ env: cleanEnv });
    const noCa: number[] = [];
    for (let k = 0; k < cfg.coldReps; k++) noCa.push((await coldOnce(launcher)).ms);
    Object.assign(rec, summary('noca_', noCa));
  }

  progress(`cold: ${cfg.coldReps} first results from an idle, started worker`);
  const warmLat: number[] = [];
  for (let k = 0; k < cfg.coldReps; k++) warmLat.push(await warmOnce());
  Object.assign(rec, {
    warm_ms_first: round(warmLat[0]!),
    warm_ms_median: round(median(warmLat)),
    warm_ms_all: warmLat.map((t) => round(t, 3)),
  });
  return rec;
}
