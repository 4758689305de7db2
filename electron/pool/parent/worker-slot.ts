/**
 * One worker process as the executor sees it: its state from start to exit,
 * the tasks sent to it, how it is asked to stop (politely, then by signal),
 * and — once it is gone — why: an expected stop, or a crash or running out
 * of memory, which break the pool (R12 broken-pool). While it is starting,
 * has work or is stopping it holds the parent's event loop open (loop-hold.ts);
 * idle, it does not, so a script that forgets shutdown() still exits.
 */
import type { WorkerExitReason } from './events';
import type { WorkerExit, WorkerHandle } from './launcher';
import { holdLoop, releaseLoop } from './loop-hold';
import type { WorkItem } from './work-item';

export type SlotState = 'starting' | 'ready' | 'stopping' | 'exited';

/** Grace periods before a stop escalates to SIGKILL. */
const EXIT_GRACE_MS = 3000;
const TERM_GRACE_MS = 1000;
const STDERR_TAIL_CHARS = 4096;

export interface SlotExit {
  reason: WorkerExitReason;
  /** The executor asked it to stop (recycled, shutdown, killed, init-failed). */
  expected: boolean;
  /** "worker process 123 was killed by signal SIGKILL", for error messages. */
  description: string;
}

export class WorkerSlot {
  pid: number | null = null;
  state: SlotState = 'starting';
  /** Sent to the worker, not yet finished; the first one is running. */
  readonly inflight: WorkItem[] = [];
  /** Tasks handed to this worker so far (for maxTasksPerChild). */
  assigned = 0;
  /** When it last went idle, as a count of such moments (the largest is the most recent). */
  idleSince = 0;
  stopReason: WorkerExitReason | null = null;
  /** The last few KB of raw stderr: tells an out-of-memory death from others. */
  #stderrTail = '';
  #killTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether this worker holds the event loop open now. */
  #holdsLoop = false;
  handle!: WorkerHandle;

  constructor(readonly index: number) {}

  get live(): boolean {
    return this.state === 'starting' || this.state === 'ready';
  }

  noteStderr(text: string): void {
    this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_CHARS);
  }

  /** Ask the worker to stop: politely (`exit` message) or with a signal; escalate if it lingers. */
  stop(reason: WorkerExitReason, how: 'exit' | 'SIGTERM' | 'SIGKILL'): void {
    if (this.state === 'exited') return;
    if (this.stopReason === null || reason === 'killed') this.stopReason = reason;
    this.state = 'stopping';
    this.syncLoopHold();
    if (how === 'exit') this.handle.send({ t: 'exit' });
    else this.handle.signal(how);
    if (how !== 'SIGKILL' && this.#killTimer === null) {
      this.#killTimer = setTimeout(
        () => this.handle.signal('SIGKILL'),
        how === 'exit' ? EXIT_GRACE_MS : TERM_GRACE_MS,
      );
    }
  }

  /** Hold the event loop while starting, busy or stopping; call after `state` or `inflight` changes. */
  syncLoopHold(): void {
    const want =
      this.state === 'starting' ||
      this.state === 'stopping' ||
      (this.state === 'ready' && this.inflight.length > 0);
    if (want === this.#holdsLoop) return;
    this.#holdsLoop = want;
    if (want) holdLoop();
    else releaseLoop();
  }

  /** The process is gone: mark the slot exited and say why it ended. */
  exited(exit: WorkerExit): SlotExit {
    const expected = this.stopReason !== null;
    this.state = 'exited';
    this.syncLoopHold();
    if (this.#killTimer !== null) clearTimeout(this.#killTimer);
    const reason = this.stopReason ?? classifyDeath(exit, this.#stderrTail);
    return { reason, expected, description: describeExit(this.pid, exit, reason) };
  }
}

function classifyDeath(exit: WorkerExit, stderrTail: string): WorkerExitReason {
  if (exit.reason === 'oom' || /heap out of memory|Reached heap limit|allocation failed/i.test(stderrTail)) {
    return 'oom';
  }
  return 'crash';
}

function describeExit(pid: number | null, exit: WorkerExit, reason: WorkerExitReason): string {
  const who = `worker process ${pid ?? '(not started)'}`;
  const status =
    exit.signal !== null
      ? `was killed by signal ${exit.signal}`
      : exit.code !== null
        ? `exited with code ${exit.code}`
        : `ended (${exit.reason ?? 'unknown cause'})`;
  return reason === 'oom' ? `${who} ran out of memory and ${status}` : `${who} ${status}`;
}
