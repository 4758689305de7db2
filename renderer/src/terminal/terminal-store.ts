/**
 * The terminal's content for the current run: every line printed so far
 * (the newest 20,000), cleared when a new run begins. The xterm view writes
 * what is new; the text mirror shows the tail. Half-printed lines are
 * flushed after a short pause so a progress dot still shows up.
 */
import type { RunEvent } from '../../../shared/run-events';
import { LIVE_REFRESH_MS } from '../store/live-clock';
import { ObservableStore } from '../store/observable-store';
import type { RunEventsListener } from '../run/run-session';
import { TerminalFeed, type TermLine } from './terminal-feed';

const MAX_LINES = 20_000;
const PARTIAL_FLUSH_MS = 250;

let nextId = 1;

export class TerminalStore extends ObservableStore implements RunEventsListener {
  constructor() {
    super(LIVE_REFRESH_MS);
  }

  /** Tells stores apart (the view makes a fresh terminal for each). */
  readonly id = nextId++;
  lines: TermLine[] = [];
  /** Lines appended since the last clear (including those dropped from the front). */
  total = 0;
  /** Bumps on every clear. */
  generation = 0;
  #feed = new TerminalFeed();
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Empty the terminal (a new run began, or the learner cleared it). */
  reset(): void {
    this.lines = [];
    this.total = 0;
    this.generation++;
    this.#feed = new TerminalFeed();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.changedSoon();
  }

  events(events: readonly RunEvent[]): void {
    this.#append(this.#feed.push(events));
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#feed.hasPartials) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.#append(this.#feed.flushPartials());
      }, PARTIAL_FLUSH_MS);
    }
  }

  /** Lines appended after `seen` (an earlier `total`) that are still kept. */
  since(seen: number): TermLine[] {
    const first = this.total - this.lines.length;
    return this.lines.slice(Math.max(0, seen - first));
  }

  #append(lines: TermLine[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.lines.push(line);
    this.total += lines.length;
    // Trim in steps, not on every line.
    if (this.lines.length > MAX_LINES * 1.25) this.lines = this.lines.slice(this.lines.length - MAX_LINES);
    this.changedSoon();
  }
}
