/**
 * Replaying a saved run: its log applied again, in time, at 0.25× to 4×, or
 * one event at a time (forward and back), so a teacher can pause on the
 * moment that matters. The timeline and the terminal show the replay as
 * they show a live run.
 */
import type { RunEvent } from '../../../shared/run-events';
import { RunModel } from '../../../shared/run-model';
import { ObservableStore } from '../store/observable-store';
import { TerminalStore } from '../terminal/terminal-store';
import type { RunPhase } from './run-session';
import type { ShownRun } from './run-viewer';

export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
const TICK_MS = 50;

export class ReplayRun extends ObservableStore implements ShownRun {
  readonly runId: string;
  readonly #events: readonly RunEvent[];
  model = new RunModel();
  terminal = new TerminalStore();
  /** How many events are applied. */
  applied = 0;
  /** The replay's clock: ms since the run started. */
  clock = 0;
  speed = 1;
  playing = false;
  #timer: ReturnType<typeof setInterval> | null = null;
  #last = 0;

  constructor(runId: string, events: readonly RunEvent[]) {
    super();
    this.runId = runId;
    this.#events = events;
  }

  get total(): number {
    return this.#events.length;
  }

  /** The whole run's length: the axis stays put while the replay fills it. */
  get fullMs(): number {
    const last = this.#events.at(-1);
    return last?.type === 'run-finished' ? last.wallMs : (last?.t ?? 0);
  }

  get phase(): RunPhase {
    return this.applied < this.#events.length ? 'running' : 'finished';
  }

  /** The last event applied (what "step" just showed). */
  get current(): RunEvent | null {
    return this.applied > 0 ? this.#events[this.applied - 1]! : null;
  }

  nowMs(): number {
    return this.clock;
  }

  play(): void {
    if (this.applied >= this.#events.length) this.#rebuild(0);
    this.playing = true;
    this.#last = performance.now();
    this.#timer ??= setInterval(() => this.#tick(), TICK_MS);
    this.changed();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.changed();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.changed();
  }

  /** One event on (paused). */
  stepForward(): void {
    this.pause();
    if (this.applied >= this.#events.length) return;
    const event = this.#events[this.applied]!;
    this.#apply(this.applied + 1);
    this.clock = Math.max(this.clock, event.t);
    this.changed();
  }

  /** One event back (paused). */
  stepBack(): void {
    this.pause();
    if (this.applied === 0) return;
    this.#rebuild(this.applied - 1);
    this.changed();
  }

  /** Back to the start (paused). */
  restart(): void {
    this.pause();
    this.#rebuild(0);
    this.changed();
  }

  dispose(): void {
    this.pause();
  }

  #tick(): void {
    const now = performance.now();
    this.clock += (now - this.#last) * this.speed;
    this.#last = now;
    let upTo = this.applied;
    while (upTo < this.#events.length && this.#events[upTo]!.t <= this.clock) upTo++;
    if (upTo > this.applied) this.#apply(upTo);
    if (this.applied >= this.#events.length) {
      this.clock = this.fullMs;
      this.pause();
      return;
    }
    this.changedSoon();
  }

  #apply(upTo: number): void {
    const batch = this.#events.slice(this.applied, upTo);
    this.model.applyAll(batch);
    this.terminal.events(batch);
    this.applied = upTo;
  }

  /** A fresh model and terminal with the first `count` events (going back needs a rebuild). */
  #rebuild(count: number): void {
    this.model = new RunModel();
    this.terminal = new TerminalStore();
    this.applied = 0;
    this.#apply(count);
    this.clock = count > 0 ? this.#events[count - 1]!.t : 0;
  }
}
