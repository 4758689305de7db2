/**
 * What frames the timeline: the time axis (ticks in s, ms or µs as the zoom
 * asks), the grid behind the lanes, and each lane's band and name.
 */
import type { RunModel } from '../../../shared/run-model';
import { tickLabel, ticksBetween } from '../../../shared/timeline-scale';
import { MONO_CHAR_WIDTH } from '../theme/fonts';
import type { TimelineColors } from './colors';
import type { ConcurrencyIndex } from './concurrency';
import type { Layout, Scale } from './geometry';
import type { LaneIndex } from './lane-items';
import type { RunMarks } from './marks';
import type { Painter } from './painter';

export interface DrawContext {
  p: Painter;
  model: RunModel;
  layout: Layout;
  scale: Scale;
  colors: TimelineColors;
  /** The run's current time (ms): running bars end here. */
  now: number;
  /** How far the worker lanes are scrolled (px). */
  scrollY: number;
  /** The stage's width (px). */
  width: number;
  lanes: LaneIndex;
  concurrency: ConcurrencyIndex;
  marks: RunMarks;
  /** A run still going: what changes with time (running bars, the now line) is left to the overlay. */
  live: boolean;
}

/** Ticks for the view, spaced so their labels do not collide. */
export function axisTicks(scale: Scale, zoom: number): { step: number; ticks: number[] } {
  let maxTicks = Math.max(2, Math.floor(scale.width / (84 * zoom)));
  for (;;) {
    const result = ticksBetween(scale.start, scale.end, maxTicks);
    const widest = Math.max(...result.ticks.map((t) => tickLabel(t, result.step).length), 4);
    const room = (scale.width / Math.max(1, (scale.end - scale.start) / result.step)) * 0.9;
    if (widest * 11 * zoom * MONO_CHAR_WIDTH <= room || maxTicks <= 2) return result;
    maxTicks = Math.max(2, Math.floor(maxTicks * 0.7));
  }
}

export function drawAxis(ctx: DrawContext): void {
  const { p, layout, scale, colors } = ctx;
  const { axis } = layout;
  if (axis.height === 0) return;
  const { step, ticks } = axisTicks(scale, layout.zoom);
  const right = scale.left + scale.width;
  for (const t of ticks) {
    const x = scale.x(t);
    if (x < scale.left - 0.5 || x > right + 0.5) continue;
    p.line(x, axis.y + axis.height - 6, x, axis.y + axis.height, colors.muted, 1);
    p.text(x, axis.y + axis.height / 2 - 2, tickLabel(t, step), {
      color: colors.muted,
      size: layout.smallFontSize,
      align: 'center',
    });
  }
}

export function drawGrid(ctx: DrawContext): void {
  const { p, layout, scale, colors } = ctx;
  const { ticks } = axisTicks(scale, layout.zoom);
  const top = layout.axis.y + layout.axis.height;
  for (const t of ticks) {
    const x = Math.round(scale.x(t)) + 0.5;
    if (x < scale.left || x > scale.left + scale.width + 1) continue;
    p.line(x, top, x, layout.height, colors.grid, 1);
  }
}

/** A lane's band across the stage and its name in the gutter. */
export function drawLaneFrame(
  ctx: DrawContext,
  y: number,
  height: number,
  label: string,
  options: { sublabel?: string; bold?: boolean; color?: string } = {},
): void {
  const { p, layout, colors } = ctx;
  p.rect(0, y, ctx.width, height, colors.lane);
  const x = 16 * layout.zoom;
  const size = Math.min(layout.fontSize, Math.max(9, height - 4));
  if (options.sublabel && height >= size * 2.4) {
    p.text(x, y + height / 2 - size * 0.55, label, { color: options.color ?? colors.fg, size, bold: true });
    p.text(x, y + height / 2 + size * 0.65, options.sublabel, {
      color: colors.muted,
      size: Math.min(layout.smallFontSize, size),
    });
  } else {
    p.text(x, y + height / 2, label, { color: options.color ?? colors.fg, size, bold: options.bold ?? true });
  }
}
