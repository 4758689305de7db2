/**
 * 4 · When things go wrong: a task's exception comes back through result()
 * and the pool goes on; a process that dies breaks the whole pool.
 */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const EXCEPTION_CODE = `// A task that throws: its exception travels back to the caller,
// which sees it when it asks for that result.

export function checkedSqrt(n: number): number {
  sleep(300);
  if (n < 0) {
    throw new RangeError(\`cannot take the square root of \${n}\`);
  }
  return Math.sqrt(n);
}
`;

const CRASH_CODE = `// A task that ends its own process, as os._exit(1) would in
// Python (or a segfault, or running out of memory).

export function risky(n: number): number {
  sleep(n === 3 ? 150 : 500);
  if (n === 3) {
    process.exit(1); // the worker process dies mid-task
  }
  return n * 10;
}
`;

export const WHEN_THINGS_GO_WRONG: readonly Example[] = [
  {
    id: 'exception',
    group: 'failures',
    concept: 'An exception comes back through result()',
    title: 'A task raises: RangeError in checkedSqrt(-1)',
    summary: 'checkedSqrt() over [4, 9, -1, 16, 25, 36] on 2 workers: one input is negative.',
    lookFor:
      'checkedSqrt(-1) throws. Its RangeError comes back through result() with the worker’s ' +
      'traceback, pointing at tasks.ts line 7 (marked in the editor), and the caller’s loop stops ' +
      'there after 2 and 3, as Python’s would. The pool goes on: the same two processes still run ' +
      '16, 25 and 36 to the end — no process dies and there is no BrokenProcessPool.',
    language: 'typescript',
    code: EXCEPTION_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'checkedSqrt',
      mode: 'submit',
      inputs: '[4, 9, -1, 16, 25, 36]',
      maxWorkers: 2,
    },
  },
  {
    id: 'crash',
    group: 'failures',
    concept: 'One crash breaks the whole pool',
    title: 'A process dies: BrokenProcessPool',
    summary: 'risky() over range(6) on 2 workers: risky(3) ends its own process.',
    lookFor:
      'risky(3) ends its process (exit code 1), and a process dying breaks the whole pool: every ' +
      'task not finished by then — running in the other process or still waiting — fails with ' +
      'BrokenProcessPool, and no task starts after it. The caller prints the results finished ' +
      'before the crash, then stops at the first that was not. Compare the previous lesson, where ' +
      'an exception left the pool working.',
    language: 'typescript',
    code: CRASH_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'risky', mode: 'submit', inputs: 'range(6)', maxWorkers: 2 },
  },
];
