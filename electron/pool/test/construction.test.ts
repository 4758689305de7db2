/**
 * R1 eager-validation: the constructor validates eagerly and starts no process.
 * (CPython: test_process_pool's max_workers / max_tasks_per_child checks, test_init.)
 */
import { availableParallelism } from 'node:os';
import { describe, expect, test } from 'vitest';
import { ProcessPoolExecutor } from '../index';
import { delay, startPool, TASKS, thrownBy, usePoolCleanup } from './helpers';

usePoolCleanup();

function make(options: Record<string, unknown>): ProcessPoolExecutor {
  return new ProcessPoolExecutor({ taskModule: TASKS, ...options } as never);
}

describe('R1 eager-validation: construction validates eagerly', () => {
  test.each([0, -1, -100])(
    'R1 eager-validation: maxWorkers %s throws "max_workers must be greater than 0"',
    (n) => {
      expect(() => make({ maxWorkers: n })).toThrow('max_workers must be greater than 0');
    },
  );

  test.each([1.5, Number.NaN, Infinity, '2', true])(
    'R1 eager-validation: non-integer maxWorkers %s throws',
    (n) => {
      expect(() => make({ maxWorkers: n })).toThrow(/max_workers must be greater than 0/);
    },
  );

  test('R1 eager-validation: maxWorkers defaults to os.availableParallelism()', () => {
    expect(make({}).maxWorkers).toBe(availableParallelism());
    expect(make({ maxWorkers: 3 }).maxWorkers).toBe(3);
  });

  test.each([0, -1, 1.5, Number.NaN, '1'])('R1 eager-validation: maxTasksPerChild %s throws', (k) => {
    expect(() => make({ maxTasksPerChild: k })).toThrow(/max_tasks_per_child/);
  });

  test('R1 eager-validation: maxTasksPerChild 1 and larger integers are accepted', () => {
    expect(() => make({ maxTasksPerChild: 1 })).not.toThrow();
    expect(() => make({ maxTasksPerChild: 1000 })).not.toThrow();
  });

  test.each([
    ['a number', 42],
    ['an object', {}],
    ['an array', []],
    ['a boolean', true],
  ])('R1 eager-validation: an initializer that is %s throws TypeError', (_label, init) => {
    const error = thrownBy(() => make({ initializer: init }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/initializer/);
  });

  test('R1 eager-validation: an anonymous initializer function throws (it cannot travel by name)', () => {
    // (An arrow written inside an object literal would take the property's name.)
    const anonymous = [() => undefined][0];
    const error = thrownBy(() => make({ initializer: anonymous }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/anonymous/);
  });

  test('R1 eager-validation: an initializer given as a named function or a name is accepted', () => {
    function init(): void {}
    expect(() => make({ initializer: init, initargs: [1] })).not.toThrow();
    expect(() => make({ initializer: 'init', initargs: ['x'] })).not.toThrow();
  });

  test('R1 eager-validation: initargs must be an array of cloneable values', () => {
    expect(() => make({ initializer: 'init', initargs: 'x' })).toThrow(/initargs/);
    expect(() => make({ initializer: 'init', initargs: [() => 1] })).toThrow(/initargs\[0\]/);
  });

  test('R1 eager-validation: a missing task module or options object throws at once', () => {
    expect(() => make({ taskModule: '/no/such/module.mjs' })).toThrow(/taskModule not found/);
    expect(() => new ProcessPoolExecutor(undefined as never)).toThrow(TypeError);
  });

  test('R1 eager-validation: construction starts no process', async () => {
    const { pool, events } = startPool({ maxWorkers: 4, initializer: 'init', initargs: [1] });
    await delay(200);
    expect(pool.pids).toEqual([]);
    expect(events).toEqual([]);
    // Shutting down a pool that never ran anything is immediate and starts nothing either.
    await pool.shutdown();
    expect(events).toEqual([]);
  });

  test('R1 eager-validation: the first submit is what starts a worker', async () => {
    const { pool, spawnedPids } = startPool({ maxWorkers: 4 });
    expect(spawnedPids()).toEqual([]);
    const workerPid = await pool.submit<number>('pid').result();
    expect(spawnedPids()).toEqual([workerPid]);
  });
});
