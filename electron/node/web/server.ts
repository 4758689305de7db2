/**
 * The browser host: serves the built renderer and PlaygroundApi over a
 * WebSocket, on 127.0.0.1 only, behind a per-start token. Each WebSocket
 * connection (a browser tab) gets its own PlaygroundService — its own run —
 * and is cleaned up when the tab goes away.
 */
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../shared/limits';
import { PlaygroundService, type HostDeps } from '../host/service';
import { serveConnection, type Connection } from './connection';
import { admit, CONTENT_SECURITY_POLICY, cookieName, isOwnOrigin, newToken, type Refusal } from './security';

export interface WebHostOptions {
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  deps: HostDeps;
  /** 0 picks a free port. */
  port?: number;
  host?: '127.0.0.1';
}

export interface RunningWebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = newToken();
  let port = 0;
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false });
  const services = new Set<PlaygroundService>();

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const admission = admit(req, port, token);
    if (!admission.ok) {
      refuse(res, admission);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      refuse(res, { status: 405, message: 'Only GET and HEAD are served here.' });
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('set-cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    res.setHeader('cache-control', 'no-store');
    // sirv streams a file it listed at start: if the file is gone now (a
    // rebuild), the stream's error must end this response, not the host.
    res.once('pipe', (source) => source.once('error', () => res.destroy()));
    // The app never asks for ranges; sirv would throw on a reversed one.
    delete req.headers.range;
    serveStatic(req, res, () => refuse(res, { status: 404, message: 'Not found.' }));
  };

  const server: Server = createServer((req, res) => {
    res.on('error', () => res.destroy());
    try {
      handleRequest(req, res);
    } catch (error) {
      console.error('Pool Playground: a request failed:', error);
      if (res.headersSent) res.destroy();
      else refuse(res, { status: 500, message: 'The server failed to answer this request.' });
    }
  });

  // A request Node cannot parse (a malformed request line or header, a
  // target with spaces) or a client that resets mid-request: answer 400
  // when the socket can still take it, and let the connection go.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  });

  // No compression: a small compressed frame could inflate to any size.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over without its own error handler.
    socket.on('error', () => socket.destroy());
    try {
      const admission = admit(req, port, token);
      if (!admission.ok) return refuseUpgrade(socket, admission);
      if (!isOwnOrigin(req, port)) {
        return refuseUpgrade(socket, {
          status: 403,
          message: "The WebSocket only answers this server's own page.",
        });
      }
      if (admission.url.pathname !== '/api')
        return refuseUpgrade(socket, { status: 404, message: 'Not found.' });
      wss.handleUpgrade(req, socket, head, (ws) => {
        let connection: Connection | null = null;
        const service = new PlaygroundService(options.deps, (batch) =>
          connection?.send({ event: 'run-events', batch }),
        );
        services.add(service);
        connection = serveConnection(ws, service, () => {
          services.delete(service);
          service
            .dispose()
            .catch((error: unknown) => console.error('Pool Playground: closing a session failed:', error));
        });
      });
    } catch (error) {
      console.error('Pool Playground: a WebSocket upgrade failed:', error);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Errors after start-up (accept failures, out of file descriptors) are reported, never fatal.
  server.on('error', (error) => console.error('Pool Playground: server error:', error));

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      await Promise.all([...services].map((s) => s.dispose()));
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(res: ServerResponse, { status, message }: Refusal | { status: 500; message: string }): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, { status, message }: Refusal): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
