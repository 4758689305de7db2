/**
 * The browser host executes code: it must answer only its own page on this
 * machine. These tests talk to a real server over real sockets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ForkLauncher } from '../../pool';
import { Store } from '../../host/store';
import { startWebHost, type RunningWebHost } from '../server';

let dir: string;
let host: RunningWebHost;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pp-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  host = await startWebHost({
    rendererDir: dir,
    deps: {
      kind: 'web',
      store: new Store(join(dir, 'data')),
      createLauncher: ({ env, cwd }) => new ForkLauncher({ env, cwd }),
      appVersion: 'test',
      electronVersion: null,
    },
  });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser host security', () => {
  it('listens on 127.0.0.1 only and prints a tokened address', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses requests without the token', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${origin}/index.html`, { headers: { cookie: 'pool_playground_1=x' } })).status).toBe(
      403,
    );
  });

  it('serves the page with the token, sets a strict cookie and a CSP, then accepts the cookie', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const again = await fetch(`${origin}/index.html`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('accepts the WebSocket only with the token and from its own origin', async () => {
    const api = `ws://127.0.0.1:${host.port}/api`;
    await expect(connect(api, { origin })).rejects.toThrow(/403/);
    await expect(connect(`${api}?token=${host.token}`, { origin: 'http://evil.example' })).rejects.toThrow(
      /403/,
    );
    await expect(connect(`${api}?token=${host.token}`, {})).rejects.toThrow(/403/);
    const ws = await connect(`${api}?token=${host.token}`, { origin });
    const reply = await new Promise<unknown>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))));
      ws.send(JSON.stringify({ id: 1, method: 'getInfo', params: [] }));
    });
    expect(reply).toMatchObject({ id: 1, ok: true, result: { kind: 'web' } });
    const refused = await new Promise<unknown>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data))));
      ws.send(JSON.stringify({ id: 2, method: 'dispose', params: [] }));
    });
    expect(refused).toMatchObject({ id: 2, ok: false });
    ws.close();
  });
});
