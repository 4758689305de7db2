/** Our ProcessPoolExecutor as a benchmarked system, through its public API only. */
import { createRequire } from 'node:module';
import { asCompleted, ForkLauncher, ProcessPoolExecutor } from '../electron/pool';
import { TASK_MODULE } from './config';
import type { BenchSystem, PoolUnderTest } from './systems';
import { epochMs } from './tasks.mjs';

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export const OURS: BenchSystem = {
  id: 'ours',
  version,
  serialization:
    'structured clone, as child_process "advanced" (Map, Set, Date, typed arrays arrive as sent); ' +
    'messages of plain strings and numbers go as JSON text',
  config: 'ProcessPoolExecutor({ maxWorkers }), workers spawned on demand',
  open(workers, env) {
    const launcher = env ? new ForkLauncher({ env }) : undefined;
    const ex = new ProcessPoolExecutor({ taskModule: TASK_MODULE, maxWorkers: workers, launcher });
    const pool: PoolUnderTest = {
      call: (fn, arg) => ex.submit(fn, arg).result(),
      async callAll(fn, args) {
        const futures = args.map((arg) => ex.submit(fn, arg));
        const out: unknown[] = [];
        for (const future of futures) out.push(await future.result());
        return out;
      },
      async map(fn, items, chunksize) {
        const out: unknown[] = [];
        for await (const value of ex.map(fn, items, { chunksize })) out.push(value);
        return out;
      },
      async completionDelays(sleeps) {
        const futures = sleeps.map((ms) => ex.submit<number>('sleepStamp', ms));
        const delays: number[] = [];
        for await (const future of asCompleted(futures)) {
          const caller = epochMs();
          delays.push(caller - (await future.result()));
        }
        return delays;
      },
      close: () => ex.shutdown({ wait: true }),
    };
    return pool;
  },
};
