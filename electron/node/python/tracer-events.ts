/**
 * What the Python tracer (tracer/pool_playground_tracer) writes, one JSON line
 * per event, validated here at the boundary. Each process writes its own
 * files (trace-reader.ts), which add its `pid` to each event.
 *
 * Times (`at`, `started`) are epoch milliseconds from `time.time_ns()`: the
 * same clock as Node's `performance.timeOrigin + performance.now()`. Ids
 * (`executor`, `task`, `map`) are strings "<pid>.<n>" made by the process
 * that created the thing, unique across the run's processes. `tid`/`thread`
 * name the thread that acted (a ThreadPoolExecutor worker, the main thread).
 *
 * How each maps to the TypeScript pool's events (electron/pool/events.ts):
 *
 * | tracer event                     | pool event / run record                                         |
 * | -------------------------------- | --------------------------------------------------------------- |
 * | executor-created                 | (the run's settings: kind, max workers, start method, ...)      |
 * | task-submitted                   | task-submitted (`args`; a map chunk's `items`)                   |
 * | task-started (worker pid, tid)   | task-dispatched + task-started (worker = lane of pid / thread)   |
 * | task-finished (in the worker)    | task-finished's worker side: `started`, `finished`, value/error |
 * | task-settled (in the caller)     | task-finished's `at` and status; `cancelled`, or an error with  |
 * |                                  | no task-finished (broken pool, unpicklable argument)             |
 * | task-rejected                    | (submit raised: no task)                                         |
 * | task-delivered                   | run record task-delivered (`via` says which API handed it over) |
 * | process-started                  | worker-spawned                                                   |
 * | worker-started / worker-ready    | worker-ready (started: interpreter up; ready: initializer done)  |
 * | worker-init-failed               | worker-exited reason 'init-failed'                               |
 * | process-exited / worker-exited   | worker-exited (code or signal; reason from context: recycled    |
 * |                                  | after maxTasksPerChild, shutdown, crash)                         |
 * | pool-broken                      | pool-broken (+ which PIDs had died)                              |
 * | output                           | console (raw: false); the runner adds raw pipe output            |
 * | executor-shutdown(-returned),    | (no pool event: the caller's side of the story)                  |
 * | map-called, uncaught-exception,  |                                                                  |
 * | hello, tracer-warning            |                                                                  |
 */
import { z } from 'zod';

const id = z.string();
const at = z.number();
const thread = { tid: z.number().int().nullable(), thread: z.string().nullable() };

export const errorInfoSchema = z.object({
  /** Qualified class name, e.g. `ZeroDivisionError`, `concurrent.futures.process.BrokenProcessPool`. */
  type: z.string(),
  message: z.string(),
  /** Formatted traceback, the tracer's frames left out, paths in the run folder shown relative. */
  traceback: z.string().nullable(),
  /** The deepest line in the user's own file. */
  line: z.number().int().nullable(),
});
export type PythonErrorInfo = z.infer<typeof errorInfoSchema>;

const exitFacts = {
  child: z.number().int(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
};

export const helloSchema = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  pid: z.number().int(),
  ppid: z.number().int(),
  python: z.string(),
  gil: z.boolean(),
  argv: z.array(z.string()),
  at,
});
export type TracerHello = z.infer<typeof helloSchema>;

export const wireEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('executor-created'),
    executor: id,
    kind: z.enum(['process', 'thread']),
    maxWorkers: z.number().int().nullable(),
    startMethod: z.string().nullable(),
    maxTasksPerChild: z.number().int().nullable(),
    initializer: z.string().nullable(),
    initargs: z.array(z.string()),
    ...thread,
    at,
  }),
  z.object({
    type: z.literal('executor-shutdown'),
    executor: id,
    wait: z.boolean(),
    cancelFutures: z.boolean(),
    at,
  }),
  z.object({ type: z.literal('executor-shutdown-returned'), executor: id, at }),
  z.object({
    type: z.literal('map-called'),
    map: id,
    executor: id,
    fn: z.string(),
    chunksize: z.number().int().nullable().optional(),
    timeout: z.number().nullable().optional(),
    buffersize: z.number().int().nullable().optional(),
    at,
  }),
  z.object({
    type: z.literal('task-submitted'),
    task: id,
    executor: id,
    /** The map() call this task belongs to. */
    map: id.nullable(),
    fn: z.string(),
    /** Previews (repr) of the positional arguments. */
    args: z.array(z.string()),
    kwargs: z.record(z.string(), z.string()).optional(),
    /** A ProcessPoolExecutor.map chunk: one preview per item. */
    items: z.array(z.string()).optional(),
    ...thread,
    at,
  }),
  z.object({ type: z.literal('task-rejected'), task: id, executor: id, error: errorInfoSchema, at }),
  z.object({ type: z.literal('task-started'), task: id, ...thread, at }),
  z.object({
    type: z.literal('task-finished'),
    task: id,
    status: z.enum(['ok', 'error']),
    started: z.number(),
    result: z.string().optional(),
    error: errorInfoSchema.optional(),
    ...thread,
    at,
  }),
  z.object({
    type: z.literal('task-settled'),
    task: id,
    executor: id,
    status: z.enum(['ok', 'error', 'cancelled']),
    error: errorInfoSchema.optional(),
    at,
  }),
  z.object({
    type: z.literal('task-delivered'),
    task: id,
    executor: id,
    via: z.enum(['result', 'exception', 'as_completed', 'map', 'wait', 'callback']),
    at,
  }),
  z.object({
    type: z.literal('process-started'),
    child: z.number().int(),
    name: z.string(),
    executor: id.nullable(),
    startMethod: z.string().nullable(),
    ...thread,
    at,
  }),
  z.object({ type: z.literal('process-exited'), ...exitFacts, executor: id.nullable(), at }),
  /** A worker's first step (its interpreter is up; under spawn, the program re-imported). */
  z.object({
    type: z.literal('worker-started'),
    executor: id,
    kind: z.enum(['process', 'thread']),
    ...thread,
    at,
  }),
  /** Its initializer (if any) returned: it takes tasks from now on. */
  z.object({
    type: z.literal('worker-ready'),
    executor: id,
    kind: z.enum(['process', 'thread']),
    ...thread,
    at,
  }),
  z.object({
    type: z.literal('worker-init-failed'),
    executor: id,
    kind: z.enum(['process', 'thread']),
    error: errorInfoSchema,
    ...thread,
    at,
  }),
  z.object({
    type: z.literal('worker-exited'),
    executor: id,
    kind: z.literal('thread'),
    ...thread,
    at,
  }),
  z.object({
    type: z.literal('pool-broken'),
    executor: id,
    message: z.string(),
    /** The pool's workers found dead when it broke. */
    dead: z.array(z.object(exitFacts)),
    at,
  }),
  z.object({
    type: z.literal('output'),
    stream: z.enum(['stdout', 'stderr']),
    text: z.string(),
    /** The task running in the writing thread, if any. */
    task: id.nullable(),
    ...thread,
    at,
  }),
  z.object({ type: z.literal('uncaught-exception'), error: errorInfoSchema, at }),
  z.object({ type: z.literal('tracer-warning'), message: z.string(), at }),
]);

type WireEvent = z.infer<typeof wireEventSchema>;
type WithPid<T> = T extends unknown ? T & { pid: number } : never;

/** One event from the tracer, stamped with the PID of the process that sent it. */
export type TracerEvent = WithPid<WireEvent>;
export type TracerEventType = TracerEvent['type'];
