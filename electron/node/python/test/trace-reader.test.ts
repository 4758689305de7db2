/**
 * The reader of the tracer's event files, on files written here the way the
 * tracer writes them (zero-filled, lines appended): whole lines only, a
 * half-written line waits, segments are followed in order, and a process
 * that is gone is read to the end and closed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, ftruncateSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { TraceReader } from '../trace-reader';
import type { TracerEvent } from '../tracer-events';

const SEGMENT = 256 * 1024; // as the tracer writes them
const dirs: string[] = [];
const readers: TraceReader[] = [];
afterEach(() => {
  for (const reader of readers.splice(0)) reader.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(pid: number) {
  const dir = mkdtempSync(join(tmpdir(), 'trace-reader-'));
  dirs.push(dir);
  const events: TracerEvent[] = [];
  const closed: number[] = [];
  const problems: string[] = [];
  const reader = new TraceReader(
    dir,
    {
      onHello: () => {},
      onEvent: (e) => events.push(e),
      onClose: (p) => closed.push(p),
      onProblem: (m) => problems.push(m),
    },
    60_000, // polled by hand
  );
  readers.push(reader);
  const files = new Map<number, { fd: number; pos: number }>();
  const write = (segment: number, text: string): void => {
    let file = files.get(segment);
    if (!file) {
      const fd = openSync(join(dir, `${pid}.0.${segment}.jsonl`), 'w+');
      ftruncateSync(fd, SEGMENT);
      files.set(segment, (file = { fd, pos: 0 }));
    }
    file.pos += writeSync(file.fd, text, file.pos, 'latin1');
  };
  const hello = `{"type":"hello","protocol":2,"pid":${pid},"ppid":1,"python":"3.11.7","gil":true,"argv":[],"at":1}\n`;
  const output = (text: string): string =>
    `{"type":"output","stream":"stdout","text":${JSON.stringify(text)},"tid":1,"thread":"MainThread","task":null,"at":2}\n`;
  const done = (): void => files.forEach((f) => closeSync(f.fd));
  return { dir, reader, events, closed, problems, write, hello, output, done };
}

const texts = (events: TracerEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'output' ? [e.text] : []));

describe('reading the event files', () => {
  test('a half-written line waits until it is whole', () => {
    const t = setup(process.pid);
    t.write(0, t.hello);
    const line = t.output('one');
    t.write(0, line.slice(0, 20));
    t.reader.poll();
    expect(texts(t.events)).toEqual([]);
    t.write(0, line.slice(20) + t.output('two'));
    t.reader.poll();
    expect(texts(t.events)).toEqual(['one', 'two']);
    expect(t.events.every((e) => e.pid === process.pid)).toBe(true);
    expect(t.problems).toEqual([]);
    t.done();
  });

  test('segments are read in order, and a finished one is removed', () => {
    const t = setup(process.pid);
    t.write(0, t.hello + t.output('first'));
    t.write(1, t.output('second'));
    t.reader.poll();
    expect(texts(t.events)).toEqual(['first', 'second']);
    expect(existsSync(join(t.dir, `${process.pid}.0.0.jsonl`))).toBe(false);
    t.write(1, t.output('third'));
    t.reader.poll();
    expect(texts(t.events)).toEqual(['first', 'second', 'third']);
    t.done();
  });

  test('a process that is gone is read to the end, then closed; a bad line is reported', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!; // exited and reaped
    const t = setup(gone);
    t.write(0, t.hello + t.output('last words') + '{"type":"nonsense"}\n');
    t.reader.poll();
    expect(texts(t.events)).toEqual(['last words']);
    expect(t.closed).toEqual([gone]);
    expect(t.reader.openConnections).toBe(0);
    expect(t.problems).toHaveLength(1);
    t.done();
  });
});
