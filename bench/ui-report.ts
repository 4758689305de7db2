/**
 * The printout of `npm run bench:ui` (pure): each figure's median over the
 * repetitions with its range, and its target with a mark when it is met.
 */
import { median } from './stats';

export interface Figure {
  key: string;
  value?: number;
  unit?: string;
  /** A figure in words (a refusal, the load average). */
  text?: string;
  /** The target: at most this (or at least, when `higher`). */
  target?: number;
  higher?: boolean;
  /**
   * The figure comes in whole steps of this size — frame intervals are whole display refreshes
   * (16.67 ms at 60 Hz): the target is then judged in steps, so "≤ 33 ms" means "at most two
   * refreshes" and a 33.3 ms frame meets it (as 50.0 ms meets "≤ 50 ms", three refreshes).
   */
  step?: { size: number; one: string; many: string };
}

/** Whole steps in `x` (a frame of 33.4 ms is two refreshes). */
function steps(x: number, size: number): number {
  return Math.round(x / size);
}

export interface Section {
  title: string;
  /** One list of figures per repetition. */
  reps: Figure[][];
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** One line per figure: `key  median unit [min–max]  target`. */
export function formatReport(sections: readonly Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(section.title);
    const keys = [...new Set(section.reps.flatMap((rep) => rep.map((f) => f.key)))];
    for (const key of keys) {
      const figures = section.reps
        .map((rep) => rep.find((f) => f.key === key))
        .filter((f): f is Figure => f !== undefined);
      const first = figures[0]!;
      const label = `  ${key}`.padEnd(42);
      if (first.value === undefined || figures.some((f) => f.text !== undefined && f.value === undefined)) {
        lines.push(`${label}${figures.map((f) => f.text ?? fmt(f.value ?? NaN)).join(' | ')}`);
        continue;
      }
      const values = figures.map((f) => f.value!).filter(Number.isFinite);
      const mid = median(values);
      const range = values.length > 1 ? ` [${fmt(Math.min(...values))}–${fmt(Math.max(...values))}]` : '';
      let target = '';
      if (first.target !== undefined) {
        const step = first.step;
        // Judged as printed (16.7 ms frames meet a 16.7 ms target), or in whole steps.
        const shown = step ? steps(mid, step.size) : Number(fmt(mid));
        const goal = step ? steps(first.target, step.size) : first.target;
        const met = first.higher ? shown >= goal : shown <= goal;
        const inSteps = step ? ` (${goal} ${goal === 1 ? step.one : step.many})` : '';
        target = `  target ${first.higher ? '≥' : '≤'} ${first.target}${first.unit ? ` ${first.unit}` : ''}${inSteps} ${
          Number.isFinite(mid) ? (met ? '✓' : '✗') : ''
        }`;
      }
      lines.push(`${label}${fmt(mid)}${first.unit ? ` ${first.unit}` : ''}${range}${target}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
