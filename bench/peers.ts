/**
 * The peer pools, run on the same task module (tasks.mjs) and the same
 * workloads as ours: workerpool (workerType 'process') and tinypool (runtime
 * 'child_process'). Both fork Node children and, by default, send messages
 * as JSON (child_process's default serialization); we keep their defaults,
 * which is what their users get. Neither has a map(), so items are batched by
 * hand into mapChunk() calls; chunksize 1 is one call per item.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import workerpool from 'workerpool';
import { TASK_MODULE } from './config';
import { type BenchSystem, chunked, type PoolUnderTest } from './systems';
import { epochMs } from './tasks.mjs';

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;
const WORKERPOOL_SCRIPT = fileURLToPath(new URL('./workerpool-worker.mjs', import.meta.url));
const JSON_SERIALIZATION = "json (child_process's default: no Map, Set, Date or typed arrays)";

/** The PoolUnderTest of a peer, given how it runs one named call. */
function peerPool(run: (fn: string, arg: unknown) => PromiseLike<unknown>, close: () => Promise<void>) {
  const pool: PoolUnderTest = {
    call: (fn, arg) => Promise.resolve(run(fn, arg)),
    callAll: (fn, args) => Promise.all(args.map((arg) => run(fn, arg))),
    async map(fn, items, chunksize) {
      if (chunksize === 1) return Promise.all(items.map((item) => run(fn, item)));
      if (fn !== 'noop') throw new Error(`the peers batch only noop (mapChunk), not ${fn}`);
      const chunks = await Promise.all(chunked(items, chunksize).map((chunk) => run('mapChunk', chunk)));
      return (chunks as unknown[][]).flat();
    },
    async completionDelays(sleeps) {
      const delays: number[] = [];
      // The equivalent of as_completed: one continuation per task, run as each one finishes.
      await Promise.all(
        sleeps.map((ms) =>
          run('sleepStamp', ms).then((stamp) => {
            delays.push(epochMs() - (stamp as number));
          }),
        ),
      );
      return delays;
    },
    close,
  };
  return pool;
}

export const WORKERPOOL: BenchSystem = {
  id: 'workerpool',
  version: versionOf('workerpool'),
  serialization: JSON_SERIALIZATION,
  config: "workerType 'process', minWorkers = maxWorkers",
  open(workers, env) {
    const pool = workerpool.pool(WORKERPOOL_SCRIPT, {
      workerType: 'process',
      minWorkers: workers,
      maxWorkers: workers,
      forkOpts: { env: env ?? process.env },
    });
    return peerPool(
      (fn, arg) => pool.exec(fn, [arg]),
      async () => {
        await pool.terminate();
      },
    );
  },
};

export const TINYPOOL: BenchSystem = {
  id: 'tinypool',
  version: versionOf('tinypool'),
  serialization: JSON_SERIALIZATION,
  // tinypool gives child processes an env of their own unless told: pass ours, as the others inherit it.
  config: "runtime 'child_process', minThreads = maxThreads, env = the parent's",
  open(workers, env) {
    const pool = new Tinypool({
      runtime: 'child_process',
      filename: TASK_MODULE,
      minThreads: workers,
      maxThreads: workers,
      env: (env ?? process.env) as Record<string, string>,
    });
    return peerPool(
      (fn, arg) => pool.run(arg, { name: fn }),
      () => pool.destroy(),
    );
  },
};

export const PEERS: readonly BenchSystem[] = [WORKERPOOL, TINYPOOL];
