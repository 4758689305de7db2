/**
 * The fork channel's ordering rule: a large cloned message goes down the bulk
 * pipe while a marker takes its place on the IPC channel, and the receiver
 * delivers every message in the order the IPC channel carried them, however
 * the bulk bytes trickle in. Two real ForkChannel ends; the IPC channel and
 * the pipe between them are driven by the test, so the interleaving is exact.
 */
import { isDeepStrictEqual } from 'node:util';
import { Duplex, PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { ForkChannel } from '../common/fork-channel';
import type { ParentMessage, WorkerMessage } from '../common/protocol';

function wire() {
  const ipc: unknown[] = [];
  const sentBulk = new PassThrough();
  const receivedBulk = new PassThrough();
  const delivered: WorkerMessage[] = [];
  const ipcSend = (raw: unknown, done?: () => void): void => {
    ipc.push(raw);
    if (done) setImmediate(done);
  };
  const sender = new ForkChannel<ParentMessage, WorkerMessage>(ipcSend, sentBulk, () => {
    throw new Error('the sender receives nothing here');
  });
  const receiver = new ForkChannel<WorkerMessage, ParentMessage>(
    () => undefined,
    receivedBulk,
    (message) => delivered.push(message),
  );
  const written: Buffer[] = [];
  sentBulk.on('data', (chunk: Buffer) => written.push(chunk));
  /** Hand the receiver everything the sender wrote down the pipe so far, `slice` bytes at a time. */
  const flushBulk = async (slice: number): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    const bytes = Buffer.concat(written.splice(0));
    for (let i = 0; i < bytes.length; i += slice) {
      receivedBulk.write(bytes.subarray(i, i + slice));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { ipc, sender, receiver, delivered, flushBulk };
}

const result = (id: number, value: unknown): WorkerMessage => ({
  t: 'out',
  records: [{ k: 'ok', id, started: 1, finished: 2, value }],
});

describe('the fork channel keeps messages in order', () => {
  test('a small message behind a large one waits for the large one’s bytes', async () => {
    const { ipc, sender, receiver, delivered, flushBulk } = wire();
    const big = new Float64Array(20_000).map((_, i) => i / 7);
    const messages = [
      result(1, big),
      result(2, 'small'),
      result(3, new Map([[1, 'tiny clone']])),
      result(4, big),
      result(5, 5),
    ];
    for (const m of messages) sender.send(m);
    expect(ipc.map((raw) => (raw as { t: string }).t)).toEqual(['v8-bulk', 'out', 'v8', 'v8-bulk', 'out']);

    for (const raw of ipc) receiver.receive(raw);
    expect(delivered).toEqual([]);
    await flushBulk(1000); // the header and the bytes arrive split across chunks
    expect(delivered).toHaveLength(messages.length);
    messages.forEach((m, i) => expect(isDeepStrictEqual(delivered[i], m), `message ${i + 1}`).toBe(true));
  });

  test('messages that need no pipe go straight through', () => {
    const { ipc, sender, receiver, delivered } = wire();
    sender.send(result(1, 'a'));
    sender.send(result(2, [1, 2, 3]));
    for (const raw of ipc) receiver.receive(raw);
    expect(delivered).toEqual([result(1, 'a'), result(2, [1, 2, 3])]);
  });

  test('sendThen calls back once both the marker and the bytes are gone', async () => {
    const held: (() => void)[] = [];
    const slowPipe = new Duplex({
      read: () => undefined,
      write: (_chunk, _encoding, callback) => held.push(callback),
    });
    const sender = new ForkChannel<ParentMessage, WorkerMessage>(
      (_raw, done) => done && setImmediate(done),
      slowPipe,
      () => undefined,
    );
    let done = false;
    sender.sendThen(result(1, new Float64Array(10_000)), () => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false); // the marker is out, the bytes are not
    while (held.length > 0) {
      held.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(done).toBe(true);
  });
});
