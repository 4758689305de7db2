/** 1 · Why processes: CPU-bound work runs in parallel, and blocking waits overlap. */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

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

const WAITS_CODE = `// Each call waits two seconds, as a download or a database query
// would. A waiting process uses no CPU, so the waits can overlap
// on any number of cores.

export function fetchPage(page: number): string {
  sleep(2000); // blocks this process only
  return \`page \${page}\`;
}
`;

export const WHY_PROCESSES: readonly Example[] = [
  {
    id: 'primes',
    group: 'why',
    concept: 'CPU-bound work in parallel',
    title: 'CPU-bound: counting primes',
    summary: 'Eight equal CPU-bound tasks on 2 worker processes.',
    lookFor:
      'Two processes count primes at the same time: the bars on their two lanes overlap, and each ' +
      'process runs its share of the eight tasks one after another. "What happened" sets the wall ' +
      'time beside the tasks’ total time: their ratio is what the second process bought on this ' +
      'machine. Press Serial baseline to see all eight in one process.',
    language: 'typescript',
    code: PRIMES_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'countPrimes',
      mode: 'submit',
      inputs: '[2_000_000] * 8',
      maxWorkers: 2,
    },
  },
  {
    id: 'waits',
    group: 'why',
    concept: 'Blocking waits overlap',
    title: 'Waiting overlaps: six 2-second waits',
    summary: 'Six tasks that each wait 2 s, on 6 worker processes.',
    lookFor:
      'Six processes wait at the same time: all six bars overlap, so the run takes a little over ' +
      '2 s plus the time to start the processes — not the 12 s the waits add up to. Waiting needs ' +
      'no CPU, so this holds with more processes than cores.',
    language: 'typescript',
    code: WAITS_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'fetchPage', mode: 'submit', inputs: 'range(6)', maxWorkers: 6 },
  },
];
