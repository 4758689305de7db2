/**
 * One end of the line between the pool and a worker it started with
 * child_process.fork (both ends use this class: ../parent/fork-launcher.ts
 * in the parent, ../worker/channel.ts in the worker).
 *
 * Messages go over the IPC channel in JSON mode (see wire-codec.ts: plain
 * messages as they are, anything else structured-cloned). A cloned message
 * larger than a few KB would be slow as base64 inside JSON, so its bytes go
 * down a plain pipe instead (the child's fd 4), and a marker takes its place
 * on the IPC channel: the receiver delivers messages in the order the
 * markers and plain messages arrived, waiting for a marker's bytes when they
 * are not all there yet.
 */
import type { Duplex } from 'node:stream';
import {
  cloneFromBytes,
  cloneToBytes,
  decodeMessage,
  inlineClone,
  travelsAsJson,
  type WireMessage,
} from './wire-codec';

/** The env variable naming the bulk pipe's fd in the worker (read and removed before user code runs). */
export const BULK_FD_ENV = 'POOL_PLAYGROUND_BULK_FD';
/** The worker's fd of the bulk pipe (stdio index in fork()). */
export const BULK_FD = 4;
/** Cloned messages up to this many bytes travel inline, as base64. */
const INLINE_MAX_BYTES = 4096;

/** Stands in, on the IPC channel, for a message whose bytes went down the bulk pipe. */
interface BulkMarker {
  t: 'v8-bulk';
}

/** Sends on the IPC channel; `done` once the message has been handed to the OS. */
export type IpcSend = (raw: unknown, done?: () => void) => void;

export class ForkChannel<In extends WireMessage, Out extends WireMessage> {
  readonly #ipcSend: IpcSend;
  readonly #bulk: Duplex | null;
  readonly #deliver: (message: In) => void;
  /** Raw IPC messages waiting for an earlier marker's bytes. */
  readonly #waiting: unknown[] = [];
  readonly #frames = new FrameReader();

  constructor(ipcSend: IpcSend, bulk: Duplex | null, deliver: (message: In) => void) {
    this.#ipcSend = ipcSend;
    this.#bulk = bulk;
    this.#deliver = deliver;
    if (bulk) {
      bulk.on('data', (chunk: Buffer) => {
        this.#frames.push(chunk);
        this.#drain();
      });
      // The other end going away is noticed through the IPC channel and the process exit.
      bulk.on('error', () => undefined);
    }
  }

  /** Throws synchronously (DataCloneError) when the message cannot be cloned. */
  send(message: Out): void {
    this.#send(message);
  }

  /** Send, then call `done` once the message (bytes included) has left this process. */
  sendThen(message: Out, done: () => void): void {
    this.#send(message, done);
  }

  /** A message the IPC channel delivered. */
  receive(raw: unknown): void {
    if (this.#waiting.length === 0 && !isBulkMarker(raw)) {
      this.#deliver(decodeMessage<In>(raw));
      return;
    }
    this.#waiting.push(raw);
    this.#drain();
  }

  #send(message: Out, done?: () => void): void {
    if (travelsAsJson(message)) {
      this.#ipcSend(message, done);
      return;
    }
    const bytes = cloneToBytes(message);
    if (this.#bulk === null || bytes.length <= INLINE_MAX_BYTES) {
      this.#ipcSend(inlineClone(bytes), done);
      return;
    }
    const header = Buffer.allocUnsafe(4);
    header.writeUInt32LE(bytes.length, 0);
    this.#bulk.write(header);
    const marker: BulkMarker = { t: 'v8-bulk' };
    if (!done) {
      this.#bulk.write(bytes);
      this.#ipcSend(marker);
      return;
    }
    let left = 2;
    const oneDone = (): void => {
      if (--left === 0) done();
    };
    this.#bulk.write(bytes, oneDone);
    this.#ipcSend(marker, oneDone);
  }

  #drain(): void {
    while (this.#waiting.length > 0) {
      const raw = this.#waiting[0];
      let message: In;
      if (isBulkMarker(raw)) {
        const bytes = this.#frames.take();
        if (bytes === null) return;
        message = cloneFromBytes(bytes) as In;
      } else {
        message = decodeMessage<In>(raw);
      }
      this.#waiting.shift();
      this.#deliver(message);
    }
  }
}

function isBulkMarker(raw: unknown): raw is BulkMarker {
  return (raw as { t?: unknown }).t === 'v8-bulk';
}

/** Length-prefixed frames (uint32 LE) out of a byte stream. */
class FrameReader {
  #chunks: Buffer[] = [];
  #bytes = 0;

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
  }

  /** The next whole frame, or null until all of it has arrived. */
  take(): Buffer | null {
    if (this.#bytes < 4) return null;
    const head = this.#chunks[0]!.length >= 4 ? this.#chunks[0]! : this.#flatten();
    const size = head.readUInt32LE(0);
    if (this.#bytes < 4 + size) return null;
    const all = this.#chunks.length === 1 ? this.#chunks[0]! : this.#flatten();
    const frame = all.subarray(4, 4 + size);
    const rest = all.subarray(4 + size);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#bytes = rest.length;
    return frame;
  }

  #flatten(): Buffer {
    const all = Buffer.concat(this.#chunks, this.#bytes);
    this.#chunks = [all];
    return all;
  }
}
