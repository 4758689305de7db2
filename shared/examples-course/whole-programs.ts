/**
 * 7 · Whole programs: the seed's three Python programs exactly as printed,
 * their TypeScript twins (the exported functions are the tasks; `main()` is
 * Python's `if __name__ == "__main__":` block, run in a driver process of its
 * own), threads against processes on CPU-bound work, and wait(FIRST_COMPLETED)
 * with cancel(). A whole program sets up its own pools: of the run settings
 * only the memory cap applies.
 */
import {
  CPU_ON_PROCESSES_PY,
  CPU_ON_THREADS_PY,
  FIRST_COMPLETED_PY,
  FIRST_COMPLETED_TS,
  SEED_AS_COMPLETED_PY,
  SEED_AS_COMPLETED_TS,
  SEED_MAP_PY,
  SEED_MAP_TS,
  SEED_SUBMIT_PY,
  SEED_SUBMIT_TS,
} from '../program-examples';
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const PYTHON_PROGRAM = { ...DEFAULT_RUN_SPEC, language: 'python', kind: 'program' } as const;
const TYPESCRIPT_PROGRAM = { ...DEFAULT_RUN_SPEC, language: 'typescript', kind: 'program' } as const;

/** What `main()` is, said once on every TypeScript program's card. */
const MAIN_IS_NAME_MAIN =
  'main() is Python’s if __name__ == "__main__": block — only the driver process calls it; the ' +
  'worker processes import the file for its task functions and never do.';

export const WHOLE_PROGRAMS: readonly Example[] = [
  {
    id: 'program-submit-py',
    group: 'programs',
    concept: 'The submit program, in Python',
    title: 'submit(), the Python program as printed',
    summary: 'The seed’s first program, verbatim, on your CPython.',
    lookFor:
      'This is the tutorial’s program, unchanged, run by CPython. Each worker prints its PID: the ' +
      'timeline has one lane per PID it printed. Tasks 0, 1 and 2 start together on the three ' +
      'processes; 3 and 4 wait in the queue until two of them finish. The results print in ' +
      'submission order, Task 0 done. to Task 4 done.',
    language: 'python',
    code: SEED_SUBMIT_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-map-py',
    group: 'programs',
    concept: 'The map program, in Python',
    title: 'map(), the Python program as printed',
    summary: 'The seed’s second program, verbatim: [25, 4, 9, 16, 1].',
    lookFor:
      'squere(5), squere(2) and squere(3) start at once on the three processes; squere(4) takes ' +
      'the process squere(2) frees, and squere(1) the one squere(3) frees. The list prints once, at ' +
      'the end, in input order: [25, 4, 9, 16, 1] — map() hands results back in the order of its ' +
      'inputs, whoever finished first.',
    language: 'python',
    code: SEED_MAP_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-as-completed-py',
    group: 'programs',
    concept: 'The as_completed program, in Python',
    title: 'as_completed(), the Python program as printed',
    summary: 'The seed’s third program, verbatim: results as they finish.',
    lookFor:
      'cube(6), cube(3) and cube(2) start at once; cube(4) and cube(5) wait for a free process. ' +
      'as_completed() yields each future as it finishes, so the results print in finishing order: ' +
      '8 and 27 first, then 216 and 64, then 125 — not in the order they were submitted.',
    language: 'python',
    code: SEED_AS_COMPLETED_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-submit-ts',
    group: 'programs',
    concept: 'The submit program, in TypeScript',
    title: 'submit(), the TypeScript twin',
    summary: 'The same program on this app’s pool: main() is the __main__ block.',
    lookFor: `The Python submit program, line for line, on this app's pool. ${MAIN_IS_NAME_MAIN} As in Python, tasks 0 to 2 start together, 3 and 4 wait for a free process, and the results print in submission order.`,
    language: 'typescript',
    code: SEED_SUBMIT_TS,
    spec: TYPESCRIPT_PROGRAM,
  },
  {
    id: 'program-map-ts',
    group: 'programs',
    concept: 'The map program, in TypeScript',
    title: 'map(), the TypeScript twin',
    summary: 'The map program on this app’s pool: [ 25, 4, 9, 16, 1 ].',
    lookFor: `The Python map program on this app's pool. ${MAIN_IS_NAME_MAIN} The results come back in input order and print once, at the end: [ 25, 4, 9, 16, 1 ].`,
    language: 'typescript',
    code: SEED_MAP_TS,
    spec: TYPESCRIPT_PROGRAM,
  },
  {
    id: 'program-as-completed-ts',
    group: 'programs',
    concept: 'The as_completed program, in TypeScript',
    title: 'asCompleted(), the TypeScript twin',
    summary: 'The as_completed program on this app’s pool.',
    lookFor: `The Python as_completed program on this app's pool. ${MAIN_IS_NAME_MAIN} The results print in finishing order: 8 and 27 first, then 216 and 64, then 125.`,
    language: 'typescript',
    code: SEED_AS_COMPLETED_TS,
    spec: TYPESCRIPT_PROGRAM,
  },
  {
    id: 'program-threads-py',
    group: 'programs',
    concept: 'CPU-bound work on threads',
    title: 'Threads: CPU-bound work under the GIL',
    summary: 'Four CPU-bound tasks on a ThreadPoolExecutor of 2 threads.',
    lookFor:
      'Both lanes carry the same PID: a ThreadPoolExecutor’s workers are threads of one process. ' +
      'The first printed line says whether this CPython has a GIL. With one, only one thread runs ' +
      'Python code at a time, so the two threads share one core’s worth of work however many ' +
      'cores the machine has. Compare the wall time it prints with the processes version, next.',
    language: 'python',
    code: CPU_ON_THREADS_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-processes-py',
    group: 'programs',
    concept: 'CPU-bound work on processes',
    title: 'Processes: the same work, a GIL each',
    summary: 'The same four tasks on a ProcessPoolExecutor of 2 processes.',
    lookFor:
      'The same program with ProcessPoolExecutor instead: two lanes with two PIDs, each process with ' +
      'its own interpreter and its own GIL. On a machine with two free cores each task takes about ' +
      'as long as it would alone, so the whole takes about half the threads’ wall time. Tick both ' +
      'runs in the History to compare them on one axis.',
    language: 'python',
    code: CPU_ON_PROCESSES_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-first-completed-py',
    group: 'programs',
    concept: 'wait(FIRST_COMPLETED) and cancel()',
    title: 'wait(FIRST_COMPLETED), then cancel the rest',
    summary: 'Eight searches on 2 processes; the first answer wins.',
    lookFor:
      'wait(return_when=FIRST_COMPLETED) returns as soon as one search finishes — shard 1, the ' +
      'fast one. The program then cancels the rest: cancel() takes back a task still waiting in ' +
      'the queue (it prints "cancelled" and never runs), but not one already handed to a ' +
      'worker process: that one prints "runs on" and finishes anyway.',
    language: 'python',
    code: FIRST_COMPLETED_PY,
    spec: PYTHON_PROGRAM,
  },
  {
    id: 'program-first-completed-ts',
    group: 'programs',
    concept: 'wait(FIRST_COMPLETED) in TypeScript',
    title: 'wait(FIRST_COMPLETED), the TypeScript twin',
    summary: 'The same searches with wait() and cancel() on this app’s pool.',
    lookFor: `The same program on this app's pool. ${MAIN_IS_NAME_MAIN} wait() with FIRST_COMPLETED returns when shard 1 finishes; cancel() takes back the searches still waiting ("cancelled") but not those already handed to a worker ("runs on").`,
    language: 'typescript',
    code: FIRST_COMPLETED_TS,
    spec: TYPESCRIPT_PROGRAM,
  },
];
