/**
 * The run on screen: folds the host's event batches into a RunModel and
 * tells the views at most once per animation frame. Also hands the raw
 * events to whoever prints them (the terminal), in order.
 *
 * Batches for a run we have not been told about yet (the host may stream a
 * run's first events before startRun's answer arrives) are kept until it is;
 * late events of an earlier run are ignored once a new one has begun.
 */
import type { RunMeta } from '../../../shared/api';
import type { RunEvent, RunEventBatch, RunOutcome } from '../../../shared/run-events';
import { RunModel } from '../../../shared/run-model';
import { LIVE_REFRESH_MS } from '../store/live-clock';
import { ObservableStore } from '../store/observable-store';

export type RunPhase = 'idle' | 'starting' | 'running' | 'finished';

/** How a run someone waited for ended: its outcome, or replaced by a newer run, or the host was lost. */
export type RunEnd = RunOutcome | 'lost' | 'replaced';

export interface RunEventsListener {
  /** A new run began: forget the previous one. */
  reset(): void;
  events(events: readonly RunEvent[]): void;
}

const MAX_STASHED_RUNS = 4;

export class RunSession extends ObservableStore {
  constructor() {
    super(LIVE_REFRESH_MS);
  }

  model = new RunModel();
  runId: string | null = null;
  /** What was sent with the run (its name, sweep group, the learner's prediction). */
  meta: RunMeta = {};
  phase: RunPhase = 'idle';
  /** When the run ended without the host saying so (connection lost). */
  lostMessage: string | null = null;
  /** performance.now() at the run's t = 0, as seen here. */
  #localStart: number | null = null;
  #phaseBeforeStart: RunPhase = 'idle';
  readonly #stash = new Map<string, RunEvent[]>();
  readonly #listeners = new Set<RunEventsListener>();
  readonly #waiters = new Map<string, ((end: RunEnd) => void)[]>();

  onEvents(listener: RunEventsListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * A run of a sweep or of Run × N is a measurement: its views are not
   * redrawn until it ends, so that drawing takes no CPU from the workers
   * being timed.
   */
  get measuring(): boolean {
    return this.phase === 'running' && /^(sweep|repeat)-/.test(this.meta.group ?? '');
  }

  get active(): boolean {
    return this.phase === 'running' || this.phase === 'starting';
  }

  receive(batch: RunEventBatch): void {
    if (batch.runId === this.runId) {
      this.#apply(batch.events);
      return;
    }
    // Possibly the run we are about to be told about: keep it for a moment.
    const kept = this.#stash.get(batch.runId) ?? [];
    kept.push(...batch.events);
    this.#stash.set(batch.runId, kept);
    while (this.#stash.size > MAX_STASHED_RUNS) this.#stash.delete(this.#stash.keys().next().value!);
  }

  /** Run was pressed; waiting for the host to accept it. */
  starting(): void {
    if (this.phase !== 'starting') this.#phaseBeforeStart = this.phase;
    this.phase = 'starting';
    this.changedSoon();
  }

  /** The host did not start the run (diagnostics or an error). */
  startFailed(): void {
    if (this.phase === 'starting') this.phase = this.#phaseBeforeStart;
    this.changedSoon();
  }

  /** Resolves when run `runId` ends (or another run replaces it on screen). */
  whenFinished(runId: string): Promise<RunEnd> {
    if (this.runId === runId && this.phase === 'finished') return Promise.resolve(this.outcome ?? 'lost');
    return new Promise((resolve) => {
      const list = this.#waiters.get(runId) ?? [];
      list.push(resolve);
      this.#waiters.set(runId, list);
    });
  }

  /** The host started run `runId`: show it from now on. */
  begin(runId: string, meta: RunMeta = {}): void {
    for (const [waiting] of this.#waiters) if (waiting !== runId) this.#settle(waiting, 'replaced');
    this.runId = runId;
    this.meta = meta;
    this.model = new RunModel();
    this.phase = 'running';
    this.lostMessage = null;
    this.#localStart = null;
    for (const listener of this.#listeners) listener.reset();
    const stashed = this.#stash.get(runId);
    this.#stash.clear();
    if (stashed) this.#apply(stashed);
    this.changedSoon();
  }

  /** The host can no longer be reached: the run is over as far as we can tell. */
  markLost(message: string): void {
    if (this.phase !== 'running') return;
    this.lostMessage = message;
    this.phase = 'finished';
    if (this.runId !== null) this.#settle(this.runId, 'lost');
    this.changedSoon();
  }

  /** The outcome to show: the host's, or "lost" when the connection dropped mid-run. */
  get outcome(): RunOutcome | 'lost' | null {
    if (this.model.finish) return this.model.finish.outcome;
    return this.lostMessage ? 'lost' : null;
  }

  /** Milliseconds since the run started, as of now (moves on between events while running). */
  nowMs(): number {
    const model = this.model;
    if (model.finish) return model.finish.wallMs;
    if (this.phase !== 'running' || this.#localStart === null) return model.lastT;
    return Math.max(model.lastT, performance.now() - this.#localStart);
  }

  #apply(events: readonly RunEvent[]): void {
    if (events.length === 0) return;
    if (this.#localStart === null) {
      const first = events[0]!;
      this.#localStart = performance.now() - first.t;
    }
    this.model.applyAll(events);
    if (this.model.finish && this.phase === 'running') this.phase = 'finished';
    for (const listener of this.#listeners) listener.events(events);
    if (this.model.finish && this.runId !== null) this.#settle(this.runId, this.model.finish.outcome);
    if (!this.measuring) this.changedSoon();
  }

  #settle(runId: string, end: RunEnd): void {
    const list = this.#waiters.get(runId);
    if (!list) return;
    this.#waiters.delete(runId);
    for (const resolve of list) resolve(end);
  }
}
