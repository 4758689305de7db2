/**
 * The caller shutting the pool down before its work is done, as the
 * equivalent Python program does with `executor.shutdown(wait=…,
 * cancel_futures=…)`: after its N-th result (the run's settings), or when the
 * learner presses Shutdown during the run (as another thread of that program
 * would). Records what it did for the timeline and the notes: which tasks it
 * cancelled (those still waiting in the queue) and which were already handed
 * to a worker — those count as running, as in CPython, and run on.
 */
import { CancelledError, type ProcessPoolExecutor } from '../../pool';
import type { ShutdownPlan } from '../../../shared/run-spec';
import type { RunRecorder } from './recorder';

export class CallerShutdown {
  readonly #executor: ProcessPoolExecutor;
  readonly #recorder: RunRecorder;
  readonly plan: ShutdownPlan;
  #call: Promise<void> | null = null;

  constructor(executor: ProcessPoolExecutor, recorder: RunRecorder, plan: ShutdownPlan) {
    this.#executor = executor;
    this.#recorder = recorder;
    this.plan = plan;
  }

  get called(): boolean {
    return this.#call !== null;
  }

  /** The caller has received `received` results: shut down if that is the moment the settings name. */
  async afterResult(received: number): Promise<void> {
    if (this.plan.afterResults !== null && received === this.plan.afterResults) await this.now('program');
  }

  /**
   * Call shutdown(wait, cancel_futures) now — where the program says, or
   * because the learner pressed Shutdown; resolves when it returns (at once
   * with wait=False). Only the first call is recorded: calling it again
   * changes nothing, in CPython as here.
   */
  now(why: 'program' | 'button'): Promise<void> {
    this.#call ??= this.#shutdown(why);
    return this.#call;
  }

  /** Resolves once a shutdown the caller started (if any) has returned and been recorded. */
  async settled(): Promise<void> {
    await this.#call?.catch(() => undefined);
  }

  /**
   * With cancel_futures, a result the caller waits for may be a cancelled
   * future: the program catches CancelledError and goes on. True when
   * `error` is that case.
   */
  isCancellation(error: unknown): boolean {
    return this.plan.cancelFutures && error instanceof CancelledError;
  }

  async #shutdown(why: 'program' | 'button'): Promise<void> {
    const { wait, cancelFutures } = this.plan;
    const recorder = this.#recorder;
    // Read before the call: shutdown() cancels the queued tasks synchronously.
    const cancelled = cancelFutures ? recorder.queuedTasks : [];
    const handedOver = recorder.handedOverTasks;
    recorder.recordNow({ type: 'shutdown-called', wait, cancelFutures, cancelled, handedOver });
    // The program prints only its own lines; the button's call is not in it, so say what it did.
    if (why === 'button') {
      recorder.driver(
        `Shutdown pressed: shutdown(wait=${pyBool(wait)}, cancel_futures=${pyBool(cancelFutures)})`,
      );
    }
    await this.#executor.shutdown({ wait, cancelFutures });
    recorder.recordNow({ type: 'shutdown-returned' });
    recorder.driver('shutdown() returned');
  }
}

function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}
