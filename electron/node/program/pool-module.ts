/**
 * What `import { ProcessPoolExecutor, … } from './pool'` gives a whole
 * TypeScript program. The program is bundled with this module in place of
 * the import (compile-program.ts); the module reads the pool the driver
 * process set up for it (program-api.ts) from a global.
 *
 * Workers import the same bundle (they look the task functions up among its
 * exports) but never call `main()`, and have no driver: there the pool's
 * names exist, so the module loads, but making a pool says where pools live.
 */
export const PROGRAM_API_KEY = 'pool-playground.program-api';

/** The names the program can import, besides the constants. */
export const POOL_MODULE_EXPORTS = [
  'ProcessPoolExecutor',
  'Future',
  'asCompleted',
  'wait',
  'PoolError',
  'CancelledError',
  'TimeoutError',
  'InvalidStateError',
  'BrokenExecutor',
  'BrokenProcessPool',
  'RemoteTraceback',
  'DataCloneError',
] as const;

/** The module's source, as esbuild bundles it into the program. */
export const POOL_MODULE_SOURCE = `
const api = globalThis[Symbol.for(${JSON.stringify(PROGRAM_API_KEY)})] ?? inAWorker();

function inAWorker() {
  const refuse = (what) => () => {
    throw new Error(
      what + ' is for main(), which runs in the driver process: a worker process runs tasks, not pools of its own.',
    );
  };
  class PoolError extends Error {}
  return {
    ProcessPoolExecutor: class ProcessPoolExecutor {
      constructor() {
        refuse('new ProcessPoolExecutor()')();
      }
    },
    Future: class Future {},
    asCompleted: refuse('asCompleted()'),
    wait: refuse('wait()'),
    PoolError,
    CancelledError: class CancelledError extends PoolError {},
    TimeoutError: class TimeoutError extends PoolError {},
    InvalidStateError: class InvalidStateError extends PoolError {},
    BrokenExecutor: class BrokenExecutor extends PoolError {},
    BrokenProcessPool: class BrokenProcessPool extends PoolError {},
    RemoteTraceback: class RemoteTraceback extends Error {},
    DataCloneError: class DataCloneError extends PoolError {},
  };
}

${POOL_MODULE_EXPORTS.map((name) => `export const ${name} = api.${name};`).join('\n')}
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
export const ALL_COMPLETED = 'ALL_COMPLETED';
`;
