/**
 * The browser host executes code, so it must only ever answer its own page
 * on this machine: it binds 127.0.0.1, every request must name it in the
 * `Host` header (127.0.0.1:PORT or localhost:PORT — a page on another site
 * that re-points its own name at 127.0.0.1, "DNS rebinding", sends its own
 * name), every request needs the per-start token (from the URL it printed,
 * then from a cookie it set), and the WebSocket also checks that the page's
 * Origin is this server. Nothing here throws on what a client sends.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

export function cookieName(port: number): string {
  // Cookies are shared across ports of one host: name ours by port.
  return `pool_playground_${port}`;
}

/** What a refused request is told. */
export interface Refusal {
  status: 400 | 403 | 404 | 405;
  message: string;
}

export type Admission = { ok: true; url: URL } | ({ ok: false } & Refusal);

const BASE = 'http://127.0.0.1';

/**
 * The request target as a URL, or null unless it is a plain path
 * ("/index.html?x=1"): no absolute URL, no "//host" or "/\host" that a
 * URL parser would read as another server, nothing unparsable.
 */
export function requestTarget(req: IncomingMessage): URL | null {
  const raw = req.url ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  return url.origin === BASE ? url : null;
}

/** The Host header, when there is exactly one. */
function hostHeader(req: IncomingMessage): string | null {
  const values = req.headersDistinct.host;
  return values?.length === 1 ? values[0]! : null;
}

/** Host must be this server as the page reached it: 127.0.0.1:PORT or localhost:PORT, nothing else. */
export function isOwnHost(host: string, port: number): boolean {
  const name = host.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token the request presents, from `?token=` or our cookie. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const cookies = req.headers.cookie ?? '';
  const name = cookieName(port);
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

export function hasValidToken(req: IncomingMessage, url: URL, port: number, token: string): boolean {
  const presented = presentedToken(req, url, port);
  return presented !== null && same(presented, token);
}

/**
 * Whether to answer a request at all (HTTP or WebSocket upgrade), in the
 * order a client needs to hear it: a malformed request, then the wrong
 * server name, then the missing token.
 */
export function admit(req: IncomingMessage, port: number, token: string): Admission {
  const url = requestTarget(req);
  if (!url) return { ok: false, status: 400, message: 'Bad request: the target must be a path such as /.' };
  const host = hostHeader(req);
  if (host === null)
    return { ok: false, status: 400, message: 'Bad request: it needs exactly one Host header.' };
  if (!isOwnHost(host, port)) {
    return {
      ok: false,
      status: 403,
      message: `Pool Playground answers only as http://127.0.0.1:${port} or http://localhost:${port}.`,
    };
  }
  if (!hasValidToken(req, url, port, token)) {
    return {
      ok: false,
      status: 403,
      message: 'Pool Playground: open the full address the server printed (it carries an access token).',
    };
  }
  return { ok: true, url };
}

/** WebSocket upgrades must come from our own page. */
export function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco sets inline styles on its elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
