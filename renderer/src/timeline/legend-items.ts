/**
 * What the legend explains: every kind of mark that the timeline on screen
 * shows, each with a small picture drawn by the same painter as the
 * timeline (so the legend cannot drift from the drawing).
 */
import type { RunModel } from '../../../shared/run-model';
import type { TimelineColors } from './colors';
import type { RunMarks } from './marks';
import type { Painter } from './painter';

export const SWATCH = { width: 24, height: 12 };

export interface LegendItem {
  key: string;
  label: string;
  /** The colour the exported picture's chip uses. */
  color: string;
  draw(p: Painter, c: TimelineColors): void;
}

const W = SWATCH.width;
const H = SWATCH.height;

const ITEMS: Record<string, Omit<LegendItem, 'key'>> = {
  waiting: {
    label: 'waiting (hollow)',
    color: '--bar-waiting',
    draw: (p, c) => {
      p.rect(1, 2, W - 2, H - 4, c.waiting, 0.18);
      p.strokeRect(1, 2, W - 2, H - 4, c.waiting, 1.5);
    },
  },
  running: {
    label: 'running (striped, live edge)',
    color: '--bar-running',
    draw: (p, c) => {
      p.rect(0, 1, W, H - 2, c.running);
      p.stripes(0, 1, W, H - 2, c.runningStripe, 8);
      p.rect(W - 3, 1, 3, H - 2, c.outline, 0.9);
    },
  },
  done: { label: 'done', color: '--bar-done', draw: (p, c) => p.rect(0, 1, W, H - 2, c.done) },
  failed: {
    label: 'failed (cross-hatched, ✕)',
    color: '--bar-failed',
    draw: (p, c) => {
      p.rect(0, 1, W, H - 2, c.failed);
      p.stripes(0, 1, W, H - 2, c.runningStripe, 10, true);
      p.text(W / 2, H / 2, '✕', { color: c.barText, size: 10, align: 'center', bold: true });
    },
  },
  'instant-failure': {
    label: 'failed at once (drawn at least 2 px wide, ✕ above)',
    color: '--bar-failed',
    draw: (p, c) => {
      p.rect(W / 2 - 1, 4, 3, H - 4, c.failed);
      p.text(W / 2, 2.5, '✕', { color: c.failed, size: 7, align: 'center', bold: true });
    },
  },
  cancelled: {
    label: 'cancelled (dashed outline, ⊘)',
    color: '--bar-cancelled',
    draw: (p, c) => p.strokeRect(1, 2, W - 2, H - 4, c.cancelled, 1.5, [3, 2]),
  },
  block: {
    label: 'many tasks in a few pixels (zoom in to see each)',
    color: '--bar-done',
    draw: (p, c) => {
      p.rect(0, 1, W, H - 2, c.done, 0.75);
      p.rect(0, H - 4, W, 3, c.outline, 0.35);
    },
  },
  startup: {
    label: 'process start-up',
    color: '--fg-muted',
    draw: (p, c) => {
      p.rect(0, 1, W, H - 2, c.worker(0), 0.5);
      p.stripes(0, 1, W, H - 2, c.hatch);
    },
  },
  idle: {
    label: 'process alive, idle',
    color: '--fg-muted',
    draw: (p, c) => p.rect(0, 1, W, H - 2, c.worker(0), Math.max(0.25, c.lifeOpacity)),
  },
  exit: {
    label: 'process exited',
    color: '--fg-muted',
    draw: (p, c) => p.line(W / 2, 0, W / 2, H, c.muted, 2),
  },
  crash: {
    label: 'process died (exit code or signal) and broke the pool',
    color: '--bar-failed',
    draw: (p, c) => {
      p.line(6, 0, 6, H, c.failed, 3);
      p.text(14, H / 2, '✕', { color: c.failed, size: 10, align: 'center', bold: true });
    },
  },
  recycled: {
    label: 'recycled after max tasks per child ↻, and who took over',
    color: '--tl-link',
    draw: (p, c) => {
      p.line(4, 0, 4, H / 2, c.muted, 2);
      p.polyline([4, 3, 12, 3, 12, H - 3, W, H - 3], c.link, 1.5, [3, 2]);
    },
  },
  init: {
    label: 'initializer run',
    color: '--tl-init',
    draw: (p, c) => {
      p.rect(2, 3, W - 4, H - 6, c.init);
      p.strokeRect(2, 3, W - 4, H - 6, c.outline, 1);
    },
  },
  delivery: {
    label: 'result reached the caller (1 = first)',
    color: '--marker-bg',
    draw: (p, c) => {
      p.circle(W / 2, H / 2, H / 2 - 0.5, c.markerBg);
      p.text(W / 2, H / 2, '1', { color: c.markerFg, size: 8, align: 'center', bold: true });
    },
  },
  concurrency: {
    label: 'tasks waiting / running at once',
    color: '--bar-running',
    draw: (p, c) => {
      p.polygon([0, H / 2, 0, 2, 10, 2, 10, 4, W, 4, W, H / 2], c.waiting, 0.85);
      p.polygon([0, H, 0, H / 2 + 2, 14, H / 2 + 2, 14, H / 2 + 4, W, H / 2 + 4, W, H], c.running, 0.85);
    },
  },
  deadline: {
    label: 'timeout: the caller’s deadline',
    color: '--tl-deadline',
    draw: (p, c) => p.line(W / 2, 0, W / 2, H, c.deadline, 2, [3, 2]),
  },
  'timed-out': {
    label: 'TimeoutError in the caller',
    color: '--bar-failed',
    draw: (p, c) => {
      p.polygon([W / 2, 0, W / 2 + 6, H / 2, W / 2, H, W / 2 - 6, H / 2], c.failed);
      p.text(W / 2, H / 2, '✕', { color: c.barText, size: 7, align: 'center', bold: true });
    },
  },
  stop: {
    label: 'Stop pressed',
    color: '--tl-stop',
    draw: (p, c) => p.line(W / 2, 0, W / 2, H, c.stop, 2),
  },
  shutdown: {
    label: 'shutdown() called and returned',
    color: '--tl-shutdown',
    draw: (p, c) => {
      p.line(4, 0, 4, H, c.shutdown, 1.5, [3, 2]);
      p.line(4, H - 2, W - 4, H - 2, c.shutdown, 2);
      p.line(W - 4, 3, W - 4, H, c.shutdown, 2);
    },
  },
  now: {
    label: 'now',
    color: '--tl-now',
    draw: (p, c) => p.line(W / 2, 0, W / 2, H, c.now, 2),
  },
};

export interface LegendFacts {
  model: RunModel;
  marks: RunMarks;
  blocks: number;
  concurrency: boolean;
  live: boolean;
}

/** The legend's items for what is on screen. */
export function legendItems(f: LegendFacts): LegendItem[] {
  const { model, marks } = f;
  const keys: string[] = [];
  if (f.concurrency) keys.push('concurrency');
  keys.push('waiting', 'running', 'done');
  if (marks.failed > 0) keys.push('failed');
  if (marks.instantFailures > 0) keys.push('instant-failure');
  if (marks.cancelled > 0) keys.push('cancelled');
  if (f.blocks > 0) keys.push('block');
  keys.push('startup', 'idle', 'exit');
  if (marks.inits > 0) keys.push('init');
  if (marks.crashes.length > 0) keys.push('crash');
  if (marks.recycles.length > 0) keys.push('recycled');
  keys.push('delivery');
  if (marks.deadline) keys.push('deadline');
  if (marks.deadline?.timedOut) keys.push('timed-out');
  if (marks.shutdown) keys.push('shutdown');
  if (marks.stop !== null) keys.push('stop');
  if (f.live) keys.push('now');
  void model;
  return keys.map((key) => ({ key, ...ITEMS[key]! }));
}
