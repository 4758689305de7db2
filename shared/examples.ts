/**
 * The examples gallery: the three examples the product was created from
 * (Python's ProcessPoolExecutor with submit, map and as_completed), in
 * TypeScript, and a CPU-bound one where processes beat a single thread.
 * Each says what to look for in the timeline.
 */
import { DEFAULT_RUN_SPEC, type RunSpec } from './run-spec';

export interface Example {
  id: string;
  title: string;
  /** One line for the gallery card. */
  summary: string;
  /** What to look for, shown beside the run. */
  lookFor: string;
  code: string;
  spec: Omit<RunSpec, 'code'>;
}

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

const PRIMES_CODE = `// CPU-bound work: every task keeps one core busy. A single
// thread does them one after another; a pool runs one per core.

export function countPrimes(limit: number): number {
  let count = 0;
  for (let i = 2; i < limit; i++) {
    let isPrime = true;
    for (let j = 2; j * j <= i; j++) {
      if (i % j === 0) {
        isPrime = false;
        break;
      }
    }
    if (isPrime) count++;
  }
  console.log(\`\${count} primes below \${limit} (process \${process.pid})\`);
  return count;
}
`;

export const EXAMPLES: readonly Example[] = [
  {
    id: 'submit',
    title: 'submit(): 5 tasks on 3 processes',
    summary: 'submit() five 2-second tasks to a pool of 3 workers, then collect result() in order.',
    lookFor:
      'Three processes start and take tasks 0, 1 and 2; tasks 3 and 4 wait in the queue and run ' +
      'in the first processes to free up. The whole run takes about 4 s, not 10 s.',
    code: SUBMIT_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'task', mode: 'submit', inputs: 'range(5)', maxWorkers: 3 },
  },
  {
    id: 'map',
    title: 'map(): results in input order',
    summary: 'map() square() over [5, 2, 3, 4, 1] with 3 workers.',
    lookFor:
      'The 2 s and 3 s tasks finish early, but map() hands results back in input order: nothing ' +
      'reaches the caller until the 5 s task is done, then 25, 4, 9, 16, 1 arrive at once.',
    code: MAP_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'square', mode: 'map', inputs: '[5, 2, 3, 4, 1]', maxWorkers: 3 },
  },
  {
    id: 'as_completed',
    title: 'as_completed(): results as they finish',
    summary: 'submit() cube() for [6, 3, 2, 4, 5], then take results with as_completed().',
    lookFor:
      'Results reach the caller in completion order: 8 (2 s) and 27 (3 s) first; 216 and 64 ' +
      'finish together at 6 s; 125 comes last, at 8 s.',
    code: AS_COMPLETED_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'cube', mode: 'as_completed', inputs: '[6, 3, 2, 4, 5]', maxWorkers: 3 },
  },
  {
    id: 'primes',
    title: 'CPU-bound: counting primes',
    summary: 'Eight equal CPU-bound tasks: compare 1 worker, 2 workers and the serial baseline.',
    lookFor:
      'With one worker the tasks run back to back; with as many workers as cores they overlap and ' +
      'the wall time drops by about the number of cores. More workers than cores do not help.',
    code: PRIMES_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'countPrimes',
      mode: 'submit',
      inputs: '[2_000_000] * 8',
      maxWorkers: 2,
    },
  },
];

export function findExample(id: string | null | undefined): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
