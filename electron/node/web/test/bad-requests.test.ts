/**
 * No HTTP request or WebSocket upgrade, however malformed, ends the browser
 * host: a bad one gets 400 (or 403/404) and the host goes on. Each test talks
 * to a real host process over raw TCP; after each, the host must still
 * answer a fresh client and have nothing of its own left running.
 */
import { unlinkSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useHostProcess } from '../../test/use-host-process';
import { rawGet, rawRequest, statusOf, upgradeStatus } from '../../test/ws-client';

const host = useHostProcess();

function own(): string {
  return `127.0.0.1:${host.current.port}`;
}

async function get(
  target: string,
  headers: Record<string, string> = { Host: own() },
): Promise<number | null> {
  return statusOf(await rawRequest(host.current.port, rawGet(target, headers)));
}

describe('browser host: request targets', () => {
  it('answers 400 to GET // and //x (which a URL parser reads as another server), with or without the token', async () => {
    const { token } = host.current;
    expect(await get('//')).toBe(400);
    expect(await get('//x')).toBe(400);
    expect(await get(`//?token=${token}`)).toBe(400);
    expect(await get(`//127.0.0.1/?token=${token}`)).toBe(400);
    expect(await get(`/\\evil.example/?token=${token}`)).toBe(400);
  });

  it('answers 400 to absolute-form and asterisk targets, even with the token', async () => {
    const { port, token } = host.current;
    expect(await get(`http://127.0.0.1:${port}/?token=${token}`)).toBe(400);
    expect(await get(`http://evil.example/?token=${token}`)).toBe(400);
    expect(await get('*')).toBe(400);
    expect(await get('index.html')).toBe(400);
  });

  it('answers 400 to request lines and headers Node cannot parse', async () => {
    const { port, token } = host.current;
    for (const request of [
      `GET /a b?token=${token} HTTP/1.1\r\nHost: ${own()}\r\n\r\n`,
      `GET /\u0001 HTTP/1.1\r\nHost: ${own()}\r\n\r\n`,
      'GET\r\n\r\n',
      `GET / HTTP/9.9\r\nHost: ${own()}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost ${own()}\r\n\r\n`,
      // The start of a TLS hello: https:// to an http:// server.
      Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
    ]) {
      expect(statusOf(await rawRequest(port, request)), JSON.stringify(request)).toBe(400);
    }
    const hugeHeader = `GET / HTTP/1.1\r\nHost: ${own()}\r\nX-Big: ${'x'.repeat(100_000)}\r\n\r\n`;
    expect(statusOf(await rawRequest(port, hugeHeader))).toBe(431);
  });

  it('serves a target with odd but valid escapes, and only GET and HEAD', async () => {
    const { port, token } = host.current;
    expect(await get(`/%E0%A4%A?token=${token}`)).toBe(404);
    expect(await get(`/%2e%2e/%2e%2e/etc/passwd?token=${token}`)).toBe(404);
    const post = `POST /?token=${token} HTTP/1.1\r\nHost: ${own()}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;
    expect(statusOf(await rawRequest(port, post))).toBe(405);
  });
});

describe('browser host: the Host header', () => {
  it('answers 400 without a Host header or with two', async () => {
    const { port, token } = host.current;
    expect(await get(`/?token=${token}`, {})).toBe(400);
    const http10 = `GET /?token=${token} HTTP/1.0\r\n\r\n`;
    expect(statusOf(await rawRequest(port, http10))).toBe(400);
    const twice = `GET /?token=${token} HTTP/1.1\r\nHost: ${own()}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`;
    expect(statusOf(await rawRequest(port, twice))).toBe(400);
  });

  it('refuses a Host other than 127.0.0.1:PORT or localhost:PORT even with the token (DNS rebinding)', async () => {
    const { port, token } = host.current;
    expect(await get(`/?token=${token}`, { Host: `evil.example:${port}` })).toBe(403);
    expect(await get(`/?token=${token}`, { Host: own() })).toBe(200);
    expect(await get(`/?token=${token}`, { Host: `localhost:${port}` })).toBe(200);
  });
});

describe('browser host: static files', () => {
  it('survives a file that disappeared after start', async () => {
    const { port, token, rendererDir } = host.current;
    expect(await get(`/assets/app.js?token=${token}`)).toBe(200);
    unlinkSync(join(rendererDir, 'assets', 'app.js'));
    // Listed at start, gone now: this response is cut short, nothing more.
    await rawRequest(port, rawGet(`/assets/app.js?token=${token}`, { Host: own() }));
  });

  it('answers a reversed byte range with the whole file', async () => {
    const { port, token } = host.current;
    const reversed = await rawRequest(port, rawGet(`/?token=${token}`, { Host: own(), Range: 'bytes=5-2' }));
    expect(statusOf(reversed)).toBe(200);
    expect(reversed).toContain('the page');
  });

  it('survives clients that reset mid-request or mid-response', async () => {
    const { port, token } = host.current;
    for (const partial of [
      `GET /?token=${token} HTTP/1.1\r\nHost: ${own()}\r\nX-Half: `,
      `POST /?token=${token} HTTP/1.1\r\nHost: ${own()}\r\nContent-Length: 100000\r\n\r\nabc`,
      `GET /?token=${token} HTTP/1.1\r\nHost: ${own()}\r\n\r\n`,
      `GET /api?token=${token} HTTP/1.1\r\nHost: ${own()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`,
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connectTcp(port, '127.0.0.1', () => {
          socket.write(partial, () => {
            socket.resetAndDestroy();
            resolve();
          });
        });
        socket.on('error', () => resolve());
      });
    }
  });
});

describe('browser host: WebSocket upgrades', () => {
  it('answers a malformed upgrade target with 400 instead of ending', async () => {
    const { port, token } = host.current;
    const headers = { Host: own(), Origin: `http://${own()}` };
    expect(await upgradeStatus(port, '//', headers)).toBe(400);
    expect(await upgradeStatus(port, `//x/api?token=${token}`, headers)).toBe(400);
    expect(await upgradeStatus(port, `http://${own()}/api?token=${token}`, headers)).toBe(400);
  });

  it('refuses upgrades with a wrong Host, Origin, token or path, and bad handshakes', async () => {
    const { port, token } = host.current;
    const api = `/api?token=${token}`;
    const good = { Host: own(), Origin: `http://${own()}` };
    expect(await upgradeStatus(port, api, { ...good, Host: `evil.example:${port}` })).toBe(403);
    expect(await upgradeStatus(port, api, { Origin: good.Origin })).toBe(400);
    expect(await upgradeStatus(port, api, { Host: own() })).toBe(403);
    expect(await upgradeStatus(port, '/api', good)).toBe(403);
    expect(await upgradeStatus(port, `/other?token=${token}`, good)).toBe(404);
    // A handshake ws cannot accept (wrong version, no key, not websocket).
    const bad = (extra: Record<string, string>): string =>
      `GET ${api} HTTP/1.1\r\n${Object.entries({ ...good, Connection: 'Upgrade', ...extra })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`;
    expect(
      statusOf(await rawRequest(port, bad({ Upgrade: 'websocket', 'Sec-WebSocket-Version': '13' }), 300)),
    ).toBe(400);
    expect(
      statusOf(
        await rawRequest(port, bad({ Upgrade: 'h2c', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' }), 300),
      ),
    ).toBe(400);
    // The good handshake is accepted.
    expect(await upgradeStatus(port, api, good)).toBe(101);
  });
});
