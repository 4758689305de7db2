/**
 * The executor's options, checked at once (R1 eager-validation): each bad
 * value throws with CPython's wording where it has one, and nothing starts.
 */
import { availableParallelism } from 'node:os';
import { serialize } from 'node:v8';
import { describeValue, explainUnclonable } from '../common/clone-check';
import type { PoolEventListener } from './events';
import { ForkLauncher } from './fork-launcher';
import type { WorkerLauncher } from './launcher';
import { locateTaskModule } from './task-module';
import { anonymousFunctionMessage, taskName, type TaskRef } from './task-ref';

export interface ProcessPoolExecutorOptions {
  /** The ES module (path or file: URL) whose exports are the task functions. */
  taskModule: string | URL;
  /** Most worker processes at once; default `os.availableParallelism()`. */
  maxWorkers?: number;
  /** Run once in each worker before its first task. */
  initializer?: TaskRef | null;
  initargs?: unknown[];
  /** A worker exits after this many tasks and is replaced when work remains. */
  maxTasksPerChild?: number | null;
  /** How workers are started; default child_process.fork. */
  launcher?: WorkerLauncher;
  /** Node flags for every worker, e.g. `['--max-old-space-size=64']`. */
  workerExecArgv?: string[];
  /** Receives every lifecycle event (the same as `subscribe()`). */
  onEvent?: PoolEventListener;
}

/** The options as the executor uses them: checked, with defaults filled in. */
export interface PoolSettings {
  taskModulePath: string;
  maxWorkers: number;
  maxTasksPerChild: number | null;
  /** The initializer's name (it travels by name), or null. */
  initializer: string | null;
  initargs: unknown[];
  launcher: WorkerLauncher;
  execArgv: string[];
}

export function checkOptions(options: ProcessPoolExecutorOptions): PoolSettings {
  if (options === null || typeof options !== 'object') {
    throw new TypeError('ProcessPoolExecutor needs an options object with a taskModule');
  }
  const { initargs = [] } = options;
  const maxWorkers = wholeNumber(options.maxWorkers, {
    name: 'max_workers',
    rule: 'greater than 0 and a whole number',
    tooSmall: 'max_workers must be greater than 0',
    min: 1,
  });
  const maxTasksPerChild = wholeNumber(options.maxTasksPerChild, {
    name: 'max_tasks_per_child',
    rule: 'a whole number >= 1',
    tooSmall: 'max_tasks_per_child must be >= 1',
    min: 1,
  });
  const initializer = initializerName(options.initializer);
  if (!Array.isArray(initargs)) throw new TypeError('initargs must be an array');
  try {
    serialize(initargs);
  } catch {
    const why = initargs.map((a, i) => explainUnclonable(`initargs[${i}]`, a)).find(Boolean);
    throw new TypeError(`initargs cannot be sent to the workers: ${why ?? 'not cloneable'}`);
  }
  return {
    taskModulePath: locateTaskModule(options.taskModule),
    maxWorkers: maxWorkers ?? availableParallelism(),
    maxTasksPerChild,
    initializer,
    initargs,
    launcher: options.launcher ?? new ForkLauncher(),
    execArgv: [...(options.workerExecArgv ?? [])],
  };
}

/** A whole number of at least `min`, or null when absent. */
function wholeNumber(
  value: unknown,
  rule: { name: string; rule: string; tooSmall: string; min: number },
): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${rule.name} must be ${rule.rule}, got ${describeArg(value)}`);
  }
  if (value < rule.min) throw new RangeError(rule.tooSmall);
  return value;
}

function initializerName(initializer: TaskRef | null | undefined): string | null {
  if (initializer === undefined || initializer === null) return null;
  const name = taskName(initializer, 'initializer');
  if (name === '') throw new TypeError(`initializer: ${anonymousFunctionMessage()}`);
  return name;
}

function describeArg(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string'
    ? JSON.stringify(value)
    : describeValue(value);
}
