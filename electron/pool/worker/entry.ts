/**
 * The worker process. Started by the executor (child_process.fork under
 * Node, utilityProcess.fork under Electron), it:
 *
 *   1. waits for `init`, imports the task module once, runs the initializer,
 *      reports `ready` (or `init-failed` with the error);
 *   2. runs the tasks of each `run` message one at a time, awaiting async
 *      ones, and reports each result or error through the outbox;
 *   3. on `exit`, sends what is left and exits 0; on losing its parent, exits.
 */
import { now } from '../common/clock';
import { Deque } from '../common/deque';
import type { DoneRecord, InitMessage, RunMessage, WireError, WireTask } from '../common/protocol';
import { toWireError } from '../common/wire-error';
import { captureOutput } from './capture-output';
import { connectToParent } from './channel';
import { installWorkerGlobals } from './globals';
import { Outbox } from './outbox';
import { startOrphanWatchdog } from './watchdog';

type TaskFn = (...args: unknown[]) => unknown;

const parent = connectToParent();
const queue = new Deque<WireTask>();
let moduleExports: Record<string, unknown> | null = null;
let moduleLabel = 'the task module';
let currentTask: number | null = null;
let draining = false;
let exitRequested = false;

const outbox = new Outbox(parent);
captureOutput(outbox, () => currentTask);
installWorkerGlobals(outbox);
process.setSourceMapsEnabled(true);

// Output written just before process.exit() inside a task must not be lost.
const realExit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  outbox.flush();
  realExit(code ?? undefined);
}) as typeof process.exit;

parent.onDisconnect(() => realExit(0));
parent.onMessage((message) => {
  switch (message.t) {
    case 'init':
      void init(message);
      break;
    case 'run':
      enqueue(message);
      break;
    case 'exit':
      exitRequested = true;
      if (!draining) exitNow();
      break;
  }
});

async function init(message: InitMessage): Promise<void> {
  moduleLabel = labelOf(message.module);
  try {
    moduleExports = (await import(message.module)) as Record<string, unknown>;
  } catch (error) {
    parent.send({ t: 'init-failed', phase: 'import', error: toWireError(error) });
    return;
  }
  if (message.initializer !== null) {
    try {
      const initializer = lookup(message.initializer);
      await initializer(...message.initargs);
    } catch (error) {
      outbox.flush();
      parent.send({ t: 'init-failed', phase: 'initializer', error: userFramesOnly(toWireError(error)) });
      return;
    }
  }
  outbox.flush();
  startOrphanWatchdog();
  parent.send({ t: 'ready', pid: process.pid, at: now() });
}

function enqueue(message: RunMessage): void {
  for (const task of message.tasks) queue.push(task);
  if (!draining) drain();
}

/**
 * Runs the queued tasks one at a time. Synchronous tasks run in a plain loop,
 * so once the last result is sent nothing more runs before this process
 * sleeps (on a busy machine the parent may be waiting for this very CPU to
 * read that result); a task that returns a promise pauses the loop until it
 * settles.
 */
function drain(): void {
  draining = true;
  while (queue.length > 0) {
    const waiting = runTask(queue.shift()!);
    if (waiting) {
      void waiting.then(drain);
      return;
    }
  }
  draining = false;
  if (exitRequested) exitNow();
}

/** Run one task and report it; a promise (never rejecting) when it has to wait for an async result. */
function runTask(task: WireTask): Promise<void> | undefined {
  currentTask = task.id;
  const started = now();
  try {
    const fn = lookup(task.fn);
    const items = task.items;
    if (items) {
      const results: unknown[] = new Array(items.length);
      for (let i = 0; i < items.length; i++) {
        const v = fn(items[i]);
        if (isThenable(v)) return finishChunk(task, fn, results, i, v, started);
        results[i] = v;
      }
      succeed(task, started, results);
    } else {
      const v = fn(...task.args!);
      if (isThenable(v)) return finishCall(task, v, started);
      succeed(task, started, v);
    }
  } catch (error) {
    fail(task, started, error);
  }
  return undefined;
}

async function finishCall(task: WireTask, pending: PromiseLike<unknown>, started: number): Promise<void> {
  try {
    succeed(task, started, await pending);
  } catch (error) {
    fail(task, started, error);
  }
}

/** The rest of a chunk, from item `i` on, whose call returned `pending`. */
async function finishChunk(
  task: WireTask,
  fn: TaskFn,
  results: unknown[],
  i: number,
  pending: PromiseLike<unknown>,
  started: number,
): Promise<void> {
  const items = task.items!;
  try {
    results[i] = await pending;
    for (let j = i + 1; j < items.length; j++) {
      const v = fn(items[j]);
      results[j] = isThenable(v) ? await v : v;
    }
    succeed(task, started, results);
  } catch (error) {
    fail(task, started, error);
  }
}

function succeed(task: WireTask, started: number, value: unknown): void {
  currentTask = null;
  const finished = now();
  const record: DoneRecord = task.items
    ? { k: 'ok', id: task.id, started, finished, value, chunk: true }
    : { k: 'ok', id: task.id, started, finished, value };
  outbox.done(record, task.fn);
}

function fail(task: WireTask, started: number, error: unknown): void {
  const finished = now();
  currentTask = null;
  const wire = userFramesOnly(toWireError(error));
  outbox.done({ k: 'err', id: task.id, started, finished, error: wire }, task.fn);
}

function lookup(name: string): TaskFn {
  const fn = moduleExports?.[name];
  if (typeof fn === 'function') return fn as TaskFn;
  const exported = Object.keys(moduleExports ?? {}).filter((k) => typeof moduleExports?.[k] === 'function');
  throw new TypeError(
    `${name ? `"${name}"` : 'This function'} is not a function exported by ${moduleLabel}. ` +
      `Task functions travel to the worker by name, as Python pickles functions by their qualified ` +
      `name: export it at the top level of the module (closures and arrow functions assigned ` +
      `inside other code cannot be sent). Exported functions: ${exported.join(', ') || 'none'}.`,
  );
}

/** The frames below the user's code are the worker's machinery: of no use to the reader. */
const workerScript = process.argv[1] ?? '';
function userFramesOnly(error: WireError): WireError {
  if (!workerScript) return error;
  const lines = error.stack.split('\n');
  const firstInternal = lines.findIndex((line, i) => i > 0 && line.includes(workerScript));
  if (firstInternal >= 1) error.stack = lines.slice(0, firstInternal).join('\n');
  return error;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function labelOf(moduleUrl: string): string {
  const base = moduleUrl.split(/[\\/]/).pop() ?? moduleUrl;
  return base || 'the task module';
}

function exitNow(): void {
  outbox.flushThen(() => realExit(0));
}
