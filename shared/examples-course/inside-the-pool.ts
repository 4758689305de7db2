/**
 * 3 · Inside the pool: processes start on demand and starting costs time,
 * they are reused, they share no memory, an initializer prepares each one,
 * and max tasks per child replaces them.
 */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const STARTUP_CODE = `// Nothing starts until there is work: the pool launches a process
// only when a task is waiting and no process is free, up to max workers.

export function greet(n: number): string {
  sleep(500);
  return \`hello \${n} from process \${process.pid}\`;
}
`;

const WHO_RUNS_CODE = `// Which process runs each task? A pool keeps its processes and
// hands each one task after task.

export function whoRuns(n: number): string {
  sleep(500);
  return \`task \${n} ran in process \${process.pid}\`;
}
`;

const COUNTER_CODE = `// A module global. Every worker process imports this module on
// its own, so each has its own copy of \`calls\`.
let calls = 0;

export function countCall(n: number): string {
  calls += 1; // changes this process's copy only
  sleep(500);
  return \`process \${process.pid} has counted \${calls} call\${calls === 1 ? '' : 's'}\`;
}
`;

const INITIALIZER_CODE = `// The initializer runs once in each new worker process, before its
// first task: the place to open a connection or load a model.
let greeting = '(not set)';

export function setUp(word: string): void {
  greeting = word;
  console.log(\`initializer ran in process \${process.pid}\`);
}

export function greet(n: number): string {
  sleep(300);
  return \`\${greeting} \${n} from process \${process.pid}\`;
}
`;

export const INSIDE_THE_POOL: readonly Example[] = [
  {
    id: 'startup',
    group: 'inside',
    concept: 'Workers start on demand; starting costs time',
    title: 'Start-up: 2 tasks, max workers 4',
    summary: 'Two tasks on a pool of up to 4 workers: how many processes start, and when can they work?',
    lookFor:
      'Max workers is 4, but there are only 2 tasks, so only 2 processes start. Each lane begins with ' +
      'its start-up — launching a process and importing tasks.ts — and its task starts only after ' +
      'that; "What happened" says how long starting took on this machine.',
    language: 'typescript',
    code: STARTUP_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'greet', mode: 'submit', inputs: 'range(2)', maxWorkers: 4 },
  },
  {
    id: 'reuse',
    group: 'inside',
    concept: 'Workers are reused',
    title: 'Reuse: 6 tasks, 2 processes',
    summary: 'Six half-second tasks on 2 workers, each saying which process ran it.',
    lookFor:
      'Only two processes start, and each runs task after task: the six results name just two ' +
      'PIDs, each several times. The start-up is paid once per process, not once per task.',
    language: 'typescript',
    code: WHO_RUNS_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'whoRuns', mode: 'submit', inputs: 'range(6)', maxWorkers: 2 },
  },
  {
    id: 'no-shared-memory',
    group: 'inside',
    concept: 'Workers share no memory',
    title: 'No shared memory: a global counter',
    summary: 'Six tasks on 2 workers each add 1 to a module global and report it.',
    lookFor:
      'Each process counts its own calls: the results count 1, 2, 3… separately for each PID, not ' +
      '1 to 6 across them. No process sees another’s increments, and the caller’s copy of the module ' +
      'is never touched: processes share no memory, only the arguments and results sent between them.',
    language: 'typescript',
    code: COUNTER_CODE,
    spec: { ...DEFAULT_RUN_SPEC, fn: 'countCall', mode: 'submit', inputs: 'range(6)', maxWorkers: 2 },
  },
  {
    id: 'initializer',
    group: 'inside',
    concept: 'An initializer runs once per worker',
    title: "Initializer: setUp('hello') in each process",
    summary: "Six tasks on 2 workers, each worker prepared once by setUp('hello').",
    lookFor:
      'setUp runs once in each of the 2 processes, before its first task: the terminal shows two ' +
      '"initializer ran" lines, not six, and every result says hello — each process keeps what its ' +
      'initializer set for all the tasks it runs.',
    language: 'typescript',
    code: INITIALIZER_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'greet',
      mode: 'submit',
      inputs: 'range(6)',
      maxWorkers: 2,
      initializer: 'setUp',
      initargs: "['hello']",
    },
  },
  {
    id: 'recycle',
    group: 'inside',
    concept: 'Max tasks per child recycles workers',
    title: 'Recycling: max tasks per child = 2',
    summary: 'The reuse lesson again, with each process replaced after 2 tasks.',
    lookFor:
      'A process exits after its second task (its lane ends, marked recycled) and a new process ' +
      'with a new PID takes its place: no PID runs more than 2 tasks, so more than 2 PIDs appear. ' +
      'Each new process pays the start-up again.',
    language: 'typescript',
    code: WHO_RUNS_CODE,
    spec: {
      ...DEFAULT_RUN_SPEC,
      fn: 'whoRuns',
      mode: 'submit',
      inputs: 'range(6)',
      maxWorkers: 2,
      maxTasksPerChild: 2,
    },
  },
];
