/**
 * Clients for the host's tests, over real sockets: raw HTTP (to send exactly
 * the bytes a careless or hostile client would), the WebSocket API message by
 * message, and a TestClient that speaks the protocol as the page does and
 * records every run event it is sent.
 */
import { connect as connectTcp } from 'node:net';
import WebSocket from 'ws';
import type { RunEvent } from '../../../shared/run-events';
import type { ServerMessage } from '../../../shared/rpc';
import { waitFor } from './wait-for';

/** Where the host listens and what its page would present. */
export interface HostAddress {
  port: number;
  token: string;
}

export function ownOrigin(host: HostAddress): string {
  return `http://127.0.0.1:${host.port}`;
}

export function apiUrl(host: HostAddress): string {
  return `ws://127.0.0.1:${host.port}/api?token=${host.token}`;
}

/**
 * Sends `request` as it is over a new TCP connection and resolves with what
 * came back until the server closed (or `waitMs` of silence after the first
 * bytes). Resolves '' if the server closed without answering.
 */
export function rawRequest(port: number, request: string | Buffer, waitMs = 1000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let received = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const finish = (): void => {
      if (timer) clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (timer) clearTimeout(timer);
      timer = setTimeout(finish, waitMs);
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer is still an answer.
      if (error.code === 'ECONNRESET') finish();
      else reject(error);
    });
    socket.write(request);
  });
}

/** The status code of a raw HTTP answer, or null when there was none. */
export function statusOf(response: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(response);
  return match ? Number(match[1]) : null;
}

/** A GET with the given headers (Host first, when given), as raw bytes. */
export function rawGet(target: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`;
}

/** The headers of a WebSocket handshake (without Host, Origin or the token). */
export const UPGRADE_HEADERS = {
  Upgrade: 'websocket',
  Connection: 'Upgrade',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
};

/** A raw WebSocket handshake: the status the server answered with (101 when it accepted). */
export async function upgradeStatus(
  port: number,
  target: string,
  headers: Record<string, string>,
): Promise<number | null> {
  const lines = Object.entries({ ...headers, ...UPGRADE_HEADERS }).map(([k, v]) => `${k}: ${v}`);
  const response = await rawRequest(port, `GET ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`, 300);
  return statusOf(response);
}

/** Opens the API socket; rejects with "HTTP <status>" when the handshake is refused. */
export function openApi(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      // A server that drops a misbehaving client may reset the socket under a send.
      ws.on('error', () => undefined);
      resolve(ws);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

/** Every message the socket receives from now on, parsed, in order. */
export function collect(ws: WebSocket): unknown[] {
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  return messages;
}

/** The next response (not a pushed event) the socket receives. */
export function nextReply(
  ws: WebSocket,
): Promise<{ id: number | null; ok: boolean; error?: string; result?: unknown }> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const message = JSON.parse(String(data)) as { event?: string };
      if (message.event !== undefined) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(message as { id: number | null; ok: boolean });
    };
    const onClose = (code: number): void => reject(new Error(`socket closed (${code}) without a reply`));
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
}

/** Sends raw text (or bytes) and waits for the reply. */
export async function send(ws: WebSocket, data: string | Buffer, options: { binary?: boolean } = {}) {
  const reply = nextReply(ws);
  ws.send(data, { binary: options.binary ?? false });
  return reply;
}

/** A PlaygroundApi call over the socket. */
export function call(ws: WebSocket, id: number, method: string, params: unknown[] = []) {
  return send(ws, JSON.stringify({ id, method, params }));
}

/** The close code the socket ends with. */
export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1);
    ws.once('close', (code) => resolve(code));
  });
}

export interface ReceivedEvent {
  runId: string;
  event: RunEvent;
}

/** A client as the page is one: calls that resolve with their result, and every run event kept. */
export class TestClient {
  /** Every run event received, in the order it arrived. */
  readonly received: ReceivedEvent[] = [];
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, (message: ServerMessage) => void>();
  #nextId = 1;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if ('event' in message) {
        for (const event of message.batch.events) this.received.push({ runId: message.batch.runId, event });
        return;
      }
      if (message.id === null) return;
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
    });
  }

  static async connect(host: HostAddress): Promise<TestClient> {
    return new TestClient(await openApi(apiUrl(host), { origin: ownOrigin(host) }));
  }

  /** Call an API method; resolves with its result, rejects with the host's error. */
  call<T = unknown>(method: string, ...params: unknown[]): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, (message) => {
        if ('ok' in message && message.ok) resolve(message.result as T);
        else reject(new Error('error' in message ? message.error : 'bad reply'));
      });
      this.#ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Send several calls in one go (same tick), before any answer can arrive. */
  callTogether<T = unknown>(calls: [string, ...unknown[]][]): Promise<T[]> {
    return Promise.all(calls.map(([method, ...params]) => this.call<T>(method, ...params)));
  }

  events(runId: string): RunEvent[] {
    return this.received.filter((r) => r.runId === runId).map((r) => r.event);
  }

  /** Every worker any run of this client spawned. */
  workerPids(): number[] {
    return spawnedPids(this.received.map((r) => r.event));
  }

  /** Resolves once `runId` has finished (its run-finished event arrived). */
  async finished(runId: string, timeoutMs = 60_000): Promise<Extract<RunEvent, { type: 'run-finished' }>> {
    const end = await waitFor(
      () => this.events(runId).find((e) => e.type === 'run-finished'),
      timeoutMs,
      `run ${runId} to finish`,
    );
    return end as Extract<RunEvent, { type: 'run-finished' }>;
  }

  close(): Promise<void> {
    if (this.#ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.#ws.once('close', () => resolve());
      this.#ws.close();
    });
  }
}

export function spawnedPids(events: readonly RunEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'worker-spawned' ? [e.pid] : []));
}
