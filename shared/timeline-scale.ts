/**
 * The time axis of a timeline: how far it reaches (fitting a finished run,
 * or growing in calm steps while one runs, so bars do not jitter on every
 * frame) and where its ticks go. Times are milliseconds since the run
 * started; labels are in seconds, as the app shows them. Pure functions, so
 * the live view, replay and comparison share one axis logic.
 */

/** Axis ends a live run grows through, per decade: 1, 1.5, 2, 3, 4, 5, 6, 8 (× 10ⁿ ms). */
const LIVE_STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];
/** Tick spacings, per decade (× 10ⁿ ms). */
const TICK_STEPS = [1, 2, 2.5, 5, 10];

/** The smallest axis length shown, so a run's first moments are not stretched across the screen. */
export const MIN_DOMAIN_MS = 1000;

/**
 * The end of the axis while a run is going: at least `nowMs` plus some room
 * ahead, rounded up to the next calm step, so it changes only now and then.
 */
export function liveDomainEnd(nowMs: number, headroom = 1.2): number {
  const wanted = Math.max(MIN_DOMAIN_MS, nowMs * headroom);
  const decade = 10 ** Math.floor(Math.log10(wanted));
  for (const step of LIVE_STEPS) {
    const end = step * decade;
    if (end >= wanted - 1e-9) return end;
  }
  return 10 * decade;
}

/** The end of the axis for a finished run: the run itself plus a small margin. */
export function fitDomainEnd(wallMs: number, margin = 0.03): number {
  if (!Number.isFinite(wallMs) || wallMs <= 0) return MIN_DOMAIN_MS / 10;
  return wallMs * (1 + margin);
}

/** A tick spacing (ms) giving at most `maxTicks` intervals over `rangeMs`. */
export function tickStep(rangeMs: number, maxTicks: number): number {
  const range = Math.max(rangeMs, 1e-3);
  const raw = range / Math.max(1, maxTicks);
  const decade = 10 ** Math.floor(Math.log10(raw));
  for (const step of TICK_STEPS) {
    if (step * decade >= raw - 1e-12) return step * decade;
  }
  return 10 * decade;
}

/** Tick positions (ms) from 0 to `endMs` inclusive-ish, spaced for `maxTicks`. */
export function ticks(endMs: number, maxTicks: number): number[] {
  return ticksBetween(0, endMs, maxTicks).ticks;
}

/** Round tick positions (ms) inside [startMs, endMs], at most about `maxTicks` intervals apart. */
export function ticksBetween(
  startMs: number,
  endMs: number,
  maxTicks: number,
): { step: number; ticks: number[] } {
  const step = tickStep(endMs - startMs, maxTicks);
  const out: number[] = [];
  const first = Math.ceil(startMs / step - 1e-6);
  for (let i = first; i * step <= endMs + step * 1e-6 && out.length <= 1000; i++) {
    // Rounded to the step's own precision, so 0.1 + 0.2 prints as 0.3.
    out.push(Number((i * step).toPrecision(12)));
  }
  return { step, ticks: out };
}

/** Decimals needed to print multiples of `stepMs` in seconds. */
export function secondsDecimals(stepMs: number): number {
  return decimalsFor(stepMs / 1000);
}

function decimalsFor(step: number): number {
  for (let d = 0; d < 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 6;
}

export type TimeUnit = 's' | 'ms' | 'µs';

/** The unit an axis speaks in, for ticks `stepMs` apart: seconds down to 0.1 s, then ms, then µs. */
export function tickUnit(stepMs: number): TimeUnit {
  if (stepMs >= 100 - 1e-9) return 's';
  if (stepMs >= 0.1 - 1e-12) return 'ms';
  return 'µs';
}

/** A tick label in the axis's unit: `0 s`, `0.5 s`, `12 s`; `1,205 ms`; `1,204,350 µs`. */
export function tickLabel(ms: number, stepMs: number): string {
  if (ms === 0) return '0 s';
  const unit = tickUnit(stepMs);
  const [value, step] =
    unit === 's' ? [ms / 1000, stepMs / 1000] : unit === 'ms' ? [ms, stepMs] : [ms * 1000, stepMs * 1000];
  const decimals = decimalsFor(step);
  const text =
    unit === 's'
      ? value.toFixed(decimals)
      : value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${text} ${unit}`;
}

/** A span of time in the unit that reads best: `2.35 s`, `12.4 ms`, `85 µs`. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 1000 || abs === 0) return formatSeconds(ms);
  if (abs >= 1) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number((ms * 1000).toPrecision(3))} µs`;
}

/** A range of time precise enough to tell its ends apart: `0.98135 s – 0.98145 s (100 µs)`. */
export function formatRange(startMs: number, endMs: number): string {
  const span = endMs - startMs;
  if (span >= 1000) return `${formatSeconds(startMs)} – ${formatSeconds(endMs)}`;
  const decimals = Math.min(6, Math.max(2, Math.ceil(-Math.log10(Math.max(span, 1e-6) / 1000)) + 1));
  return `${(startMs / 1000).toFixed(decimals)} s – ${(endMs / 1000).toFixed(decimals)} s (${formatSpan(span)})`;
}

/** A moment to the millisecond (`0.767 s`), for telling apart the steps of one short task. */
export function formatMoment(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (Math.abs(ms) >= 100_000) return formatSeconds(ms);
  return `${(ms / 1000).toFixed(3)} s`;
}

/** A duration or moment for people: `0.05 s`, `4.02 s`, `12.3 s`, `2 min 5 s`. */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const s = ms / 1000;
  const abs = Math.abs(s);
  if (abs >= 120) {
    const min = Math.floor(s / 60);
    return `${min} min ${Math.round(s - min * 60)} s`;
  }
  if (abs >= 100) return `${s.toFixed(0)} s`;
  if (abs >= 10) return `${s.toFixed(1)} s`;
  if (abs >= 0.1 || abs === 0) return `${s.toFixed(2)} s`;
  return `${s.toFixed(3)} s`;
}
