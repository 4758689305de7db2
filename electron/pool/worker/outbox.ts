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
import type { DoneRecord, OutRecord, WireError } from '../common/protocol';
import type { ParentChannel } from './channel';

const BURST_GAP_MS = 4;
const MAX_BATCH_RECORDS = 512;
const MAX_BATCH_CHARS = 64 * 1024;

export class Outbox {
  #records: OutRecord[] = [];
  #chars = 0;
  #lastFlush = 0;
  #scheduled = false;
  readonly #channel: ParentChannel;
  readonly #fnOf: (taskId: number) => string;

  constructor(channel: ParentChannel, fnOf: (taskId: number) => string) {
    this.#channel = channel;
    this.#fnOf = fnOf;
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

  done(record: DoneRecord): void {
    this.#records.push(record);
    this.flush();
  }

  flush(): void {
    this.#scheduled = false;
    if (this.#records.length === 0) return;
    const records = this.#records;
    this.#records = [];
    this.#chars = 0;
    this.#lastFlush = now();
    try {
      this.#channel.send({ t: 'out', records });
    } catch {
      this.#channel.send({ t: 'out', records: records.map((r) => this.#cloneable(r)) });
    }
  }

  /** Flush, then call `done` once the last message has left (before exiting). */
  flushThen(done: () => void): void {
    const records = this.#records;
    this.#records = [];
    this.#chars = 0;
    this.#channel.sendThen({ t: 'out', records: records.map((r) => this.#cloneable(r)) }, done);
  }

  /** A result that cannot be cloned becomes an error saying exactly what could not be sent. */
  #cloneable(record: OutRecord): OutRecord {
    if (record.k !== 'ok') return record;
    const part = findUnclonable(record.value);
    if (!part) return record;
    const fn = this.#fnOf(record.id);
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
