/**
 * PlaygroundApi over the browser host's WebSocket (see shared/rpc.ts). The
 * page was opened with the access token; the server set it as a cookie, so
 * the WebSocket handshake carries it. Calls made while (re)connecting wait.
 */
import { remoteApi, type PlaygroundApi } from '../../../shared/api';
import { MAX_MESSAGE_BYTES } from '../../../shared/limits';
import type { RunEventBatch } from '../../../shared/run-events';
import type { RpcRequest, ServerMessage } from '../../../shared/rpc';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export function connectWebSocketApi(url = defaultUrl()): PlaygroundApi {
  const pending = new Map<number, Pending>();
  const listeners = new Set<(batch: RunEventBatch) => void>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;

  const connect = (): void => {
    socket = new WebSocket(url);
    opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('Cannot reach the Pool Playground server.')), {
        once: true,
      });
    });
    opened.catch(() => undefined);
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if ('event' in message) {
        for (const listener of listeners) listener(message.batch);
        return;
      }
      // id null: the host could not read a request of ours (never expected); no call to settle.
      if (message.id === null) return;
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.ok) call.resolve(message.result);
      else call.reject(new Error(message.error));
    });
    socket.addEventListener('close', () => {
      for (const call of pending.values()) {
        call.reject(new Error('The connection to the Pool Playground server was lost. Is it still running?'));
      }
      pending.clear();
    });
  };
  connect();

  const call = async (method: RpcRequest['method'], params: unknown[]): Promise<unknown> => {
    const id = nextId++;
    const text = JSON.stringify({ id, method, params } satisfies RpcRequest);
    // The host closes the socket on a message over its limit (and every call
    // waiting on it fails): refuse here instead, with a message that says why.
    const problem = sizeProblem(text);
    if (problem) throw new Error(problem);
    if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) connect();
    await opened;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(text);
    });
  };

  return remoteApi(call, (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
}

/** Why `text` cannot be sent to the host, or null when it fits. */
export function sizeProblem(text: string): string | null {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count exactly only near the limit.
  if (text.length * 3 <= MAX_MESSAGE_BYTES) return null;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes <= MAX_MESSAGE_BYTES) return null;
  const mb = (n: number): string => (n / 1_000_000).toFixed(1);
  return `This is too large to send to the host (${mb(bytes)} MB; the most is ${mb(MAX_MESSAGE_BYTES)} MB).`;
}

function defaultUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/api`;
}
