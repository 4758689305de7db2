/**
 * The worker lanes: each process's PID in its colour, its life (start-up
 * hatched, then a faint band while it is alive and idle, an exit tick when
 * it ends, and why), the initializer's run, and its tasks — bars, or blocks
 * of many tasks where they are thinner than a few pixels. State shows by
 * pattern as well as colour: running striped with a live edge, failed ✕.
 */
import type { WorkerRecord } from '../../../shared/run-model';
import type { DrawContext } from './draw-frame';
import { drawLaneFrame } from './draw-frame';
import { fitLabel, type WorkerLaneBox } from './geometry';
import { laneItems, type BarItem, type BlockItem, type LaneItem } from './lane-items';
import { exitText, isCrash } from './marks';

export interface DrawnLane {
  worker: WorkerRecord;
  /** On screen (scroll applied). */
  y: number;
  height: number;
  barY: number;
  items: LaneItem[];
}

/** Screen y of a lane, and whether any of it shows in the lanes' area. */
export function laneOnScreen(ctx: DrawContext, lane: WorkerLaneBox): { y: number; visible: boolean } {
  const area = ctx.layout.lanes;
  const y = area.y + lane.y - ctx.scrollY;
  return { y, visible: y + lane.height > area.y && y < area.y + area.height };
}

function clipLanes(ctx: DrawContext, draw: () => void): void {
  const { lanes } = ctx.layout;
  ctx.p.clip(0, lanes.y, ctx.width, lanes.height, draw);
}

/** Clip to the plot (right of the lane names), so a zoomed view never draws over them. */
export function clipPlot(ctx: DrawContext, y: number, height: number, draw: () => void): void {
  const left = ctx.scale.left;
  ctx.p.clip(left, y, Math.max(0, ctx.width - left), height, draw);
}

/** The finished part of every lane (everything, for a run that has ended). */
export function drawLanesStatic(ctx: DrawContext): DrawnLane[] {
  const drawn: DrawnLane[] = [];
  const { lanes } = ctx.layout;
  clipLanes(ctx, () => {
    for (const lane of ctx.layout.workers) {
      const { y, visible } = laneOnScreen(ctx, lane);
      const barY = y + (lane.height - ctx.layout.barHeight) / 2;
      if (visible) drawLaneName(ctx, lane.worker, y, lane.height);
      drawn.push({ worker: lane.worker, y, height: lane.height, barY, items: [] });
    }
  });
  clipPlot(ctx, lanes.y, lanes.height, () => {
    ctx.layout.workers.forEach((lane, i) => {
      const entry = drawn[i]!;
      if (!laneOnScreen(ctx, lane).visible) return;
      const records = ctx.lanes.records(lane.worker);
      const upTo = ctx.live ? ctx.lanes.firstOpen(records) : records.length;
      drawLife(ctx, lane.worker, entry.barY, false);
      entry.items = laneItems(records, ctx.scale, ctx.now, upTo);
      for (const item of entry.items) drawItem(ctx, item, entry.barY);
      drawExit(ctx, lane.worker, entry.y, lane.height);
    });
    drawRecycleLinks(ctx);
  });
  return drawn;
}

/** What grows with time on a live run: alive bands, start-ups and running tasks. */
export function drawLanesLive(ctx: DrawContext): BarItem[] {
  const running: BarItem[] = [];
  const { lanes } = ctx.layout;
  clipPlot(ctx, lanes.y, lanes.height, () => {
    for (const lane of ctx.layout.workers) {
      const { y, visible } = laneOnScreen(ctx, lane);
      if (!visible) continue;
      const barY = y + (lane.height - ctx.layout.barHeight) / 2;
      drawLife(ctx, lane.worker, barY, true);
      const records = ctx.lanes.records(lane.worker);
      const from = ctx.lanes.firstOpen(records);
      for (const item of laneItems(records, ctx.scale, ctx.now, records.length, from)) {
        drawItem(ctx, item, barY);
        if (item.kind === 'bar') running.push(item);
      }
    }
  });
  return running;
}

/**
 * The lane's band and its process's name: PID (and which thread, for a
 * ThreadPoolExecutor's threads, which share their PID), ✕ when it died, ↻ when
 * it took over from a recycled one.
 */
function drawLaneName(ctx: DrawContext, worker: WorkerRecord, y: number, height: number): void {
  const { p, layout, colors } = ctx;
  const predecessor = ctx.marks.replaced.get(worker.index);
  drawLaneFrame(
    ctx,
    y,
    height,
    `PID ${worker.pid ?? '?'}${worker.thread ? ` · t${worker.thread.ordinal}` : ''}${isCrash(worker) ? ' ✕' : ''}${predecessor ? ' ↻' : ''}`,
  );
  const z = layout.zoom;
  p.rect(
    6 * z,
    y + height / 2 - Math.min(6 * z, height / 2 - 2),
    5 * z,
    Math.min(12 * z, height - 4),
    colors.worker(worker.index),
  );
}

/** The process's life and start-up, and the initializer's bar; an alive process of a live run on the overlay. */
function drawLife(ctx: DrawContext, worker: WorkerRecord, barY: number, overlay: boolean): void {
  const { p, layout, colors, scale } = ctx;
  const color = colors.worker(worker.index);
  const alive = worker.exited === null;
  const mine = !ctx.live || !alive ? !overlay : overlay;
  if (!mine) return;
  const end = worker.exited ?? ctx.now;
  const x0 = scale.x(worker.spawned);
  const x1 = scale.x(end);
  const h = layout.barHeight;
  p.rect(x0, barY, Math.max(1, x1 - x0), h, color, colors.lifeOpacity);
  const ready = worker.ready ?? (worker.exited === null ? ctx.now : worker.exited);
  const xr = scale.x(ready);
  if (xr - x0 >= 1) {
    p.rect(x0, barY, xr - x0, h, color, 0.5);
    p.stripes(x0, barY, xr - x0, h, colors.hatch);
  }
  if (worker.init) {
    const i0 = scale.x(worker.init.started);
    const i1 = Math.max(scale.x(worker.init.finished), i0 + 3);
    const ih = Math.max(6, Math.round(h * 0.55));
    const iy = barY + (h - ih) / 2;
    p.rect(i0, iy, i1 - i0, ih, worker.init.ok ? colors.init : colors.failed);
    p.strokeRect(i0, iy, i1 - i0, ih, colors.outline, 1);
    const text = fitLabel(worker.init.ok ? 'init' : '✕ init', i1 - i0, layout.smallFontSize, 4);
    if (text)
      p.text(i0 + 3, iy + ih / 2, text, { color: colors.barText, size: layout.smallFontSize, mono: true });
  }
}

function drawItem(ctx: DrawContext, item: LaneItem, barY: number): void {
  if (item.kind === 'bar') drawBar(ctx, item, barY);
  else drawBlock(ctx, item, barY);
}

export function drawBar(ctx: DrawContext, item: BarItem, barY: number): void {
  const { p, layout, colors } = ctx;
  const { task } = item;
  const h = layout.barHeight;
  const w = Math.max(item.x1 - item.x0, 2);
  const running = task.finished === null;
  const failed = task.state === 'error';
  const fill = running
    ? colors.running
    : failed
      ? colors.failed
      : task.state === 'cancelled'
        ? colors.cancelled
        : colors.done;
  p.rect(item.x0, barY, w, h, fill);
  // Failed is cross-hatched, so it does not rest on its colour alone.
  if (failed && w >= 4) p.stripes(item.x0, barY, w, h, colors.runningStripe, 10, true);
  if (running) {
    p.stripes(item.x0, barY, w, h, colors.runningStripe, 8);
    // The live edge: where the task is now.
    p.rect(item.x0 + w - Math.min(3, w), barY, Math.min(3, w), h, colors.outline, 0.9);
  }
  const label = fitLabel(failed ? `✕ ${task.label}` : task.label, w, layout.fontSize);
  if (label !== null) {
    p.text(item.x0 + layout.fontSize * 0.45, barY + h / 2, label, {
      color: colors.barText,
      size: layout.fontSize,
      mono: true,
    });
  } else if (failed) {
    // Too thin for its label (it failed at once): a ✕ above it keeps it visible.
    p.text(item.x0 + w / 2, barY - 1, '✕', {
      color: colors.failed,
      size: Math.max(9, layout.smallFontSize),
      align: 'center',
      bold: true,
    });
  }
}

function drawBlock(ctx: DrawContext, block: BlockItem, barY: number): void {
  const { p, layout, colors } = ctx;
  const h = layout.barHeight;
  const w = Math.max(block.x1 - block.x0 - 1, 1);
  const mostlyFailed = block.failed * 2 > block.count;
  p.rect(block.x0, barY, w, h, mostlyFailed ? colors.failed : colors.done, 0.75);
  // Thin dividers say "many tasks here" even without the text.
  p.rect(block.x0, barY + h - 3, w, 3, colors.outline, 0.35);
  if (block.failed > 0 && !mostlyFailed) p.rect(block.x0, barY, w, 3, colors.failed);
  const text = blockLabel(block.count, w, layout.smallFontSize);
  if (text) {
    p.text(block.x0 + w / 2, barY + h / 2, text, {
      color: colors.barText,
      size: layout.smallFontSize,
      align: 'center',
    });
  }
}

/** One formatter for every block (toLocaleString builds one per call: thousands of blocks a frame). */
const COUNT = new Intl.NumberFormat('en');

/** `12,365 tasks`, or as much of it as fits: `12,365`, `12k`. */
export function blockLabel(count: number, width: number, fontSize: number): string | null {
  // Most blocks of a zoomed-out run are a few pixels wide: too narrow for any label.
  const compact = count >= 1000 ? `${Math.round(count / 1000)}k` : String(count);
  if (fitLabel(compact, width, fontSize, Infinity) === null) return null;
  const full = COUNT.format(count);
  for (const text of [`${full} tasks`, full, compact]) {
    if (fitLabel(text, width, fontSize, Infinity) !== null) return text;
  }
  return null;
}

function drawExit(ctx: DrawContext, worker: WorkerRecord, y: number, height: number): void {
  if (worker.exited === null) return;
  const { p, layout, scale, colors } = ctx;
  const x = scale.x(worker.exited);
  const crashed = isCrash(worker);
  const color = crashed ? colors.failed : colors.muted;
  p.line(x, y + 2, x, y + height - 2, color, crashed ? 3 : 2);
  let label: string | null = null;
  if (crashed) label = `✕ ${exitText(worker)}${ctx.model.brokenMessage ? ' · broke the pool' : ''}`;
  else if (worker.reason === 'recycled') label = `↻ recycled after ${worker.tasks.length}`;
  if (!label) return;
  const size = layout.smallFontSize;
  const width = label.length * size * 0.62;
  const nearEnd = x + width + 6 > scale.left + scale.width;
  const ty = y + Math.min(size * 0.7, height / 2);
  p.text(nearEnd ? x - 4 : x + 4, ty, label, {
    color,
    size,
    align: nearEnd ? 'right' : 'left',
    bold: crashed,
  });
}

/** A dashed link from a recycled process's end to the process that took over. */
function drawRecycleLinks(ctx: DrawContext): void {
  const { layout, scale, colors, p } = ctx;
  const laneOf = new Map(layout.workers.map((lane) => [lane.worker.index, lane]));
  for (const { worker, successor } of ctx.marks.recycles) {
    if (!successor || worker.exited === null) continue;
    const a = laneOf.get(worker.index);
    const b = laneOf.get(successor.index);
    if (!a || !b) continue;
    const ya = laneOnScreen(ctx, a).y + a.height / 2;
    const yb = laneOnScreen(ctx, b).y + b.height / 2;
    const xa = scale.x(worker.exited);
    const xb = scale.x(successor.spawned);
    p.polyline(
      [xa, ya, Math.max(xa, xb) + 4, ya, Math.max(xa, xb) + 4, yb, xb, yb],
      colors.link,
      1.5,
      [4, 3],
    );
  }
}
