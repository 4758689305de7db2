/**
 * What one run is: the user's task module and how to drive it. The renderer
 * builds it from the editor and the run bar; the host validates it again
 * (it is the authority) and runs it exactly as the equivalent Python program
 * would. Times are in seconds here, as the app shows them.
 */
import { z } from 'zod';
import {
  CODE_TOO_LONG,
  INITARGS_TOO_LONG,
  INPUTS_TOO_LONG,
  MAX_CODE_CHARS,
  MAX_INITARGS_CHARS,
  MAX_INPUTS_CHARS,
  MAX_NAME_CHARS,
} from './limits';

export const RUN_MODES = ['submit', 'map', 'as_completed', 'serial'] as const;
/**
 * submit: `submit()` every input, then `result()` in submission order.
 * map: `map()` over the inputs, results in input order.
 * as_completed: `submit()` every input, results in completion order.
 * serial: the baseline — the same calls one after another in a single process.
 */
export type RunMode = (typeof RUN_MODES)[number];

export const LANGUAGES = ['typescript', 'python'] as const;
/** The language of the editor's code: TypeScript on this app's pool, or Python on CPython's. */
export type Language = (typeof LANGUAGES)[number];

export const CODE_KINDS = ['tasks', 'program'] as const;
/**
 * tasks: the editor holds task functions; the run bar drives them (submit, map…).
 * program: the editor holds a whole program, run as it is (`main()` in
 * TypeScript, `if __name__ == "__main__":` in Python).
 */
export type CodeKind = (typeof CODE_KINDS)[number];

export const START_METHODS = ['fork', 'spawn', 'forkserver'] as const;
/** How CPython starts worker processes (multiprocessing's start methods). */
export type StartMethod = (typeof START_METHODS)[number];

/** The most characters of an interpreter's path or command. */
export const MAX_INTERPRETER_CHARS = 1000;

/** Upper bounds that keep a run (and the machine) usable. */
export const LIMITS = {
  maxWorkers: 64,
  maxInputs: 100_000,
  maxChunksize: 100_000,
  maxTasksPerChild: 1_000_000,
  maxCodeChars: MAX_CODE_CHARS,
  maxTimeoutSec: 24 * 3600,
  /** Per-worker memory cap, in MB: the smallest a worker can start with, and the largest. */
  minMemoryMb: 128,
  maxMemoryMb: 65_536,
} as const;

/**
 * When and how the caller shuts the pool down before its work is done:
 * `executor.shutdown(wait=…, cancel_futures=…)` after the caller has received
 * `afterResults` results (null: only when the learner presses Shutdown during
 * the run). As in CPython, `cancelFutures` cancels only the tasks still
 * waiting in the queue: those already handed to a worker run on.
 */
export const shutdownSchema = z.object({
  afterResults: z
    .number()
    .int('"shut down after" must be a whole number of results')
    .min(1, '"shut down after" must be at least 1 result')
    .max(LIMITS.maxInputs)
    .nullable(),
  wait: z.boolean(),
  cancelFutures: z.boolean(),
});

export type ShutdownPlan = z.infer<typeof shutdownSchema>;

/** No early shutdown: the pool is shut down (waiting) when the driver's with-block ends. */
export const DEFAULT_SHUTDOWN: ShutdownPlan = { afterResults: null, wait: true, cancelFutures: false };

/** The per-worker memory cap a run gets unless the learner changes it (MB). */
export const DEFAULT_MEMORY_LIMIT_MB = 512;

const identifier = z
  .string()
  .max(MAX_NAME_CHARS)
  .regex(/^[A-Za-z_$][\w$]*$/, 'must be the name of an exported function (letters, digits, _ or $)');

export const runSpecSchema = z.object({
  /** The task module (tasks) or the whole program (program), in `language`. */
  code: z.string().max(MAX_CODE_CHARS, CODE_TOO_LONG),
  language: z.enum(LANGUAGES).default('typescript'),
  kind: z.enum(CODE_KINDS).default('tasks'),
  /**
   * Python: the interpreter to run (a command on PATH or a path); null or
   * absent for `python3`. Ignored for TypeScript.
   */
  python: z.string().max(MAX_INTERPRETER_CHARS).nullable().optional(),
  /** Python task mode: how the pool starts its workers; null for Python's default. */
  startMethod: z.enum(START_METHODS).nullable().default(null),
  /** Name of the exported task function. */
  fn: identifier,
  mode: z.enum(RUN_MODES),
  /** The inputs expression: JSON, a JS array literal, or range(n) (see inputs.ts). */
  inputs: z.string().max(MAX_INPUTS_CHARS, INPUTS_TOO_LONG),
  maxWorkers: z
    .number()
    .int('max workers must be a whole number')
    .min(1, 'max workers must be at least 1')
    .max(LIMITS.maxWorkers, `max workers can be at most ${LIMITS.maxWorkers} here`),
  /** map() only: items per task. */
  chunksize: z
    .number()
    .int('chunksize must be a whole number')
    .min(1, 'chunksize must be at least 1')
    .max(LIMITS.maxChunksize),
  /** Deadline for collecting results, in seconds; null for none. */
  timeoutSec: z.number().positive('timeout must be more than 0 seconds').max(LIMITS.maxTimeoutSec).nullable(),
  initializer: identifier.nullable(),
  /** The initializer's arguments, as an inputs-style expression (an array). */
  initargs: z.string().max(MAX_INITARGS_CHARS, INITARGS_TOO_LONG),
  maxTasksPerChild: z
    .number()
    .int('max tasks per child must be a whole number')
    .min(1, 'max tasks per child must be at least 1')
    .max(LIMITS.maxTasksPerChild)
    .nullable(),
  /**
   * Memory cap per worker process, in MB (null or 0: none). A worker that goes
   * over it is ended and reported as having run out of memory (see
   * electron/node/host/memory-guard.ts). Absent: the default cap.
   */
  memoryLimitMb: z
    .number()
    .int('the memory limit must be a whole number of MB')
    .max(LIMITS.maxMemoryMb, `the memory limit can be at most ${LIMITS.maxMemoryMb} MB`)
    .refine((mb) => mb === 0 || mb >= LIMITS.minMemoryMb, {
      message: `the memory limit must be at least ${LIMITS.minMemoryMb} MB (or empty for none)`,
    })
    .nullable()
    .default(DEFAULT_MEMORY_LIMIT_MB),
  /** Shutting down early (the learner's Shutdown button uses wait and cancelFutures too). Absent: none. */
  shutdown: shutdownSchema.default(DEFAULT_SHUTDOWN),
});

export type RunSpec = z.infer<typeof runSpecSchema>;

/** The run settings a new run starts from (the interpreter is the workspace's own setting). */
export const DEFAULT_RUN_SPEC: Omit<RunSpec, 'code' | 'python'> = {
  language: 'typescript',
  kind: 'tasks',
  startMethod: null,
  fn: 'task',
  mode: 'submit',
  inputs: 'range(5)',
  maxWorkers: 3,
  chunksize: 1,
  timeoutSec: null,
  initializer: null,
  initargs: '[]',
  maxTasksPerChild: null,
  memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB,
  shutdown: DEFAULT_SHUTDOWN,
};

/** The memory cap a spec asks for, in MB, or null for none. */
export function memoryLimitOf(spec: Pick<RunSpec, 'memoryLimitMb'>): number | null {
  return spec.memoryLimitMb === null || spec.memoryLimitMb === 0 ? null : spec.memoryLimitMb;
}
