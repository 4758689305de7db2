/**
 * The worker's line to its parent. Under Electron the worker is a
 * utilityProcess and talks through `process.parentPort`; under Node it was
 * started with child_process.fork and talks through `process.send`, a JSON
 * channel plus a pipe for large cloned messages (../common/fork-channel.ts).
 * Both carry values by structured clone, so the rest of the worker does not
 * care which.
 */
import type { Serializable } from 'node:child_process';
import { Socket } from 'node:net';
import { BULK_FD_ENV, ForkChannel } from '../common/fork-channel';
import type { ParentMessage, WorkerMessage } from '../common/protocol';

export interface ParentChannel {
  /** Throws synchronously when the message cannot be cloned. */
  send(message: WorkerMessage): void;
  /** Send, then call `done` once the message has left this process. */
  sendThen(message: WorkerMessage, done: () => void): void;
  onMessage(handler: (message: ParentMessage) => void): void;
  /** Called when the parent goes away (its end of the channel closed). */
  onDisconnect(handler: () => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
}

export function connectToParent(): ParentChannel {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (port) {
    return {
      send: (message) => port.postMessage(message),
      sendThen(message, done) {
        port.postMessage(message);
        // Mojo hands the message to another thread; give it a moment before exiting.
        setTimeout(done, 20);
      },
      onMessage: (handler) => port.on('message', (event) => handler(event.data as ParentMessage)),
      onDisconnect: (handler) => port.on('close', handler),
    };
  }
  const send = process.send?.bind(process);
  if (!send) {
    throw new Error('This is a pool worker: it must be started by ProcessPoolExecutor, not run directly.');
  }
  // Started by ForkLauncher: a JSON IPC channel plus a pipe for large cloned messages.
  const bulkFd = process.env[BULK_FD_ENV];
  delete process.env[BULK_FD_ENV]; // the pool's business, not the tasks'
  let bulk: Socket | null = null;
  if (bulkFd !== undefined) {
    bulk = new Socket({ fd: Number(bulkFd), readable: true, writable: true });
    bulk.unref(); // the IPC channel decides how long this process lives
  }
  let deliver: (message: ParentMessage) => void = () => undefined;
  const channel = new ForkChannel<ParentMessage, WorkerMessage>(
    (raw, done) => void send(raw as Serializable, undefined, {}, done && (() => done())),
    bulk,
    (message) => deliver(message),
  );
  return {
    send: (message) => channel.send(message),
    sendThen: (message, done) => channel.sendThen(message, done),
    onMessage(handler) {
      deliver = handler;
      process.on('message', (raw) => channel.receive(raw));
    },
    onDisconnect: (handler) => process.on('disconnect', handler),
  };
}
