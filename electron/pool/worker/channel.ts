/**
 * The worker's line to its parent. Under Electron the worker is a
 * utilityProcess and talks through `process.parentPort`; under Node it was
 * started with child_process.fork and talks through `process.send`. Both
 * use structured clone, so the rest of the worker does not care which.
 */
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
  return {
    send: (message) => void send(message),
    sendThen: (message, done) => void send(message, undefined, {}, () => done()),
    onMessage: (handler) => process.on('message', (message) => handler(message as ParentMessage)),
    onDisconnect: (handler) => process.on('disconnect', handler),
  };
}
