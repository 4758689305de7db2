/**
 * Where things go on the timeline: the x scale (ms → px) and the lanes
 * (queue on top, one per worker process by worker index, caller at the
 * bottom). Pure, so it can be reasoned about and reused by later views.
 */
import type { TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { MONO_CHAR_WIDTH } from '../theme/fonts';

export interface Scale {
  domainEnd: number;
  /** Left edge of the plot (after the lane labels). */
  left: number;
  width: number;
  x(ms: number): number;
}

export function makeScale(domainEnd: number, left: number, width: number): Scale {
  const k = width / Math.max(domainEnd, 1e-6);
  return { domainEnd, left, width, x: (ms) => left + Math.max(0, ms) * k };
}

export interface LaneBox {
  y: number;
  height: number;
}

export interface Layout {
  zoom: number;
  gutter: number;
  queue: LaneBox & { rows: number; rowHeight: number };
  workers: (LaneBox & { worker: WorkerRecord })[];
  caller: LaneBox;
  height: number;
  barHeight: number;
  fontSize: number;
  smallFontSize: number;
}

/** Most sub-rows the queue lane uses; tasks beyond share rows. */
export const MAX_QUEUE_ROWS = 6;

export interface LayoutOptions {
  /** Draw the queue lane (the comparison leaves it out: its bar of where the time went says it). */
  queue?: boolean;
}

export function layoutLanes(
  workers: readonly WorkerRecord[],
  taskCount: number,
  zoom: number,
  options: LayoutOptions = {},
): Layout {
  const z = zoom;
  const gap = Math.round(5 * z);
  const compact = workers.length > 24;
  const laneHeight = Math.round((compact ? 18 : 34) * z);
  const barHeight = Math.round((compact ? 14 : 26) * z);
  const rows = Math.max(1, Math.min(taskCount, MAX_QUEUE_ROWS));
  const rowHeight = Math.round((rows <= 5 ? 13 : 10) * z);
  let y = gap;
  const queue =
    options.queue === false
      ? { y, height: 0, rows: 0, rowHeight: 0 }
      : { y, height: rows * rowHeight + Math.round(8 * z), rows, rowHeight };
  if (queue.height > 0) y += queue.height + gap;
  const lanes = workers.map((worker) => {
    const box = { worker, y, height: laneHeight };
    y += laneHeight + Math.round((compact ? 2 : 4) * z);
    return box;
  });
  y += gap - Math.round((compact ? 2 : 4) * z);
  const caller = { y, height: Math.round(34 * z) };
  y += caller.height + gap;
  return {
    zoom: z,
    gutter: Math.round(122 * z),
    queue,
    workers: lanes,
    caller,
    height: y,
    barHeight,
    fontSize: Math.round(13 * z),
    smallFontSize: Math.round(11 * z),
  };
}

/** The queue row of a task: tasks are spread over the rows in submission order. */
export function queueRow(submissionIndex: number, rows: number): number {
  return submissionIndex % rows;
}

/** When a task stopped waiting: it started, or it ended without starting, or it still waits (now). */
export function waitEnd(task: TaskRecord, now: number): number {
  if (task.started !== null) return task.started;
  if (task.finished !== null) return task.finished;
  return now;
}

/** The text that fits in `width` px at `fontSize`, or null when not even a few characters do. */
export function fitLabel(label: string, width: number, fontSize: number, minChars = 4): string | null {
  const padding = fontSize * 0.9;
  const chars = Math.floor((width - padding) / (fontSize * MONO_CHAR_WIDTH));
  if (chars >= label.length) return label;
  if (chars < minChars) return null;
  return `${label.slice(0, chars - 1)}…`;
}

export interface MarkerPlacement {
  task: number;
  order: number;
  /** Where the result arrived (true time). */
  x: number;
  /** Where the marker is drawn (moved right so markers of one moment do not cover each other). */
  mx: number;
}

/** Place delivery markers in delivery order, nudging each right of the previous when they would overlap. */
export function placeMarkers(
  deliveries: readonly { task: number; order: number; at: number }[],
  scale: Scale,
  size: number,
  dodge: boolean,
): MarkerPlacement[] {
  const sorted = [...deliveries].sort((a, b) => a.order - b.order);
  const out: MarkerPlacement[] = [];
  let last = -Infinity;
  for (const d of sorted) {
    const x = scale.x(d.at);
    const mx = dodge ? Math.max(x, last + size + 2) : x;
    last = mx;
    out.push({ task: d.task, order: d.order, x, mx });
  }
  if (dodge) {
    // Markers pushed past the right edge move back left, keeping their order.
    let limit = scale.left + scale.width;
    for (let i = out.length - 1; i >= 0; i--) {
      const marker = out[i]!;
      if (marker.mx <= limit) break;
      marker.mx = limit;
      limit -= size + 2;
    }
  }
  return out;
}
