/**
 * The browser host: serves the built renderer and PlaygroundApi over a
 * WebSocket, on 127.0.0.1 only, behind a per-start token. Each WebSocket
 * connection (a browser tab) gets its own PlaygroundService — its own run —
 * and is cleaned up when the tab goes away.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RpcRequest, ServerMessage } from '../../shared/rpc';
import { dispatch } from '../host/dispatch';
import { PlaygroundService, type HostDeps } from '../host/service';
import { CONTENT_SECURITY_POLICY, cookieName, hasValidToken, isOwnOrigin, newToken } from './security';

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

const MAX_FRAME_BYTES = 4 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const token = newToken();
  let port = 0;
  const serveStatic = sirv(options.rendererDir, { dev: false, etag: true, gzip: false, brotli: false });
  const services = new Set<PlaygroundService>();

  const server: Server = createServer((req, res) => {
    if (!hasValidToken(req, port, token)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Pool Playground: open the full address the server printed (it carries an access token).\n');
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('set-cookie', `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    res.setHeader('cache-control', 'no-store');
    serveStatic(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/api' || !hasValidToken(req, port, token) || !isOwnOrigin(req, port)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws));
  });

  function serveConnection(ws: WebSocket): void {
    const send = (message: ServerMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const service = new PlaygroundService(options.deps, (batch) => send({ event: 'run-events', batch }));
    services.add(service);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let request: RpcRequest;
      try {
        request = JSON.parse(String(data)) as RpcRequest;
      } catch {
        return;
      }
      const id = typeof request?.id === 'number' ? request.id : -1;
      dispatch(service, request.method, request.params).then(
        (result) => send({ id, ok: true, result: result ?? null }),
        (error: unknown) =>
          send({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    });
    ws.on('close', () => {
      services.delete(service);
      void service.dispose();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

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
