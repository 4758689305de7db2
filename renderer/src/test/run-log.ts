/** Hand-written run logs for the timeline's tests: each step one event, in order. */
import type { RunEvent, TaskStatus, WorkerExitReason } from '../../../shared/run-events';
import { RunModel } from '../../../shared/run-model';
import { DEFAULT_RUN_SPEC } from '../../../shared/run-spec';

export class RunLog {
  readonly events: RunEvent[] = [];

  constructor(taskCount = 0) {
    this.events.push({
      type: 'run-started',
      runId: 'run-1',
      spec: { ...DEFAULT_RUN_SPEC, code: '' },
      epoch: 0,
      cpus: 2,
      taskCount,
      inputCount: taskCount,
      t: 0,
    });
  }

  add(event: RunEvent): this {
    this.events.push(event);
    return this;
  }

  worker(worker: number, pid: number, spawned: number, ready: number | null): this {
    this.add({ type: 'worker-spawned', worker, pid, t: spawned });
    if (ready !== null) this.add({ type: 'worker-ready', worker, pid, t: ready });
    return this;
  }

  /** A task submitted at `submitted` that ran on `worker` from `started` to `finished`. */
  task(
    task: number,
    worker: number | null,
    pid: number | null,
    times: { submitted: number; started?: number; finished?: number },
    status: TaskStatus = 'ok',
  ): this {
    this.add({
      type: 'task-submitted',
      task,
      fn: 'f',
      label: `f(${task})`,
      index: task,
      items: 1,
      args: String(task),
      t: times.submitted,
    });
    if (worker !== null && pid !== null && times.started !== undefined) {
      this.add({ type: 'task-dispatched', task, worker, pid, t: times.started });
      this.add({ type: 'task-started', task, worker, pid, t: times.started });
    }
    if (times.finished !== undefined) {
      this.add({
        type: 'task-finished',
        task,
        status,
        worker,
        pid,
        started: times.started ?? null,
        finished: times.started !== undefined ? times.finished : null,
        ...(status === 'ok' ? { result: String(task * task) } : {}),
        ...(status === 'error' ? { error: { name: 'ValueError', message: 'bad input' } } : {}),
        t: times.finished,
      });
    }
    return this;
  }

  exit(
    worker: number,
    pid: number,
    t: number,
    reason: WorkerExitReason,
    code: number | null = 0,
    signal: string | null = null,
  ): this {
    return this.add({ type: 'worker-exited', worker, pid, code, signal, reason, t });
  }

  end(wallMs: number, outcome: 'ok' | 'error' | 'stopped' | 'broken' | 'timeout' = 'ok'): this {
    return this.add({ type: 'run-finished', outcome, wallMs, t: wallMs });
  }

  model(): RunModel {
    return RunModel.from(this.events);
  }
}
