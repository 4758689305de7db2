/**
 * The browser host executes code: it must answer only its own page on this
 * machine. These tests talk to a real server over real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningWebHost } from '../server';
import { startTestHost, type TestHost } from '../../test/in-process-host';
import { openApi, rawGet, rawRequest, statusOf, upgradeStatus } from '../../test/ws-client';

let test: TestHost;
let host: RunningWebHost;
let origin: string;

beforeAll(async () => {
  test = await startTestHost();
  host = test.host;
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await test.close();
});

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
    await expect(openApi(api, { origin })).rejects.toThrow(/403/);
    await expect(openApi(`${api}?token=${host.token}`, { origin: 'http://evil.example' })).rejects.toThrow(
      /403/,
    );
    await expect(openApi(`${api}?token=${host.token}`, {})).rejects.toThrow(/403/);
    const ws = await openApi(`${api}?token=${host.token}`, { origin });
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

  /** The same token with one character changed: right length, wrong value. */
  function tokensOfTheRightLength(): string[] {
    const flip = (c: string): string => (c === 'a' ? 'b' : 'a');
    const t = host.token;
    return [
      `${t.slice(0, -1)}${flip(t.at(-1)!)}`,
      `${flip(t[0]!)}${t.slice(1)}`,
      '0'.repeat(t.length),
      t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase(),
    ];
  }

  it('refuses a token of the right length that differs, from the URL, the cookie or the WebSocket', async () => {
    const api = `ws://127.0.0.1:${host.port}/api`;
    for (const wrong of tokensOfTheRightLength()) {
      expect(wrong).toHaveLength(host.token.length);
      expect(wrong).not.toBe(host.token);
      expect((await fetch(`${origin}/?token=${wrong}`)).status).toBe(403);
      const cookie = `pool_playground_${host.port}=${wrong}`;
      expect((await fetch(`${origin}/index.html`, { headers: { cookie } })).status).toBe(403);
      await expect(openApi(`${api}?token=${wrong}`, { origin })).rejects.toThrow(/403/);
      await expect(openApi(api, { origin, cookie })).rejects.toThrow(/403/);
    }
    // The right one, by cookie alone, is accepted (so the refusals above are about the value).
    const cookie = `pool_playground_${host.port}=${host.token}`;
    expect((await fetch(`${origin}/index.html`, { headers: { cookie } })).status).toBe(200);
    (await openApi(api, { origin, cookie })).close();
  });

  /** Names that start or end like ours but are not ours. */
  function lookalikes(name: string, port: number): string[] {
    return [
      `${name}:${port + 1}`,
      `${name}:${port - 1}`,
      `${name}:${port}0`,
      `${name}:1${port}`,
      `${name}`,
      `${name}:${port}.evil.example`,
      `${name}.evil.example:${port}`,
      `${name}:${port}@evil.example`,
      `evil.example:${port}`,
      `evil${name}:${port}`,
    ];
  }

  it('accepts the WebSocket only from http://127.0.0.1:PORT or http://localhost:PORT, no other port, name or scheme', async () => {
    const api = `ws://127.0.0.1:${host.port}/api?token=${host.token}`;
    const refused = [
      ...lookalikes('127.0.0.1', host.port),
      ...lookalikes('localhost', host.port),
      `[::1]:${host.port}`,
      `0.0.0.0:${host.port}`,
    ].map((authority) => `http://${authority}`);
    refused.push(
      `https://127.0.0.1:${host.port}`,
      `ws://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port}/`,
      'null',
    );
    for (const bad of refused) {
      await expect(openApi(api, { origin: bad }), bad).rejects.toThrow(/403/);
    }
    for (const good of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      (await openApi(api, { origin: good })).close();
    }
  });

  it('answers only requests whose Host is 127.0.0.1:PORT or localhost:PORT, for pages and the WebSocket', async () => {
    const { port, token } = host;
    const refused = [
      ...lookalikes('127.0.0.1', port),
      ...lookalikes('localhost', port),
      `[::1]:${port}`,
      `0.0.0.0:${port}`,
      `127.0.0.2:${port}`,
      '',
    ];
    for (const bad of refused) {
      const page = statusOf(await rawRequest(port, rawGet(`/?token=${token}`, { Host: bad })));
      expect(page, `GET with Host: ${bad}`).toBe(403);
      const ws = await upgradeStatus(port, `/api?token=${token}`, { Host: bad, Origin: origin });
      expect(ws, `upgrade with Host: ${bad}`).toBe(403);
    }
    for (const good of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect(statusOf(await rawRequest(port, rawGet(`/?token=${token}`, { Host: good }))), good).toBe(200);
      expect(await upgradeStatus(port, `/api?token=${token}`, { Host: good, Origin: origin }), good).toBe(
        101,
      );
    }
  });
});
