/**
 * 2 · Getting results back: the seed's three examples (submit then result()
 * in submission order, map() in input order, as_completed() in completion
 * order), kept exactly as the seed has them, and what can travel back at all.
 */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const SUBMIT_CODE = `// Each call runs in a worker process of the pool.
// sleep(ms) holds the whole process, like Python's time.sleep.

export function task(n: number): string {
  console.log(\`Task \${n} starting in process \${process.pid}\`);
  sleep(2000);
  return \`Task \${n} done.\`;
}
`;

const MAP_CODE = `// map() runs square() on every input in parallel and
// hands the results back in input order.

export function square(n: number): number {
  sleep(n * 1000);
  return n * n;
}
`;

const AS_COMPLETED_CODE = `// as_completed() hands back each result as soon as its task
// finishes, whatever order the tasks were submitted in.

export function cube(n: number): number {
  sleep(n * 1000); // simulate different runtimes
  return n ** 3;
}
`;

const CLONEABLE_CODE = `// Arguments and results travel between processes as copies
// (structured clone, the analogue of Python's pickle). Plain data
// copies fine: numbers, strings, arrays, objects, Dates, Maps.
// A function cannot be copied.

export function makeRecord(n: number) {
  sleep(300);
  const record = { n, powers: [n * n, n ** 3], made: new Date(0) };
  if (n === 2) {
    // A function inside the result: it cannot travel back.
    return { ...record, describe: () => \`record \${n}\` };
  }
  return record;
}
`;

export const GETTING_RESULTS: readonly Example[] = [
  {
    id: 'submit',
    group: 'results',
    concept: 'submit(): results in submission order',
    title: 'submit(): 5 tasks on 3 processes',
    summary: 'submit() five 2-second tasks to a pool of 3 workers, then collect result() in order.',
    lookFor:
      'Three processes start and take tasks 0, 1 and 2; tasks 3 and 4 wait in the queue and run in ' +
      'the first two processes to free up, at about 2 s. result() is called in submission order, so ' +
      '"Task 0 done." to "Task 4 done." print in that order. The whole run takes about 4 s, not 10 s.',
    language: 'typescript',
    code: SUBMIT_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'task', mode: 'submit', inputs: 'range(5)', maxWorkers: 3 },
  },
  {
    id: 'map',
    group: 'results',
    concept: 'map(): results in input order',
    title: 'map(): results in input order',
    summary: 'map() square() over [5, 2, 3, 4, 1] with 3 workers.',
    lookFor:
      'The 2 s and 3 s tasks finish first, but map() hands results back in input order: nothing ' +
      'reaches the caller until square(5) is done at about 5 s. Then 25, 4 and 9 arrive together. ' +
      'square(4) started at 2 s in the first process to free up, so 16 and 1 arrive at about 6 s.',
    language: 'typescript',
    code: MAP_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'square', mode: 'map', inputs: '[5, 2, 3, 4, 1]', maxWorkers: 3 },
  },
  {
    id: 'as_completed',
    group: 'results',
    concept: 'as_completed(): results in completion order',
    title: 'as_completed(): results as they finish',
    summary: 'submit() cube() for [6, 3, 2, 4, 5], then take results with as_completed().',
    lookFor:
      'Results reach the caller in completion order: 8 (2 s) and 27 (3 s) first; 216 and 64 ' +
      'finish close together at about 6 s (cube(4) starts when cube(2) is done); 125 comes last, ' +
      'at about 8 s.',
    language: 'typescript',
    code: AS_COMPLETED_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'cube', mode: 'as_completed', inputs: '[6, 3, 2, 4, 5]', maxWorkers: 3 },
  },
  {
    id: 'cloneable',
    group: 'results',
    concept: 'Only cloneable values cross',
    title: 'What can travel: a result holding a function',
    summary: 'makeRecord() for [1, 2, 3]: one result holds a function, which cannot be copied back.',
    lookFor:
      'makeRecord(1) comes back as a copy, its Date included. makeRecord(2) returns an object holding ' +
      'a function, which cannot be cloned to travel back: that future alone fails with ' +
      'DataCloneError, which names the function’s place in the result, and the caller’s loop stops ' +
      'there, as Python’s does at a pickling error. The pool is not broken: makeRecord(3) still runs ' +
      'and finishes in the same processes.',
    language: 'typescript',
    code: CLONEABLE_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'makeRecord', mode: 'submit', inputs: '[1, 2, 3]', maxWorkers: 2 },
  },
];
