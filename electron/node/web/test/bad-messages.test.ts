/**
 * No WebSocket message ends the browser host. A message it cannot read as a
 * request gets an error reply (with the request's id when one can be read);
 * a frame over the size limit or of invalid UTF-8 closes that one socket —
 * and stops that tab's run. Each test talks to a real host process; after
 * each, the host must still answer a fresh client and have no process of
 * its own left.
 */
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CODE_TOO_LONG, MAX_CODE_CHARS, MAX_MESSAGE_BYTES } from '../../../../shared/limits';
import { DEFAULT_RUN_SPEC } from '../../../../shared/run-spec';
import { defaultWorkspace } from '../../../../shared/workspace';
import { isAlive } from '../../../pool/test/helpers';
import { processesStartedBy, useHostProcess } from '../../test/use-host-process';
import { waitFor } from '../../test/wait-for';
import { apiUrl, call, closeCode, openApi, ownOrigin, send } from '../../test/ws-client';

const host = useHostProcess();

function open(): Promise<WebSocket> {
  return openApi(apiUrl(host.current), { origin: ownOrigin(host.current) });
}

/** Starts a run whose one worker sleeps for a minute; resolves with the worker's PID. */
async function startSleepingRun(ws: WebSocket): Promise<number> {
  const spawned = new Promise<number>((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        event?: string;
        batch?: { events: { type: string; pid?: number }[] };
      };
      const event = message.batch?.events.find((e) => e.type === 'worker-spawned');
      if (event?.pid !== undefined) resolve(event.pid);
    });
  });
  const code = 'export function task(n: number): number {\n  sleep(60_000);\n  return n;\n}\n';
  const spec = { ...DEFAULT_RUN_SPEC, code, inputs: '[1]', maxWorkers: 1 };
  expect(await call(ws, 1, 'startRun', [spec])).toMatchObject({ id: 1, ok: true, result: { ok: true } });
  const pid = await spawned;
  // The after-test check sees the workers a host started (so it can see one left behind).
  expect(processesStartedBy(host.current.pid).map((p) => Number.parseInt(p))).toContain(pid);
  return pid;
}

describe('browser host: messages it cannot read', () => {
  it('closes only the socket that sent a frame over the size limit, and stops its run', async () => {
    const ws = await open();
    const worker = await startSleepingRun(ws);
    const closed = closeCode(ws);
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009); // "message too big"
    await waitFor(() => !isAlive(worker), 10_000, 'the closed tab’s worker to exit');
  });

  it('closes only the socket that sent invalid UTF-8, and stops its run', async () => {
    const ws = await open();
    const worker = await startSleepingRun(ws);
    const closed = closeCode(ws);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await closed).toBe(1007); // "invalid frame payload data"
    await waitFor(() => !isAlive(worker), 10_000, 'the closed tab’s worker to exit');
  });

  it('answers text that is not JSON, or JSON that is not a request object, with id null', async () => {
    const ws = await open();
    const cases: [string, RegExp][] = [
      ['null', /^Not a request \(null\)/],
      ['{', /^Not JSON/],
      ['', /^Not JSON/],
      ['[]', /^Not a request \(an array\)/],
      ['[{"id":1,"method":"getInfo","params":[]}]', /^Not a request \(an array\)/],
      ['"x"', /^Not a request \(a string\)/],
      ['42', /^Not a request \(a number\)/],
      ['{}', /needs a numeric id/],
      ['{"method":"getInfo","params":[]}', /needs a numeric id/],
      ['{"id":"7","method":"getInfo","params":[]}', /needs a numeric id/],
      ['{"id":null,"method":"getInfo","params":[]}', /needs a numeric id/],
    ];
    for (const [text, error] of cases) {
      const reply = await send(ws, text);
      expect(reply, text).toMatchObject({ id: null, ok: false });
      expect(reply.error, text).toMatch(error);
    }
    // The socket is still open and still answers.
    expect(await call(ws, 2, 'getInfo')).toMatchObject({ id: 2, ok: true });
    ws.close();
  });

  it('answers a binary frame with id null and keeps the socket', async () => {
    const ws = await open();
    const reply = await send(ws, Buffer.from(JSON.stringify({ id: 1, method: 'getInfo', params: [] })), {
      binary: true,
    });
    expect(reply).toMatchObject({ id: null, ok: false });
    expect(reply.error).toMatch(/^Binary messages are not accepted/);
    expect(await call(ws, 2, 'getInfo')).toMatchObject({ id: 2, ok: true });
    ws.close();
  });

  it('answers an unknown method or malformed params with the request id', async () => {
    const ws = await open();
    const cases: [unknown, RegExp][] = [
      [{ id: 3, method: 'nope', params: [] }, /^unknown method "nope"/],
      [{ id: 4, method: 'constructor', params: [] }, /^unknown method/],
      [{ id: 5, method: { toString: 1 }, params: [] }, /^unknown method \(object\)/],
      [{ id: 6, method: 'x'.repeat(100_000), params: [] }, /^unknown method "x{60}…"$/],
      [{ id: 7, method: 'getRun' }, /^bad arguments for getRun/],
      [{ id: 8, method: 'getRun', params: 'abc' }, /^bad arguments for getRun/],
      [{ id: 9, method: 'getRun', params: [{ deep: [[[[[]]]]] }] }, /^bad arguments for getRun/],
      [{ id: 1.5, method: 'getInfo', params: ['extra'] }, /^bad arguments for getInfo/],
    ];
    for (const [request, error] of cases) {
      const reply = await send(ws, JSON.stringify(request));
      expect(reply).toMatchObject({ id: (request as { id: number }).id, ok: false });
      expect(reply.error).toMatch(error);
    }
    ws.close();
  });

  it('answers deeply nested JSON without ending', async () => {
    const ws = await open();
    const deep = `{"id":10,"method":"startRun","params":[${'['.repeat(500_000)}${']'.repeat(500_000)}]}`;
    const reply = await send(ws, deep);
    expect(reply).toMatchObject({ id: 10, ok: true, result: { ok: false } });
    ws.close();
  });
});

describe('browser host: size limits', () => {
  /** Code at the limit of characters that JSON writes as \uXXXX: the largest legal frame's worth of code. */
  const worstCode = '\u0001'.repeat(MAX_CODE_CHARS);

  it('accepts a workspace at the code limit in its worst JSON form, and refuses one character more with the shared message', async () => {
    const ws = await open();
    const workspace = {
      ...defaultWorkspace(),
      code: worstCode,
      spec: {
        ...defaultWorkspace().spec,
        inputs: '\u0001'.repeat(200_000),
        initargs: '\u0001'.repeat(10_000),
      },
    };
    const frame = JSON.stringify({ id: 11, method: 'saveWorkspace', params: [workspace] });
    expect(Buffer.byteLength(frame)).toBeGreaterThan(4 * 1024 * 1024); // over the old fixed 4 MiB
    expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(await send(ws, frame)).toMatchObject({ id: 11, ok: true });
    const loaded = await call(ws, 12, 'loadWorkspace');
    expect((loaded.result as { code: string }).code).toBe(worstCode);

    const over = await call(ws, 13, 'saveWorkspace', [
      { ...workspace, code: `${worstCode}x`, spec: defaultWorkspace().spec },
    ]);
    expect(over).toMatchObject({ id: 13, ok: false });
    expect(over.error).toContain(CODE_TOO_LONG);
    ws.close();
  });

  it('gives checkCode and startRun the same code limit and message', async () => {
    const ws = await open();
    const over = `${'a'.repeat(MAX_CODE_CHARS)}b`;
    const check = await call(ws, 14, 'checkCode', [over]);
    expect(check).toMatchObject({ id: 14, ok: false });
    expect(check.error).toContain(CODE_TOO_LONG);
    const run = await call(ws, 15, 'startRun', [{ ...DEFAULT_RUN_SPEC, code: over }]);
    expect(run).toMatchObject({ id: 15, ok: true, result: { ok: false } });
    const diagnostics = (run.result as { diagnostics: { message: string }[] }).diagnostics;
    expect(diagnostics.map((d) => d.message).join('\n')).toContain(CODE_TOO_LONG);
    // At the limit itself, the code is checked.
    const atLimit = await call(ws, 16, 'checkCode', [`//${'a'.repeat(MAX_CODE_CHARS - 2)}`]);
    expect(atLimit).toMatchObject({ id: 16, ok: true, result: { diagnostics: [] } });
    ws.close();
  });
});
