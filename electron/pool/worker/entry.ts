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
import { now } from '../clock';
import type { InitMessage, RunMessage, WireError, WireTask } from '../protocol';
import { toWireError } from '../wire-error';
import { captureOutput } from './capture-output';
import { connectToParent } from './channel';
import { installWorkerGlobals } from './globals';
import { Deque } from '../deque';
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
  if (!draining) void drain();
}

async function drain(): Promise<void> {
  draining = true;
  while (queue.length > 0) {
    const task = queue.shift()!;
    currentTask = task.id;
    const started = now();
    try {
      const fn = lookup(task.fn);
      if (task.items) {
        const results: unknown[] = new Array(task.items.length);
        for (let i = 0; i < task.items.length; i++) {
          const v = fn(task.items[i]);
          results[i] = isThenable(v) ? await v : v;
        }
        currentTask = null;
        const finished = now();
        outbox.done({ k: 'ok', id: task.id, started, finished, value: results, chunk: true }, task.fn);
      } else {
        const v = fn(...task.args!);
        const value = isThenable(v) ? await v : v;
        currentTask = null;
        outbox.done({ k: 'ok', id: task.id, started, finished: now(), value }, task.fn);
      }
    } catch (error) {
      const finished = now();
      currentTask = null;
      const wire = userFramesOnly(toWireError(error));
      outbox.done({ k: 'err', id: task.id, started, finished, error: wire }, task.fn);
    }
  }
  draining = false;
  if (exitRequested) exitNow();
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
