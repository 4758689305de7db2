/**
 * 6 · Limits of speedup: per-task overhead (and chunksize, which amortises
 * it), starting processes for tiny work, and Amdahl's law — the part that
 * cannot be split caps the speedup.
 */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const TINY_CODE = `// Tiny tasks: each is about a millisecond of work.

export function tinyTask(n: number): number {
  let total = 0;
  for (let i = 0; i < 100_000; i++) total += (i * n) % 7;
  return total;
}
`;

const DOUBLE_CODE = `// A call that takes a microsecond: nearly all of a task's time is
// its trip to a worker process and back.

export function double(n: number): number {
  return n * 2;
}
`;

const AMDAHL_CODE = `// Work in parts: one long part that cannot be split, and many
// short parts that can run side by side.

export function work(seconds: number): number {
  sleep(seconds * 1000);
  return seconds;
}
`;

export const LIMITS_OF_SPEEDUP: readonly Example[] = [
  {
    id: 'overhead',
    group: 'limits',
    concept: 'Overhead caps speedup',
    title: 'Overhead: 16 tiny tasks on 8 processes',
    summary: 'Sixteen tasks of about a millisecond each on up to 8 worker processes.',
    lookFor:
      'Each task is about a millisecond of work; starting a process takes far longer. So the lanes ' +
      'are mostly start-up, a process that is ready late finds little or no work left, and the wall ' +
      'time is many times the tasks’ total time (see "What happened"). More processes only pay when ' +
      'each task is much longer than what it costs to start a process and send it work.',
    language: 'typescript',
    code: TINY_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'tinyTask', mode: 'submit', inputs: 'range(16)', maxWorkers: 8 },
  },
  {
    id: 'chunksize-1',
    group: 'limits',
    concept: 'Chunksize amortises per-task overhead',
    title: 'map() of 5,000 tiny calls, chunksize 1',
    summary: 'map() double() over range(5000) on 2 workers, one call per task.',
    lookFor:
      'Five thousand calls of a microsecond each, sent one per task: every task is a trip to a worker ' +
      'and back, far longer than the call itself — the bars are slivers, and the tasks take many times ' +
      'their own run time to get through. The next lesson sends the same calls in chunks of 500.',
    language: 'typescript',
    code: DOUBLE_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'double',
      mode: 'map',
      inputs: 'range(5000)',
      maxWorkers: 2,
      chunksize: 1,
    },
  },
  {
    id: 'chunksize-500',
    group: 'limits',
    concept: 'Chunksize amortises per-task overhead',
    title: 'map() of 5,000 tiny calls, chunksize 500',
    summary: 'The same map() with chunksize=500: 10 tasks of 500 calls each.',
    lookFor:
      'The same 5,000 calls in 10 tasks of 500 (chunksize=500): ten trips instead of 5,000, so the ' +
      'tasks are through in a fraction of the time they took one by one, and the whole run is ' +
      'faster — what remains is mostly starting the processes and the caller printing 5,000 results, ' +
      'still in input order. Run the previous lesson too and compare the two in the History.',
    language: 'typescript',
    code: DOUBLE_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'double',
      mode: 'map',
      inputs: 'range(5000)',
      maxWorkers: 2,
      chunksize: 500,
    },
  },
  {
    id: 'amdahl',
    group: 'limits',
    concept: "Amdahl's law caps speedup",
    title: "Amdahl's law: one part cannot be split",
    summary: 'One 1.6 s task and eight 0.2 s tasks, results as they complete, on 4 workers.',
    lookFor:
      'Half of the 3.2 s of work is one 1.6 s task that cannot be split. The eight 0.2 s tasks are ' +
      'done before it, and the run cannot end sooner: its wall time is at least 1.6 s, a ' +
      'speedup of at most 2 however many workers — Amdahl’s law with a serial fraction of ½. Try 8 ' +
      'workers: the long task still sets the wall time.',
    language: 'typescript',
    code: AMDAHL_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'work',
      mode: 'as_completed',
      inputs: '[1.6, ...[0.2] * 8]',
      maxWorkers: 4,
    },
  },
];
