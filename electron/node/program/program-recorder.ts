/**
 * The run log of a whole TypeScript program, recorded in its driver process:
 * the host's RunRecorder (previews, output cap, batches), fed by every
 * executor the program creates. Each executor numbers its workers from 0, so
 * their lanes are renumbered across the program, and each task and lane says
 * which executor it belongs to.
 */
import type { PoolEvent } from '../../pool';
import type { RunEvent } from '../../../shared/run-events';
import { RunRecorder } from '../host/recorder';

export class ProgramRecorder extends RunRecorder {
  /** Lane index by "executor:worker". */
  readonly #lanes = new Map<string, number>();
  readonly #laneExecutor = new Map<number, number>();
  readonly #taskExecutor = new Map<number, number>();
  readonly #delivered = new Set<number>();
  /** How each task ended, once it has (task-finished). */
  readonly #outcome = new Map<number, 'ok' | 'error' | 'cancelled'>();

  /** An event of executor number `executor` (from 1). */
  onExecutorEvent(executor: number, event: PoolEvent): void {
    if (event.type === 'task-submitted') this.#taskExecutor.set(event.task, executor);
    if (event.type === 'task-finished') this.#outcome.set(event.task, event.status);
    if ('worker' in event && event.worker !== undefined) {
      this.onPoolEvent({ ...event, worker: this.#lane(executor, event.worker) });
    } else {
      this.onPoolEvent(event);
    }
  }

  /** The caller now has this task's outcome: recorded once, the first time. */
  deliveredOnce(task: number): void {
    if (this.#delivered.has(task)) return;
    this.#delivered.add(task);
    this.delivered(task);
  }

  /** Tasks of `executor` that have not ended yet. */
  openTasks(executor: number): number[] {
    const open: number[] = [];
    for (const [task, owner] of this.#taskExecutor)
      if (owner === executor && !this.#outcome.has(task)) open.push(task);
    return open;
  }

  /** Whether a task ended cancelled. */
  wasCancelled(task: number): boolean {
    return this.#outcome.get(task) === 'cancelled';
  }

  override record(event: RunEvent): void {
    if (event.type === 'task-submitted') {
      const executor = this.#taskExecutor.get(event.task);
      super.record(executor === undefined ? event : { ...event, executor });
    } else if (event.type === 'worker-spawned') {
      const executor = this.#laneExecutor.get(event.worker);
      super.record(executor === undefined ? event : { ...event, executor });
    } else {
      super.record(event);
    }
  }

  #lane(executor: number, worker: number): number {
    const key = `${executor}:${worker}`;
    let lane = this.#lanes.get(key);
    if (lane === undefined) {
      lane = this.#lanes.size;
      this.#lanes.set(key, lane);
      this.#laneExecutor.set(lane, executor);
    }
    return lane;
  }
}
