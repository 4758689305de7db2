/**
 * 5 · Shutting down: the caller calls executor.shutdown() after its first
 * result. wait=True waits for the work, wait=False returns at once, and
 * cancel_futures=True cancels what is still in the queue — but not what was
 * already handed to a worker process, which counts as running.
 */
import { DEFAULT_RUN_SPEC } from '../run-spec';
import type { Example } from './types';

const SHUTDOWN_CODE = `// Work of different lengths: a shorter task first, two long ones,
// then short ones waiting in the queue.

export function work(seconds: number): number {
  sleep(seconds * 1000);
  return seconds;
}
`;

/**
 * One shorter task, two long ones, six short ones, on 3 workers: after the first result two are
 * running. The first lasts long enough (0.8 s) for the other two processes to be up and working
 * by then even where starting one takes half a second.
 */
const SHUTDOWN_SPEC = {
  ...DEFAULT_RUN_SPEC,
  fn: 'work',
  mode: 'submit' as const,
  inputs: '[0.8, 1.5, 1.5, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]',
  maxWorkers: 3,
};

export const SHUTTING_DOWN: readonly Example[] = [
  {
    id: 'shutdown-wait',
    group: 'shutdown',
    concept: 'shutdown(wait=True) waits',
    title: 'shutdown(wait=True) after the first result',
    summary: 'Nine tasks on 3 workers; after the first result the caller calls shutdown(wait=True).',
    lookFor:
      'After the first result the caller calls shutdown(wait=True). It does not return until every ' +
      'task already submitted has finished — the queued ones too — so "shutdown() returned" prints ' +
      'after the last task ends, and every later result is already there. Shutdown only stops new ' +
      'work from being submitted.',
    language: 'typescript',
    code: SHUTDOWN_CODE,
    spec: { ...SHUTDOWN_SPEC, shutdown: { afterResults: 1, wait: true, cancelFutures: false } },
  },
  {
    id: 'shutdown-nowait',
    group: 'shutdown',
    concept: 'shutdown(wait=False) returns at once',
    title: 'shutdown(wait=False) after the first result',
    summary: 'The same nine tasks; this time the caller calls shutdown(wait=False).',
    lookFor:
      'shutdown(wait=False) returns at once: "shutdown() returned" prints right after the first ' +
      'result, while the tasks go on running. The caller then collects the other results as they ' +
      'come, and every task still finishes.',
    language: 'typescript',
    code: SHUTDOWN_CODE,
    spec: { ...SHUTDOWN_SPEC, shutdown: { afterResults: 1, wait: false, cancelFutures: false } },
  },
  {
    id: 'shutdown-cancel',
    group: 'shutdown',
    concept: 'cancel_futures=True cancels what has not started',
    title: 'shutdown(wait=True, cancel_futures=True)',
    summary: 'The same nine tasks; after the first result: shutdown(wait=True, cancel_futures=True).',
    lookFor:
      'cancel_futures=True cancels the tasks still waiting in the queue: they never run, and the ' +
      'caller gets CancelledError for each ("cancelled"). Tasks already handed to a worker count as ' +
      'running, as in CPython, and finish: "What happened" lists which tasks were handed over and ' +
      'which were cancelled. shutdown() returns when the handed-over ones are done.',
    language: 'typescript',
    code: SHUTDOWN_CODE,
    spec: { ...SHUTDOWN_SPEC, shutdown: { afterResults: 1, wait: true, cancelFutures: true } },
  },
];
