/**
 * R9 errors-and-clone: task errors arrive whole (name, message, own properties), with the caller's
 * stack and the worker's stack as a RemoteTraceback cause; values that cannot be cloned fail only
 * their own future and the pool stays usable.
 * (CPython: test_process_pool test_traceback; test_deadlock's pickling errors
 * in arguments, results and exceptions.)
 */
import { describe, expect, test } from 'vitest';
import { DataCloneError, PoolError, RemoteTraceback } from '../index';
import { expectAllDead, fixtureLine, rejectionOf, startPool, usePoolCleanup } from './helpers';

usePoolCleanup();

describe('R9 errors-and-clone: task errors', () => {
  test('R9 errors-and-clone: a custom error class arrives with its name, message and own properties', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = (await rejectionOf(pool.submit('failCustom', 'custom failure').result())) as Error & {
      code?: number;
      details?: unknown;
    };
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CustomError');
    expect(error.message).toBe('custom failure');
    expect(error.code).toBe(42);
    expect(error.details).toEqual({ retry: false, tries: [1, 2] });
    expect(String(error)).toBe('CustomError: custom failure');
  });

  test("R9 errors-and-clone: its cause is a RemoteTraceback naming the task file and line; its stack is the caller's", async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = await rejectionOf(pool.submit('failCustom', 'where am I').result());
    expect(error.cause).toBeInstanceOf(RemoteTraceback);
    const tb = (error.cause as RemoteTraceback).tb;
    const line = fixtureLine('throw new CustomError(message, 42)');
    expect(tb).toContain('CustomError: where am I');
    expect(tb).toContain(`tasks.mjs:${line}:`);
    expect(tb).toMatch(/at failCustom /);
    // The worker's machinery is not part of what the user sees.
    expect(tb).not.toMatch(/pool-worker/);
    // The stack is where the caller awaited the result, not the worker's.
    expect(error.stack).toContain('errors.test.ts');
    expect(error.stack).not.toContain('tasks.mjs');
  });

  test('R9 errors-and-clone: built-in error classes are rebuilt as themselves', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = await rejectionOf(pool.submit('asyncFail', 'out of range').result());
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe('out of range');
    expect((error.cause as RemoteTraceback).tb).toContain(
      `tasks.mjs:${fixtureLine('throw new RangeError(message)')}:`,
    );
  });

  test('R9 errors-and-clone: each failed future gets its own error (same task, two calls)', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const a = await rejectionOf(pool.submit('failCustom', 'a').result());
    const b = await rejectionOf(pool.submit('failCustom', 'b').result());
    expect(a).not.toBe(b);
    expect([a.message, b.message]).toEqual(['a', 'b']);
  });

  test('R9 errors-and-clone: throwing a non-Error value still rejects with a descriptive Error', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = await rejectionOf(pool.submit('throwString').result());
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('plain string');
  });

  test('R9 errors-and-clone: an unknown task name fails that future with a TypeError naming it; the pool goes on', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const before = await pool.submit<number>('pid').result();
    const error = await rejectionOf(pool.submit('noSuchTask').result());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain('"noSuchTask"');
    expect(error.message).toContain('tasks.mjs');
    expect(await pool.submit<number>('pid').result()).toBe(before);
  });

  test('R9 errors-and-clone: a task given as a named function travels by its name; an anonymous one fails clearly', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    // A local stand-in for the fixture's export of the same name.
    function square(n: number): number {
      return -n;
    }
    expect(await pool.submit(square, 7).result()).toBe(49);
    const anonymous = [(n: number) => n][0]!;
    const error = await rejectionOf(pool.submit(anonymous, 1).result());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/anonymous function/);
    expect(await pool.submit('add', 1, 1).result()).toBe(2);
  });
});

describe('R9 errors-and-clone: values that cannot be cloned', () => {
  test.each([
    ['a function', () => 1, /argument 0 is a function/],
    ['a symbol', Symbol('s'), /argument 0 is a symbol/],
    [
      'an object holding a function',
      { a: { cb: function cb(): void {} } },
      /argument 0 \.a\.cb is a function \(cb\)/,
    ],
  ])(
    'R9 errors-and-clone: an argument that is %s fails that future with DataCloneError; the pool stays usable',
    async (_what, arg, why) => {
      const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
      const workerPid = await pool.submit<number>('pid').result();
      const bad = pool.submit('identity', arg);
      const good = pool.submit('add', 2, 2);
      const error = await rejectionOf(bad.result());
      expect(error).toBeInstanceOf(DataCloneError);
      expect(error).toBeInstanceOf(PoolError);
      expect(error.message).toMatch(/identity\(\)/);
      expect(error.message).toMatch(why);
      expect(error.message).toMatch(/cannot be cloned/);
      expect(await good.result()).toBe(4);
      // The same worker carries on: nothing crashed, nothing was restarted.
      expect(await pool.submit<number>('pid').result()).toBe(workerPid);
      expect(spawnedPids()).toEqual([workerPid]);
      await pool.shutdown();
      await expectAllDead(spawnedPids());
    },
  );

  test('R9 errors-and-clone: the argument that cannot be cloned is named by position', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const error = await rejectionOf(pool.submit('add', 1, Symbol('second')).result());
    expect(error).toBeInstanceOf(DataCloneError);
    expect(error.message).toMatch(/argument 1 is a symbol/);
  });

  test('R9 errors-and-clone: an unclonable map item fails at its position; the others before it arrive', async () => {
    const { pool } = startPool({ maxWorkers: 1 });
    const results: unknown[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const r of pool.map('typeOf', [1, 'two', () => 3, 4])) results.push(r);
      })(),
    );
    expect(results).toEqual(['number', 'string']);
    expect(error).toBeInstanceOf(DataCloneError);
    expect(error.message).toMatch(/is a function/);
    expect(await pool.submit('add', 1, 2).result()).toBe(3);
  });

  test.each([
    ['returnFunction', /its result is a function \(notSendable\)/],
    ['returnSymbol', /its result is a symbol/],
    ['returnObjectWithFunction', /its result \.nested\.callback is a function/],
  ])(
    'R9 errors-and-clone: a result that cannot be cloned (%s) fails that future with DataCloneError',
    async (fn, why) => {
      const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
      const error = await rejectionOf(pool.submit(fn).result());
      expect(error).toBeInstanceOf(DataCloneError);
      expect(error.message).toContain(`${fn}()`);
      expect(error.message).toMatch(why);
      expect(error.message).toMatch(/cannot be cloned/);
      expect(await pool.submit('add', 40, 2).result()).toBe(42);
      expect(spawnedPids()).toHaveLength(1);
      await pool.shutdown();
      await expectAllDead(spawnedPids());
    },
  );

  test('R9 errors-and-clone: an error with a property that cannot be cloned says which property', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 1 });
    const error = await rejectionOf(pool.submit('throwWithFunctionProp').result());
    expect(error).toBeInstanceOf(DataCloneError);
    expect(error.message).toContain('has a function');
    expect(error.message).toMatch(/\.handler is a function/);
    expect(error.cause).toBeInstanceOf(RemoteTraceback);
    expect((error.cause as RemoteTraceback).tb).toContain('tasks.mjs');
    expect(await pool.submit('add', 1, 1).result()).toBe(2);
    expect(spawnedPids()).toHaveLength(1);
    await pool.shutdown();
    await expectAllDead(spawnedPids());
  });
});
