/**
 * Above the worker lanes: the concurrency track (how many tasks ran, and how
 * many waited, at each moment — like Perfetto's counters) and the queue lane
 * (each task from when it was submitted until a process started it; a big
 * run shows the queue's length over time instead). Waiting is hollow,
 * cancelled is outlined and dashed, so neither rests on colour alone.
 */
import type { TaskRecord } from '../../../shared/run-model';
import type { DrawContext } from './draw-frame';
import { drawLaneFrame } from './draw-frame';
import { clipPlot } from './draw-lanes';
import { fitLabel, QUEUE_DETAIL_LIMIT, queueRow, waitEnd } from './geometry';

export interface DrawnWait {
  task: TaskRecord;
  x0: number;
  x1: number;
  y: number;
  height: number;
}

/** Running (bottom half) and waiting (top half) counts, each on its own scale. */
export function drawConcurrency(ctx: DrawContext, upTo: number): { maxRunning: number; maxWaiting: number } {
  const { p, layout, scale, colors } = ctx;
  const box = layout.concurrency;
  if (box.height === 0) return { maxRunning: 0, maxWaiting: 0 };
  ctx.concurrency.update();
  const columns = Math.max(1, Math.floor(scale.width / 2));
  const sample = ctx.concurrency.sample(scale.start, scale.end, columns, upTo);
  const half = (box.height - 2) / 2;
  const tracks = [
    { values: sample.waiting, max: sample.maxWaiting, top: box.y, color: colors.waiting, label: 'waiting' },
    {
      values: sample.running,
      max: sample.maxRunning,
      top: box.y + half + 2,
      color: colors.running,
      label: 'running',
    },
  ];
  const allRunning = Math.max(sample.maxRunning, 1);
  const size = Math.min(layout.smallFontSize, Math.max(8, half - 1));
  for (const track of tracks) {
    p.rect(0, track.top, ctx.width, half, colors.lane);
    const max = Math.max(track.max, track === tracks[1] ? allRunning : 1);
    p.polygon(
      stepShape(track.values, max, scale.left, scale.width, track.top + half, half - 1),
      track.color,
      0.85,
    );
    p.text(16 * layout.zoom, track.top + half / 2, `${track.label} ≤ ${track.max.toLocaleString('en')}`, {
      color: colors.muted,
      size,
    });
  }
  return sample;
}

export function drawQueue(ctx: DrawContext, overlay: boolean): DrawnWait[] {
  const { layout, model } = ctx;
  const { queue } = layout;
  if (queue.height === 0) return [];
  const tasks = model.tasks;
  if (tasks.length > QUEUE_DETAIL_LIMIT) {
    if (!overlay) drawQueueDepth(ctx);
    return [];
  }
  if (!overlay) {
    const waiting = model.counts().unstarted;
    drawLaneFrame(ctx, queue.y, queue.height, 'Queue', {
      sublabel: waiting > 0 ? `${waiting} waiting` : undefined,
    });
  }
  const drawn: DrawnWait[] = [];
  clipPlot(ctx, queue.y, queue.height, () => drawWaits(ctx, overlay, drawn));
  return drawn;
}

function drawWaits(ctx: DrawContext, overlay: boolean, drawn: DrawnWait[]): void {
  const { p, scale, colors, layout } = ctx;
  const { queue } = layout;
  const rowTop = queue.y + Math.round(4 * layout.zoom);
  const rowH = Math.max(3, queue.rowHeight - 2);
  ctx.model.tasks.forEach((task, i) => {
    const still = task.started === null && task.finished === null;
    // Waits still going grow with time: on a live run the overlay draws them.
    if (ctx.live && still !== overlay) return;
    if (!ctx.live && overlay) return;
    const end = waitEnd(task, ctx.now);
    const x0 = scale.x(task.submitted);
    const x1 = Math.max(scale.x(end), x0 + 1.5);
    if (x1 < scale.left - 2 || x0 > scale.left + scale.width + 2) return;
    const y = rowTop + queueRow(i, queue.rows) * queue.rowHeight;
    const cancelled = task.state === 'cancelled';
    if (cancelled) {
      p.strokeRect(x0, y, x1 - x0, rowH, colors.cancelled, 1.5, [3, 2]);
    } else if (still) {
      // Waiting: hollow.
      p.rect(x0, y, x1 - x0, rowH, colors.waiting, 0.18);
      p.strokeRect(x0, y, x1 - x0, rowH, colors.waiting, 1.5);
    } else {
      p.rect(x0, y, x1 - x0, rowH, colors.waiting, colors.waitedOpacity);
    }
    if (queue.rows <= 5 && rowH >= layout.smallFontSize) {
      const text = fitLabel(
        cancelled ? `⊘ ${task.label}` : task.label,
        x1 - x0,
        layout.smallFontSize,
        Infinity,
      );
      if (text)
        p.text(x0 + layout.smallFontSize * 0.4, y + rowH / 2, text, {
          color: still || cancelled ? colors.fg : colors.muted,
          size: layout.smallFontSize,
          mono: true,
        });
    }
    if (cancelled && x1 - x0 < layout.smallFontSize * 3) {
      p.text(x1 + 2, y + rowH / 2, '⊘', { color: colors.cancelled, size: layout.smallFontSize });
    }
    drawn.push({ task, x0, x1, y, height: rowH });
  });
}

/** How many tasks wait, over time: a step shape as tall as the lane at its longest. */
function drawQueueDepth(ctx: DrawContext): void {
  const { p, layout, scale, colors } = ctx;
  const { queue } = layout;
  ctx.concurrency.update();
  const waiting = ctx.model.counts().unstarted;
  const columns = Math.max(1, Math.floor(scale.width / 2));
  const sample = ctx.concurrency.sample(scale.start, scale.end, columns, ctx.now);
  const total = ctx.model.tasks.length;
  drawLaneFrame(ctx, queue.y, queue.height, 'Queue', {
    sublabel:
      waiting > 0
        ? `${waiting.toLocaleString('en')} of ${total.toLocaleString('en')} waiting`
        : `max ${sample.maxWaiting.toLocaleString('en')} waiting`,
  });
  const top = queue.y + 3;
  const height = queue.height - 6;
  const max = Math.max(1, sample.maxWaiting);
  p.polygon(
    stepShape(sample.waiting, max, scale.left, scale.width, top + height, height),
    colors.waiting,
    0.8,
  );
}

/** A step outline of per-column values over [left, left + width], `height` px tall at `max`; a point only where a value changes. */
function stepShape(
  values: Float32Array,
  max: number,
  left: number,
  width: number,
  bottom: number,
  height: number,
): number[] {
  const points: number[] = [left, bottom];
  const dx = width / values.length;
  let last = NaN;
  for (let c = 0; c < values.length; c++) {
    const y = bottom - (values[c]! / Math.max(max, 1)) * height;
    if (y === last) continue;
    const x = left + c * dx;
    if (c > 0) points.push(x, last);
    points.push(x, y);
    last = y;
  }
  points.push(left + width, last, left + width, bottom);
  return points;
}
