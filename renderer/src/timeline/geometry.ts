/**
 * Where things go on the timeline: the x scale (the view's ms → px) and the
 * regions from top to bottom — time axis, concurrency track, queue, one lane
 * per worker process by worker index (a scrolling area when they cannot all
 * fit), caller. Lanes shrink to a readable minimum before anything scrolls.
 * Pure, so it can be reasoned about and tested.
 */
import type { TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { MONO_CHAR_WIDTH } from '../theme/fonts';
import type { TimeView } from './view';

export interface Scale {
  /** The view: the times at the plot's left and right edges. */
  start: number;
  end: number;
  /** Left edge of the plot (after the lane labels). */
  left: number;
  width: number;
  /** ms → px. */
  x(ms: number): number;
  /** px → ms. */
  t(px: number): number;
}

export function makeViewScale(view: TimeView, left: number, width: number): Scale {
  const span = Math.max(view.end - view.start, 1e-9);
  const k = width / span;
  return {
    start: view.start,
    end: view.end,
    left,
    width,
    x: (ms) => left + (ms - view.start) * k,
    t: (px) => view.start + (px - left) / k,
  };
}

/** The scale of a whole run, 0 to `domainEnd`. */
export function makeScale(domainEnd: number, left: number, width: number): Scale {
  return makeViewScale({ start: 0, end: Math.max(domainEnd, 1e-6) }, left, width);
}

export interface Box {
  y: number;
  height: number;
}

export interface WorkerLaneBox extends Box {
  worker: WorkerRecord;
}

export interface Layout {
  zoom: number;
  gutter: number;
  axis: Box;
  /** Running and waiting counts over time (height 0 when left out). */
  concurrency: Box;
  queue: Box & { rows: number; rowHeight: number };
  /** The worker lanes' area: `y`/`height` on screen; lanes scroll inside it when `scrollMax` > 0. */
  lanes: Box & { content: number; scrollMax: number };
  /** Worker lanes, `y` relative to the top of the lanes' content. */
  workers: WorkerLaneBox[];
  caller: Box;
  height: number;
  laneGap: number;
  barHeight: number;
  fontSize: number;
  smallFontSize: number;
}

/** Most sub-rows the queue lane uses; tasks beyond share rows. */
export const MAX_QUEUE_ROWS = 6;
/** Above this many tasks the queue is drawn as its length over time. */
export const QUEUE_DETAIL_LIMIT = 120;

export interface LayoutOptions {
  /** Draw the queue lane (the comparison leaves it out: its bar of where the time went says it). */
  queue?: boolean;
  /** Draw the time axis at the top (the comparison has one shared axis instead). */
  axis?: boolean;
  /** Draw the concurrency track. */
  concurrency?: boolean;
  /** The height there is; lanes shrink, then scroll, to fit it. Absent: natural sizes. */
  available?: number;
}

export function layoutLanes(
  workers: readonly WorkerRecord[],
  taskCount: number,
  zoom: number,
  options: LayoutOptions = {},
): Layout {
  const z = zoom;
  const r = (n: number): number => Math.round(n * z);
  const gap = r(4);
  const n = workers.length;
  const compact = n > 24;
  const lane = { natural: r(compact ? 18 : 34), min: Math.max(14, r(compact ? 14 : 20)) };
  const axisH = options.axis === false ? 0 : r(24);
  const concurrency = options.concurrency === false ? null : { natural: r(40), min: r(24) };
  const depth = taskCount > QUEUE_DETAIL_LIMIT;
  const rows = options.queue === false ? 0 : depth ? 1 : Math.max(1, Math.min(taskCount, MAX_QUEUE_ROWS));
  const queue =
    options.queue === false
      ? null
      : depth
        ? { natural: r(40), min: r(22) }
        : { natural: rows * r(rows <= 5 ? 13 : 10) + r(8), min: Math.max(r(18), rows * 4 + r(6)) };
  const caller = { natural: r(34), min: r(24) };

  const needLanes = (h: number): number => (n === 0 ? 0 : n * h + (n - 1) * gap);
  // Heights of the parts other than the worker lanes: natural, unless room is short.
  const part = {
    concurrency: concurrency?.natural ?? 0,
    queue: queue?.natural ?? 0,
    caller: caller.natural,
  };
  const fixed = (): number =>
    axisH +
    (concurrency ? part.concurrency + gap : 0) +
    (queue ? part.queue + gap : 0) +
    part.caller +
    gap * 2;
  let laneH = lane.natural;
  let viewport = needLanes(laneH);
  const available = options.available;
  if (available !== undefined && n > 0 && fixed() + needLanes(lane.natural) > available) {
    // First the worker lanes shrink, down to their readable minimum…
    laneH = Math.floor((available - fixed() - (n - 1) * gap) / n);
    if (laneH < lane.min) {
      // …then the other parts give up their spare room, and what is left goes back
      // to the lanes, the queue and the rest, in that order, up to their natural size.
      part.concurrency = concurrency?.min ?? 0;
      part.queue = queue?.min ?? 0;
      part.caller = caller.min;
      laneH = lane.min;
      let spare = available - fixed() - needLanes(lane.min);
      const grow = (key: keyof typeof part, natural: number): void => {
        const extra = Math.max(0, Math.min(spare, natural - part[key]));
        part[key] += extra;
        spare -= extra;
      };
      const more = Math.max(0, Math.min(lane.natural - lane.min, Math.floor(spare / n)));
      laneH += more;
      spare -= more * n;
      if (queue) grow('queue', queue.natural);
      if (concurrency) grow('concurrency', concurrency.natural);
      grow('caller', caller.natural);
    }
    viewport = Math.max(
      Math.min(needLanes(laneH), available - fixed()),
      Math.min(needLanes(laneH), lane.min),
    );
  }
  const content = needLanes(laneH);

  let y = axisH + gap;
  const concurrencyBox = { y, height: concurrency ? part.concurrency : 0 };
  if (concurrency) y += concurrencyBox.height + gap;
  const queueHeight = queue ? part.queue : 0;
  const queueBox = {
    y,
    height: queueHeight,
    rows,
    rowHeight: rows === 0 ? 0 : Math.max(3, Math.floor((queueHeight - r(8)) / rows)),
  };
  if (queue) y += queueHeight + gap;
  const lanesBox = { y, height: viewport, content, scrollMax: Math.max(0, content - viewport) };
  const lanes = workers.map((worker, i) => ({ worker, y: i * (laneH + gap), height: laneH }));
  y += viewport + (n > 0 ? gap : 0);
  const callerBox = { y, height: part.caller };
  y += callerBox.height + gap;
  return {
    zoom: z,
    gutter: r(122),
    axis: { y: 0, height: axisH },
    concurrency: concurrencyBox,
    queue: queueBox,
    lanes: lanesBox,
    workers: lanes,
    caller: callerBox,
    height: y,
    laneGap: gap,
    barHeight: Math.max(8, laneH - Math.max(4, r(8))),
    fontSize: Math.min(r(13), Math.max(10, laneH - 6)),
    smallFontSize: r(11),
  };
}

/** The queue row of a task: tasks are spread over the rows in submission order. */
export function queueRow(submissionIndex: number, rows: number): number {
  return submissionIndex % Math.max(1, rows);
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
