/**
 * R9 errors-and-clone, the values themselves: arguments, map items, results and error
 * properties arrive exactly as structured clone delivers them (what
 * child_process's 'advanced' serialization and Electron's postMessage do),
 * even though plain messages travel as JSON (../common/wire-codec.ts). The reference
 * for "exactly" is v8's own serializer round trip.
 */
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import type { ParentMessage, WorkerMessage } from '../common/protocol';
import { decodeMessage, encodeMessage } from '../common/wire-codec';
import { eventsOfType, startPool, usePoolCleanup } from './helpers';

usePoolCleanup();

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

/** Values JSON would change or refuse, and plain ones it carries exactly. */
function gauntlet(): [string, unknown][] {
  const shared = { n: 1 };
  const cycle: Record<string, unknown> = { name: 'cycle' };
  cycle.self = cycle;
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const withGetter = {
    get answer() {
      return 42;
    },
  };
  const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { k: 'v' });
  return [
    ['0', 0],
    ['-0', -0],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a big double', 1e21],
    ['2^53 + 2', 2 ** 53 + 2],
    ['a fraction', 0.1 + 0.2],
    ['a string', 'text'],
    ['the empty string', ''],
    ['a string with a newline and U+2028', 'line\nbreak\u2028end'],
    ['a lone surrogate', 'half \ud800 pair'],
    ['true', true],
    ['null', null],
    ['undefined', undefined],
    ['a BigInt', 10n ** 20n],
    ['[]', []],
    ['[undefined]', [undefined]],
    ['a sparse array', sparse],
    ['an array with an extra property', Object.assign([1, 2], { extra: 'x' })],
    ['{ a: undefined }', { a: undefined }],
    ['{ nested: [NaN, -0] }', { nested: [NaN, -0] }],
    ['a null-prototype object', nullProto],
    ['an object with a getter', withGetter],
    ['a class instance', new Point(1, 2)],
    [
      'a Map',
      new Map<unknown, unknown>([
        [1, { a: 1 }],
        ['k', new Set([2])],
      ]),
    ],
    ['a Set', new Set([1, 'a', null])],
    ['a Date', new Date(Date.UTC(2020, 1, 29, 12))],
    ['a RegExp', /ab+c/gi],
    ['a Uint8Array', new Uint8Array([1, 2, 255])],
    ['a Float64Array with -0 and NaN', new Float64Array([-0, NaN, 1.5])],
    ['a Buffer', Buffer.from('hi')],
    ['an ArrayBuffer', new Uint16Array([7, 8]).buffer],
    ['a boxed number', Object(5) as number],
    ['one object twice', [shared, shared]],
    ['a cycle', cycle],
  ];
}

/** What structured clone makes of `value`: v8's serializer round trip. */
function cloned<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

/**
 * The message as the pool reads it: a result record's `value` that is undefined may be
 * absent altogether (JSON drops the key), and the parent reads it as undefined either way.
 */
function asRead<M>(message: M): M {
  const m = message as { t: string; records?: { k: string; value?: unknown }[] };
  for (const record of m.records ?? [])
    if (record.k === 'ok' && record.value === undefined) delete record.value;
  return message;
}

/** Send `message` the way a JSON child_process channel does, through the codec. */
function overJsonChannel<M extends ParentMessage | WorkerMessage>(message: M): M {
  return decodeMessage<M>(JSON.parse(JSON.stringify(encodeMessage(message))));
}

function messagesCarrying(value: unknown): (ParentMessage | WorkerMessage)[] {
  const at = 1_700_000_000_000.25;
  return [
    { t: 'run', tasks: [{ id: 1, fn: 'identity', args: [value, 2] }] },
    { t: 'run', tasks: [{ id: 2, fn: 'identity', items: [1, value, 'x'] }] },
    { t: 'out', records: [{ k: 'ok', id: 3, started: at, finished: at + 1, value }] },
    { t: 'out', records: [{ k: 'ok', id: 4, started: at, finished: at, value: [value, 0], chunk: true }] },
    {
      t: 'out',
      records: [
        { k: 'log', task: 5, stream: 'stdout', text: 'printed\n', at },
        {
          k: 'err',
          id: 5,
          started: at,
          finished: at,
          error: { name: 'Error', message: 'm', stack: 'Error: m', props: { detail: value } },
        },
      ],
    },
  ];
}

describe('R9 errors-and-clone: values travel by structured clone', () => {
  test.each(gauntlet())(
    'R9 errors-and-clone: %s arrives as structured clone gives it, in every kind of message',
    (_what, value) => {
      for (const message of messagesCarrying(value)) {
        const arrived = overJsonChannel(message);
        const expected = asRead(cloned(message));
        expect(isDeepStrictEqual(asRead(arrived), expected), JSON.stringify(encodeMessage(message))).toBe(
          true,
        );
      }
    },
  );

  test('R9 errors-and-clone: shared and circular references keep their shape', () => {
    const [, twice] = gauntlet().find(([what]) => what === 'one object twice')!;
    const [, cycle] = gauntlet().find(([what]) => what === 'a cycle')!;
    const run = overJsonChannel({ t: 'run', tasks: [{ id: 1, fn: 'identity', args: [twice, cycle] }] });
    const [pair, loop] = run.t === 'run' ? (run.tasks[0]!.args as [unknown[], Record<string, unknown>]) : [];
    expect(pair![0]).toBe(pair![1]);
    expect(loop!.self).toBe(loop);
  });

  test('R9 errors-and-clone: only messages of JSON-exact primitives skip the v8 serializer', () => {
    const run = (args: unknown[]): ParentMessage => ({ t: 'run', tasks: [{ id: 1, fn: 'f', args }] });
    const plain = run([1, 'two', true, null, 2.5, -3]);
    expect(encodeMessage(plain)).toBe(plain);
    const nothing: WorkerMessage = {
      t: 'out',
      records: [{ k: 'ok', id: 1, started: 0, finished: 1, value: undefined }],
    };
    expect(encodeMessage(nothing)).toBe(nothing);
    for (const odd of [-0, NaN, Infinity, undefined, 1n, [1], { a: 1 }, new Date(0)]) {
      expect(encodeMessage(run([odd])), String(odd)).toMatchObject({ t: 'v8' });
    }
    const chunk: WorkerMessage = {
      t: 'out',
      records: [{ k: 'ok', id: 1, started: 0, finished: 1, value: [1, undefined], chunk: true }],
    };
    expect(encodeMessage(chunk)).toMatchObject({ t: 'v8' });
  });

  test('R9 errors-and-clone: what cannot be cloned still throws when sent', () => {
    expect(() => encodeMessage({ t: 'run', tasks: [{ id: 1, fn: 'f', args: [() => 1] }] })).toThrow(
      /could not be cloned/,
    );
  });

  test('R9 errors-and-clone: through a real pool, submit() and map() give back exactly what structured clone gives', async () => {
    const { pool } = startPool({ maxWorkers: 2 });
    const values = gauntlet().map(([, value]) => value);
    const submitted = await Promise.all(values.map((v) => pool.submit('identity', v).result()));
    const mapped: unknown[] = [];
    for await (const v of pool.map('identity', values, { chunksize: 4 })) mapped.push(v);
    values.forEach((value, i) => {
      const [what] = gauntlet()[i]!;
      expect(isDeepStrictEqual(submitted[i], cloned(value)), `submit: ${what}`).toBe(true);
      expect(isDeepStrictEqual(mapped[i], cloned(value)), `map: ${what}`).toBe(true);
    });
  });

  test('R9 errors-and-clone: large values (megabytes) arrive intact and in order with small ones, both ways', async () => {
    const { pool, events } = startPool({ maxWorkers: 1 });
    const big = new Float64Array(1 << 19).map((_, i) => i / 3);
    const bigMap = new Map(Array.from({ length: 20_000 }, (_, i) => [i, `value ${i}`]));
    const values: unknown[] = [big, 1, bigMap, 'two', big, null];
    const futures = values.map((v) => pool.submit('logThen', 'ran', v));
    const results = await Promise.all(futures.map((f) => f.result()));
    values.forEach((value, i) => expect(isDeepStrictEqual(results[i], value), `value ${i}`).toBe(true));
    // One worker ran them in turn: its output and results reached the parent in that order too.
    const order = events.flatMap((e) =>
      e.type === 'console' && e.stream === 'stdout'
        ? [`log ${e.task}`]
        : e.type === 'task-finished'
          ? [`done ${e.task}`]
          : [],
    );
    expect(order).toEqual(futures.flatMap((f) => [`log ${f.id}`, `done ${f.id}`]));
    expect(eventsOfType(events, 'task-finished').every((e) => e.status === 'ok')).toBe(true);
  });
});
