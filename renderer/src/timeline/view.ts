/**
 * The part of time the timeline shows, and how zooming, panning and
 * following a live run move it. Pure: a view in, a view out. Times are ms
 * since the run started; `bounds` is the whole run (0 to the axis end).
 */

export interface TimeView {
  start: number;
  end: number;
}

/** The narrowest view: 20 µs across the plot (the run log has µs resolution). */
export const MIN_SPAN_MS = 0.02;

/** Keep a view inside [0, boundsEnd] and no narrower than MIN_SPAN_MS. */
export function clampView(view: TimeView, boundsEnd: number): TimeView {
  const full = Math.max(boundsEnd, MIN_SPAN_MS);
  let span = Math.min(Math.max(view.end - view.start, MIN_SPAN_MS), full);
  if (!Number.isFinite(span)) span = full;
  let start = Math.max(0, Math.min(view.start, full - span));
  if (!Number.isFinite(start)) start = 0;
  return { start, end: start + span };
}

/** Zoom by `factor` (< 1 zooms in) keeping the time under `anchorMs` where it is. */
export function zoomAt(view: TimeView, factor: number, anchorMs: number, boundsEnd: number): TimeView {
  const anchor = Math.min(Math.max(anchorMs, view.start), view.end);
  const span = view.end - view.start;
  const next = Math.min(Math.max(span * factor, MIN_SPAN_MS), Math.max(boundsEnd, MIN_SPAN_MS));
  const ratio = span > 0 ? (anchor - view.start) / span : 0.5;
  const start = anchor - ratio * next;
  return clampView({ start, end: start + next }, boundsEnd);
}

/** Move the view by `deltaMs` (positive: later). */
export function panBy(view: TimeView, deltaMs: number, boundsEnd: number): TimeView {
  return clampView({ start: view.start + deltaMs, end: view.end + deltaMs }, boundsEnd);
}

/** How much one wheel event zooms: smooth for trackpads, about 1.2× per mouse notch. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(Math.max(-300, Math.min(300, pixels)) * 0.0018);
}

/** Keep `nowMs` in sight while following a live run: slide the view once now passes 90 % of it. */
export function follow(view: TimeView, nowMs: number, boundsEnd: number): TimeView {
  const span = view.end - view.start;
  if (nowMs <= view.start + 0.9 * span && nowMs >= view.start) return view;
  return clampView({ start: nowMs - 0.9 * span, end: nowMs + 0.1 * span }, boundsEnd);
}

/** A range of time (a selection), in order, inside the bounds. */
export function orderedRange(a: number, b: number, boundsEnd: number): TimeView {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(Math.max(boundsEnd, 0), Math.max(a, b));
  return { start: lo, end: Math.max(lo, hi) };
}

/** Whether the view shows the whole run (nothing zoomed). */
export function isFull(view: TimeView, boundsEnd: number): boolean {
  return view.start <= 1e-9 && view.end >= boundsEnd - 1e-9;
}
