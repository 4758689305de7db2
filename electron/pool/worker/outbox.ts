/**
 * Everything the worker reports while running tasks — console output and
 * finished tasks — goes through one outbox, so the parent sees it in the
 * order it happened (a task's output always arrives before its result).
 *
 * A result is sent at once (as_completed must see it immediately). Console
 * output is sent at once too unless it comes in a burst: then it is batched
 * (flushed every few milliseconds or every few hundred lines), so a task
 * printing a million lines costs thousands of messages, not a million.
 */
import { findUnclonable } from '../common/clone-check';
import { now } from '../common/clock';
import type { DoneRecord, OutRecord, WireError, WorkerMessage } from '../common/protocol';
import type { ParentChannel } from './channel';

const BURST_GAP_MS = 4;
const MAX_BATCH_RECORDS = 512;
const MAX_BATCH_CHARS = 64 * 1024;

export class Outbox {
  #records: OutRecord[] = [];
  /** The function name of each done record in #records, in order (for error messages only). */
  #doneFns: string[] = [];
  #chars = 0;
  #lastFlush = 0;
  #scheduled = false;
  readonly #channel: ParentChannel;

  constructor(channel: ParentChannel) {
    this.#channel = channel;
  }

  log(taskId: number | null, stream: 'stdout' | 'stderr', text: string): void {
    const at = now();
    this.#records.push({ k: 'log', task: taskId, stream, text, at });
    this.#chars += text.length;
    if (
      this.#chars >= MAX_BATCH_CHARS ||
      this.#records.length >= MAX_BATCH_RECORDS ||
      at - this.#lastFlush >= BURST_GAP_MS
    ) {
      this.flush();
    } else if (!this.#scheduled) {
      this.#scheduled = true;
      setTimeout(() => this.flush(), BURST_GAP_MS);
    }
  }

  /** `fn`: the task's function name, for the message if its result cannot be sent. */
  done(record: DoneRecord, fn: string): void {
    this.#records.push(record);
    this.#doneFns.push(fn);
    this.flush();
  }

  flush(): void {
    this.#scheduled = false;
    if (this.#records.length === 0) return;
    const records = this.#records;
    const fns = this.#doneFns;
    this.#records = [];
    this.#doneFns = [];
    this.#chars = 0;
    this.#lastFlush = now();
    try {
      this.#channel.send({ t: 'out', records });
    } catch {
      this.#channel.send({ t: 'out', records: this.#cloneable(records, fns) });
    }
  }

  /** Flush, then call `done` once the last message has left (before exiting). */
  flushThen(done: () => void): void {
    const records = this.#records;
    const fns = this.#doneFns;
    this.#records = [];
    this.#doneFns = [];
    this.#chars = 0;
    let message: WorkerMessage = { t: 'out', records };
    try {
      this.#channel.sendThen(message, done);
      return;
    } catch {
      message = { t: 'out', records: this.#cloneable(records, fns) };
    }
    this.#channel.sendThen(message, done);
  }

  /** The records, each result that cannot be cloned replaced by an error saying what could not be sent. */
  #cloneable(records: OutRecord[], fns: string[]): OutRecord[] {
    let done = 0;
    return records.map((record) =>
      record.k === 'log' ? record : this.#cloneableResult(record, fns[done++]!),
    );
  }

  #cloneableResult(record: DoneRecord, fn: string): OutRecord {
    if (record.k !== 'ok') return record;
    const part = findUnclonable(record.value);
    if (!part) return record;
    const where = part.path ? `its result ${part.path}` : 'its result';
    const message =
      `${fn}() returned, but ${where} is ${part.what}, which cannot be cloned and sent back to the ` +
      `caller. Results travel between processes by structured clone, as Python pickles them: return ` +
      `plain data (numbers, strings, arrays, plain objects, Map, Set, Date, typed arrays).`;
    const error: WireError = {
      name: 'DataCloneError',
      message,
      stack: `DataCloneError: ${message}\n    at sending the result of ${fn}() (worker ${process.pid})`,
      props: {},
    };
    return { k: 'err', id: record.id, started: record.started, finished: record.finished, error };
  }
}
