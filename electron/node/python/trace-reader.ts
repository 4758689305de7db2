/**
 * The host end of the tracer's transport (tracer/…/transport.py): every
 * Python process of the run writes JSON lines into its own memory-mapped
 * files in a private trace directory,
 *
 *     <pid>.<generation>.<segment>.jsonl   (zero-filled; written front to back)
 *
 * and this reader polls them every few milliseconds: new bytes up to the first
 * NUL, whole lines only, each validated (zod) and stamped with its PID. A
 * process is finished when the process table says it is gone: its files are
 * then read to the end (a process killed by SIGKILL still left every line it
 * wrote) and it is reported closed.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { helloSchema, wireEventSchema, type TracerEvent, type TracerHello } from './tracer-events';

/** How often the files are read: live for a timeline drawn at 60 frames a second. */
export const READ_INTERVAL_MS = 10;
/** Most polls find a few lines: read this much at a time (more only for longer lines). */
const READ_BYTES = 64 * 1024;
/** A segment's size at most (transport.py's SEGMENT_BYTES is 256 KiB): no line is longer. */
const MAX_READ_BYTES = 1 << 20;
const FILE_NAME = /^(\d+)\.(\d+)\.(\d+)\.jsonl$/;
const NUL = 0;
const NEWLINE = 10;

export interface TraceReaderHandlers {
  onHello(hello: TracerHello): void;
  onEvent(event: TracerEvent): void;
  onClose(pid: number): void;
  /** A line that is not a valid event (reported, then dropped). */
  onProblem(message: string): void;
}

interface Stream {
  pid: number;
  generation: number;
  segment: number;
  fd: number | null;
  offset: number;
  greeted: boolean;
  closed: boolean;
}

export class TraceReader {
  readonly #dir: string;
  readonly #handlers: TraceReaderHandlers;
  readonly #streams = new Map<string, Stream>();
  #buffer = Buffer.allocUnsafe(READ_BYTES);
  #timer: ReturnType<typeof setInterval> | null;
  #idleWaiters: (() => void)[] = [];

  constructor(dir: string, handlers: TraceReaderHandlers, intervalMs = READ_INTERVAL_MS) {
    this.#dir = dir;
    this.#handlers = handlers;
    this.#timer = setInterval(() => this.poll(), intervalMs);
  }

  /** Has this PID written anything (said hello)? */
  hasConnected(pid: number): boolean {
    for (const stream of this.#streams.values()) if (stream.pid === pid && stream.greeted) return true;
    return false;
  }

  get openConnections(): number {
    let open = 0;
    for (const stream of this.#streams.values()) if (!stream.closed) open++;
    return open;
  }

  /** Resolves true once every process that wrote has gone (and been read), false after `timeoutMs`. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    this.poll();
    if (this.openConnections === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Read everything there is now (also called by the timer). */
  poll(): void {
    this.#discover();
    for (const stream of this.#streams.values()) if (!stream.closed) this.#drain(stream);
    for (const stream of this.#streams.values()) {
      if (stream.closed || processAlive(stream.pid)) continue;
      this.#discover();
      this.#drain(stream); // its last lines, then it is done
      this.#close(stream);
    }
    if (this.openConnections === 0 && this.#idleWaiters.length) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** A final read, then stop. */
  close(): void {
    this.poll();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    for (const stream of this.#streams.values()) if (stream.fd !== null) closeSync(stream.fd);
  }

  #discover(): void {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) {
      const match = FILE_NAME.exec(name);
      if (!match) continue;
      const key = `${match[1]}.${match[2]}`;
      if (this.#streams.has(key) || match[3] !== '0') continue;
      // A newer generation means the PID was reused: the older process is gone.
      for (const older of this.#streams.values())
        if (older.pid === Number(match[1]) && !older.closed) {
          this.#drain(older);
          this.#close(older);
        }
      this.#streams.set(key, {
        pid: Number(match[1]),
        generation: Number(match[2]),
        segment: 0,
        fd: null,
        offset: 0,
        greeted: false,
        closed: false,
      });
    }
  }

  #path(stream: Stream, segment = stream.segment): string {
    return join(this.#dir, `${stream.pid}.${stream.generation}.${segment}.jsonl`);
  }

  #drain(stream: Stream): void {
    for (;;) {
      stream.fd ??= openQuietly(this.#path(stream));
      if (stream.fd === null || !this.#readNew(stream)) return;
      // All it shows is read. If the writer has moved on to the next segment,
      // this one is complete: read it once more (its last line may have landed
      // after the read above), then follow.
      const next = openQuietly(this.#path(stream, stream.segment + 1));
      if (next === null) return;
      this.#readNew(stream);
      closeSync(stream.fd);
      try {
        unlinkSync(this.#path(stream));
      } catch {
        // already gone
      }
      stream.fd = next;
      stream.segment++;
      stream.offset = 0;
    }
  }

  /** Take the whole lines written since the last read; true when nothing is half-written. */
  #readNew(stream: Stream): boolean {
    for (;;) {
      const size = this.#buffer.length;
      const read = readSync(stream.fd!, this.#buffer, 0, size, stream.offset);
      const data = this.#buffer.subarray(0, read);
      const nul = data.indexOf(NUL);
      const visible = nul < 0 ? read : nul;
      const end = visible === 0 ? 0 : data.lastIndexOf(NEWLINE, visible - 1) + 1;
      if (end > 0) {
        this.#lines(stream, data.toString('latin1', 0, end));
        stream.offset += end;
      }
      if (nul >= 0 || read < size) return end === visible; // reached what is written so far
      // A full buffer without a NUL: more is written. A line longer than the buffer needs a bigger one.
      if (end === 0) {
        if (size >= MAX_READ_BYTES) return false;
        this.#buffer = Buffer.allocUnsafe(size * 2);
      }
    }
  }

  #lines(stream: Stream, text: string): void {
    for (const line of text.split('\n')) {
      if (!line) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        this.#handlers.onProblem(`an unreadable line from PID ${stream.pid}: ${line.slice(0, 120)}`);
        continue;
      }
      if (!stream.greeted) {
        const hello = helloSchema.safeParse(json);
        if (!hello.success) {
          this.#handlers.onProblem(`PID ${stream.pid} began without saying hello`);
          continue;
        }
        stream.greeted = true;
        this.#handlers.onHello(hello.data);
        continue;
      }
      const event = wireEventSchema.safeParse(json);
      if (!event.success) {
        const type = (json as { type?: unknown } | null)?.type;
        const issue = event.error.issues[0];
        this.#handlers.onProblem(
          `an event of PID ${stream.pid} did not match the tracer's events (${String(type)}: ${issue?.path.join('.')} ${issue?.message ?? ''})`,
        );
        continue;
      }
      // zod made a fresh object: stamp it rather than copy it.
      (event.data as Partial<TracerEvent>).pid = stream.pid;
      this.#handlers.onEvent(event.data as TracerEvent);
    }
  }

  #close(stream: Stream): void {
    stream.closed = true;
    if (stream.fd !== null) closeSync(stream.fd);
    stream.fd = null;
    if (stream.greeted) this.#handlers.onClose(stream.pid);
  }
}

function openQuietly(path: string): number | null {
  try {
    return openSync(path, 'r');
  } catch {
    return null;
  }
}

/** Alive and not a zombie: a zombie has written its last line. */
export function processAlive(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
