/**
 * The messages exchanged between the executor (parent) and a worker process.
 * Both sides import this file, so it holds types and tiny pure helpers only.
 *
 * Parent → worker: one `init`, then `run` batches, then `exit`.
 * Worker → parent: `ready` (or `init-failed`), then `out` batches holding task
 * results and console output in the order they happened.
 */

/** An error flattened for the wire: what the parent needs to rebuild it. */
export interface WireError {
  name: string;
  message: string;
  /** The worker-side stack text (source-mapped to the user's file). */
  stack: string;
  /** Own enumerable properties other than name/message/stack (already cloneable). */
  props: Record<string, unknown>;
  /** Properties that could not be cloned: key → why. */
  unclonable?: Record<string, string>;
  /** Set when the task itself succeeded but its result could not be sent back. */
  kind?: 'result-not-cloneable';
}

export interface InitMessage {
  t: 'init';
  /** file: URL of the task module. */
  module: string;
  initializer: string | null;
  initargs: unknown[];
}

/** One unit of work: a single call (`items` absent) or a map chunk. */
export interface WireTask {
  id: number;
  fn: string;
  /** Arguments of a single call. */
  args?: unknown[];
  /** A chunk: one argument per item; the result is the array of results. */
  items?: unknown[];
}

export interface RunMessage {
  t: 'run';
  tasks: WireTask[];
}

export interface ExitMessage {
  t: 'exit';
}

export type ParentMessage = InitMessage | RunMessage | ExitMessage;

export interface ReadyMessage {
  t: 'ready';
  pid: number;
  at: number;
}

export interface InitFailedMessage {
  t: 'init-failed';
  phase: 'import' | 'initializer';
  error: WireError;
}

/**
 * A finished task: started/finished are worker-side stamps. A map chunk's
 * `value` is the array of its results, flagged `chunk` (see wire-codec.ts).
 */
export type DoneRecord =
  | { k: 'ok'; id: number; started: number; finished: number; value: unknown; chunk?: true }
  | { k: 'err'; id: number; started: number; finished: number; error: WireError };

/** Console output written while `task` was running (null between tasks). */
export interface LogRecord {
  k: 'log';
  task: number | null;
  stream: 'stdout' | 'stderr';
  text: string;
  at: number;
}

export type OutRecord = DoneRecord | LogRecord;

export interface OutMessage {
  t: 'out';
  records: OutRecord[];
}

export type WorkerMessage = ReadyMessage | InitFailedMessage | OutMessage;
