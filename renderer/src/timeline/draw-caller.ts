/**
 * The caller lane and the run's instants: a numbered marker where each
 * result reached the driver loop (1 = first received), dashed links from a
 * task's end to its delivery (map holding a result back shows), the
 * deadline of a timeout and the TimeoutError when it fires, shutdown() and
 * its return; and across every lane, the moment Stop was pressed.
 */
import type { RunModel, TaskRecord } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { DrawContext } from './draw-frame';
import { drawLaneFrame } from './draw-frame';
import { clipPlot, laneOnScreen } from './draw-lanes';
import { placeMarkers } from './geometry';
import { shutdownCall } from './marks';

/** Past this many deliveries in view, markers are plain ticks: numbers and links would be noise. */
export const DETAILED_LIMIT = 150;

export interface DrawnDelivery {
  task: TaskRecord;
  /** Where the marker is drawn (centre), and its radius (0 for a tick). */
  cx: number;
  cy: number;
  r: number;
}

export interface DrawnMark {
  key: 'deadline' | 'timed-out' | 'stop' | 'shutdown' | 'shutdown-returned';
  x: number;
  y0: number;
  y1: number;
}

export function drawCaller(ctx: DrawContext): DrawnDelivery[] {
  const { layout, scale, model } = ctx;
  const { caller } = layout;
  const lo = scale.start - (scale.end - scale.start) * 0.02;
  const hi = scale.end + (scale.end - scale.start) * 0.02;
  const { inView, received } = deliveredBetween(model, lo, hi);
  drawLaneFrame(ctx, caller.y, caller.height, 'Caller', {
    sublabel: received > 0 ? `${received.toLocaleString('en')} received` : undefined,
  });
  const drawn: DrawnDelivery[] = [];
  const top = layout.lanes.y;
  clipPlot(ctx, top, caller.y + caller.height - top, () => drawDeliveries(ctx, inView, drawn));
  return drawn;
}

/** The tasks whose results reached the caller between `lo` and `hi` (ms), and how many did in all. */
export function deliveredBetween(
  model: RunModel,
  lo: number,
  hi: number,
): { inView: TaskRecord[]; received: number } {
  const all = model.delivered;
  const received = all.length;
  if (!model.deliveredInOrder) {
    return { inView: all.filter((t) => t.delivered! >= lo && t.delivered! <= hi), received };
  }
  // Delivered in time order: two binary searches, not a pass over 100,000 tasks each frame.
  const first = lowerBound(all, lo);
  let end = lowerBound(all, hi);
  while (end < all.length && all[end]!.delivered! <= hi) end++;
  return { inView: all.slice(first, end), received };
}

/** The first index whose delivery time is at least `t`. */
function lowerBound(tasks: readonly TaskRecord[], t: number): number {
  let a = 0;
  let b = tasks.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (tasks[mid]!.delivered! < t) a = mid + 1;
    else b = mid;
  }
  return a;
}

function drawDeliveries(ctx: DrawContext, inView: readonly TaskRecord[], drawn: DrawnDelivery[]): void {
  const { p, layout, scale, colors } = ctx;
  const { caller } = layout;
  const cy = caller.y + caller.height / 2;
  const size = Math.min(20 * layout.zoom, caller.height - 4);
  if (inView.length <= DETAILED_LIMIT) {
    const byId = new Map(inView.map((t) => [t.id, t]));
    const placed = placeMarkers(
      inView.map((t) => ({ task: t.id, order: t.deliveryOrder!, at: t.delivered! })),
      scale,
      size,
      true,
    );
    const laneMid = new Map(
      layout.workers.map((lane) => [lane.worker.index, laneOnScreen(ctx, lane).y + lane.height / 2]),
    );
    const area = layout.lanes;
    for (const m of placed) {
      const task = byId.get(m.task)!;
      const fromY = task.worker !== null ? laneMid.get(task.worker) : undefined;
      if (fromY === undefined || task.finished === null) continue;
      const y = Math.min(Math.max(fromY, area.y), area.y + area.height);
      p.polyline([scale.x(task.finished), y, m.x, caller.y + 3, m.mx, cy - size / 2], colors.link, 1, [3, 3]);
    }
    for (const m of placed) {
      const task = byId.get(m.task)!;
      const failed = task.state === 'error' || task.state === 'cancelled';
      p.circle(
        m.mx,
        cy,
        size / 2,
        failed ? colors.failed : colors.markerBg,
        failed ? colors.outline : undefined,
      );
      p.text(m.mx, cy, String(m.order), {
        color: failed ? colors.barText : colors.markerFg,
        size: Math.round((m.order > 99 ? 9 : 11) * layout.zoom),
        align: 'center',
        bold: true,
      });
      drawn.push({ task, cx: m.mx, cy, r: size / 2 });
    }
  } else {
    // Many deliveries: one tick per pixel column that received any, and one task to point at
    // there (the hover finds the first at a column anyway: 100,000 entries would only cost time).
    let lastX = -Infinity;
    const ticks: number[] = [];
    for (const task of inView) {
      const x = Math.round(scale.x(task.delivered!));
      if (x === lastX) continue;
      lastX = x;
      drawn.push({ task, cx: x, cy, r: 0 });
      ticks.push(x + 0.5, cy - size / 2, x + 0.5, cy + size / 2);
    }
    p.segments(ticks, colors.markerBg, 1);
  }
}

/** The instants of the run, each where it happened; returns where they were drawn. */
export function drawInstants(ctx: DrawContext): DrawnMark[] {
  const out: DrawnMark[] = [];
  clipPlot(ctx, 0, ctx.layout.height, () => drawInstantMarks(ctx, out));
  return out;
}

function drawInstantMarks(ctx: DrawContext, out: DrawnMark[]): void {
  const { p, layout, scale, colors } = ctx;
  const { caller } = layout;
  const { deadline, stop, shutdown } = ctx.marks;
  const size = layout.smallFontSize;
  const top = layout.axis.y + layout.axis.height;
  const inView = (x: number): boolean => x >= scale.left - 1 && x <= scale.left + scale.width + 1;
  // A mark's label, on the side of its line that `side` prefers when it fits there, on a
  // plate of the panel's colour: labels cross bars, the concurrency track and other marks.
  const tag = (
    x: number,
    y: number,
    text: string,
    color: string,
    bold = true,
    side: 'left' | 'right' = 'right',
  ): void => {
    const width = text.length * size * 0.62;
    const fitsRight = x + 4 + width + 2 <= scale.left + scale.width;
    const onLeft = side === 'left' ? x - 4 - width >= scale.left || !fitsRight : !fitsRight;
    const x0 = onLeft ? x - 4 - width : x + 4;
    p.rect(x0 - 2, y - size * 0.7, width + 4, size * 1.4, colors.panel, 0.8);
    p.text(onLeft ? x - 4 : x + 4, y, text, { color, size, align: onLeft ? 'right' : 'left', bold });
  };
  if (deadline) {
    const x = scale.x(deadline.due);
    if (inView(x)) {
      p.line(x, caller.y - 4, x, caller.y + caller.height, colors.deadline, 2, [5, 3]);
      tag(x, caller.y + size * 0.7, `timeout due ${formatSeconds(deadline.due)}`, colors.deadline, false);
      out.push({ key: 'deadline', x, y0: caller.y - 4, y1: caller.y + caller.height });
    }
    if (deadline.timedOut) {
      const xt = scale.x(deadline.timedOut.t);
      if (inView(xt)) {
        const cy = caller.y + caller.height / 2;
        const r = Math.min(9 * layout.zoom, caller.height / 2 - 2);
        p.polygon([xt, cy - r, xt + r, cy, xt, cy + r, xt - r, cy], colors.failed);
        p.text(xt, cy, '✕', {
          color: colors.barText,
          size: Math.round(r * 1.1),
          align: 'center',
          bold: true,
        });
        tag(xt + r, caller.y + caller.height - size * 0.7, 'TimeoutError', colors.failed);
        out.push({ key: 'timed-out', x: xt, y0: cy - r, y1: cy + r });
      }
    }
  }
  if (shutdown) {
    const x = scale.x(shutdown.called);
    if (inView(x)) {
      p.line(x, top, x, caller.y + caller.height, colors.shutdown, 1.5, [6, 4]);
      tag(x, top + size * 0.8, shutdownCall(shutdown), colors.shutdown);
      out.push({ key: 'shutdown', x, y0: top, y1: caller.y + caller.height });
    }
    if (shutdown.returned !== null) {
      const xr = scale.x(shutdown.returned);
      const y = caller.y + caller.height - 3;
      p.line(Math.max(x, scale.left), y, Math.min(xr, scale.left + scale.width), y, colors.shutdown, 2);
      if (inView(xr)) {
        // Across the lanes, labelled on the second row at the top: in the caller lane the
        // label would cover the last results' markers, which come just before the return.
        p.line(xr, top + size * 1.5, xr, caller.y + caller.height, colors.shutdown, 1.5);
        tag(xr, top + size * 2.1, 'shutdown returned', colors.shutdown, false, 'left');
        out.push({ key: 'shutdown-returned', x: xr, y0: top + size * 1.5, y1: caller.y + caller.height });
      }
    }
  }
  if (stop !== null) {
    const x = scale.x(stop);
    if (inView(x)) {
      p.line(x, top, x, caller.y + caller.height, colors.stop, 2);
      tag(x, top + size * 0.8 + (shutdown ? size * 2.6 : 0), '■ Stop', colors.stop);
      out.push({ key: 'stop', x, y0: top, y1: caller.y + caller.height });
    }
  }
}
