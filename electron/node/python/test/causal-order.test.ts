/**
 * Events from different processes, read in the wrong order, come out in
 * causal order; an effect whose cause never comes is not held forever.
 */
import { describe, expect, test } from 'vitest';
import { CausalOrder } from '../causal-order';
import type { TracerEvent } from '../tracer-events';

const CALLER = 100;
const WORKER = 200;
const thread = { tid: 1, thread: 'MainThread' };

const submitted = (task: string): TracerEvent => ({
  type: 'task-submitted',
  task,
  executor: '100.1',
  map: null,
  fn: 'f',
  args: [],
  ...thread,
  at: 1,
  pid: CALLER,
});
const started = (task: string): TracerEvent => ({
  type: 'task-started',
  task,
  ...thread,
  at: 2,
  pid: WORKER,
});
const finished = (task: string): TracerEvent => ({
  type: 'task-finished',
  task,
  status: 'ok',
  started: 2,
  result: '1',
  ...thread,
  at: 3,
  pid: WORKER,
});
const settled = (task: string, status: 'ok' | 'error' | 'cancelled' = 'ok'): TracerEvent => ({
  type: 'task-settled',
  task,
  executor: '100.1',
  status,
  at: 4,
  pid: CALLER,
});
const delivered = (task: string): TracerEvent => ({
  type: 'task-delivered',
  task,
  executor: '100.1',
  via: 'result',
  at: 5,
  pid: CALLER,
});

function recorder(holdMs = 10_000, connected: number[] = []) {
  const out: string[] = [];
  const order = new CausalOrder(
    (e) => out.push('task' in e ? `${e.type} ${e.task}` : e.type),
    (pid) => connected.includes(pid),
    holdMs,
  );
  return { order, out };
}

describe('causal order', () => {
  test('a settle and delivery read before the worker finished wait for it', () => {
    const { order, out } = recorder();
    order.push(submitted('t'));
    order.push(settled('t'));
    order.push(delivered('t'));
    expect(out).toEqual(['task-submitted t']);
    order.push(started('t'));
    order.push(finished('t'));
    expect(out).toEqual([
      'task-submitted t',
      'task-started t',
      'task-finished t',
      'task-settled t',
      'task-delivered t',
    ]);
  });

  test("an event waiting for its cause holds back the later events of its process, not others'", () => {
    const { order, out } = recorder();
    order.push(submitted('a'));
    order.push(submitted('b'));
    order.push(started('a'));
    order.push(started('b'));
    order.push(settled('a')); // the caller read before the worker finished: waits
    order.push(delivered('a'));
    order.push(settled('b'));
    order.push(delivered('b'));
    order.push(finished('b'));
    expect(out.slice(4)).toEqual(['task-finished b']); // b's settling must not overtake a's
    order.push(finished('a'));
    expect(out.slice(5)).toEqual([
      'task-finished a',
      'task-settled a',
      'task-delivered a',
      'task-settled b',
      'task-delivered b',
    ]);
  });

  test('a worker event read before its submission waits for it', () => {
    const { order, out } = recorder();
    order.push(started('t'));
    expect(out).toEqual([]);
    order.push(submitted('t'));
    expect(out).toEqual(['task-submitted t', 'task-started t']);
  });

  test('a cancelled task settles at once; a dead worker releases the settle of its task', () => {
    const { order, out } = recorder();
    order.push(submitted('a'));
    order.push(settled('a', 'cancelled'));
    order.push(submitted('b'));
    order.push(started('b'));
    order.push(settled('b', 'error'));
    expect(out).toEqual(['task-submitted a', 'task-settled a', 'task-submitted b', 'task-started b']);
    order.closed(WORKER);
    expect(out.at(-1)).toBe('task-settled b');
  });

  test('a process exit waits for the last words of that process, if it ever connected', () => {
    const { order, out } = recorder(10_000, [WORKER]);
    const exited = (child: number): TracerEvent => ({
      type: 'process-exited',
      child,
      exitCode: 0,
      signal: null,
      executor: null,
      at: 6,
      pid: CALLER,
    });
    order.push(exited(999)); // never wrote anything: nothing to wait for
    expect(out).toEqual(['process-exited']);
    order.push(exited(WORKER));
    expect(out).toEqual(['process-exited']);
    order.closed(WORKER);
    expect(out).toEqual(['process-exited', 'process-exited']);
  });

  test('an effect whose cause never comes is released after the hold, and by flush', async () => {
    const { order, out } = recorder(30);
    order.push(submitted('t'));
    order.push(settled('t', 'error'));
    expect(out).toEqual(['task-submitted t']);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(out).toEqual(['task-submitted t', 'task-settled t']);

    const other = recorder(10_000);
    other.order.push(delivered('x'));
    other.order.flush();
    expect(other.out).toEqual(['task-delivered x']);
  });
});
