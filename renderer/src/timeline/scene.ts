/**
 * One drawing of a run, in two layers. The static layer holds what only
 * changes when events arrive or the view moves (finished tasks, marks); the
 * overlay holds what moves with time on a live run (running bars, alive
 * processes, waits still going, the now line) and what follows the pointer
 * (hover, the keyboard's bar, the selection) — so a tick of the live clock
 * redraws a handful of shapes, not the run. Returns what was drawn where,
 * for hit testing and the accessible mirror.
 */
import type { TaskRecord } from '../../../shared/run-model';
import { drawCaller, drawInstants, type DrawnDelivery, type DrawnMark } from './draw-caller';
import { drawAxis, drawGrid, type DrawContext } from './draw-frame';
import { drawBar, drawLanesLive, drawLanesStatic, type DrawnLane } from './draw-lanes';
import { drawConcurrency, drawQueue, type DrawnWait } from './draw-queue';
import type { BarItem, BlockItem } from './lane-items';
import type { TimeView } from './view';

export interface Scene {
  lanes: DrawnLane[];
  waits: DrawnWait[];
  deliveries: DrawnDelivery[];
  instants: DrawnMark[];
  /** Blocks of many tasks were drawn (the legend explains them). */
  blocks: number;
  /** The model's version this scene shows. */
  version: number;
}

export interface LiveScene {
  running: { worker: number; bar: BarItem; barY: number }[];
  waits: DrawnWait[];
}

export type Highlight =
  { kind: 'task'; task: TaskRecord } | { kind: 'block'; worker: number; block: BlockItem } | null;

export function drawStatic(ctx: DrawContext): Scene {
  drawGrid(ctx);
  drawAxis(ctx);
  drawConcurrency(ctx, ctx.now);
  const waits = drawQueue(ctx, false);
  const lanes = drawLanesStatic(ctx);
  const deliveries = drawCaller(ctx);
  const instants = drawInstants(ctx);
  let blocks = 0;
  for (const lane of lanes) for (const item of lane.items) if (item.kind === 'block') blocks++;
  return { lanes, waits, deliveries, instants, blocks, version: ctx.model.version };
}

export interface OverlayState {
  highlight: Highlight;
  /** The keyboard's bar. */
  active: TaskRecord | null;
  selection: TimeView | null;
}

export function drawOverlay(ctx: DrawContext, scene: Scene, state: OverlayState): LiveScene {
  const { p, layout, scale, colors } = ctx;
  const live: LiveScene = { running: [], waits: [] };
  if (ctx.live) {
    live.waits = drawQueue(ctx, true);
    const running = drawLanesLive(ctx);
    for (const bar of running) {
      const lane = scene.lanes.find((l) => l.worker.index === bar.task.worker);
      if (lane) live.running.push({ worker: lane.worker.index, bar, barY: lane.barY });
    }
    const x = scale.x(ctx.now);
    if (x >= scale.left && x <= scale.left + scale.width) {
      p.line(x, layout.axis.y + layout.axis.height, x, layout.height, colors.now, 2);
    }
  }
  const outline = (x0: number, y: number, x1: number, h: number, width: number): void => {
    p.strokeRect(x0 - width, y - width, x1 - x0 + width * 2, h + width * 2, colors.outline, width);
  };
  const barOf = (task: TaskRecord): { x0: number; x1: number; y: number } | null => {
    const lane = scene.lanes.find((l) => l.worker.index === task.worker);
    if (!lane || task.started === null) return null;
    const x0 = scale.x(task.started);
    const x1 = Math.max(scale.x(task.finished ?? ctx.now), x0 + 2);
    return { x0, x1, y: lane.barY };
  };
  const h = layout.barHeight;
  p.clip(0, layout.lanes.y - 3, ctx.width, layout.lanes.height + 6, () => {
    if (state.active) {
      const bar = barOf(state.active);
      if (bar) {
        // The keyboard's bar is redrawn on top, so a bar hidden in a block still shows.
        drawBar(ctx, { kind: 'bar', task: state.active, x0: bar.x0, x1: bar.x1 }, bar.y);
        outline(bar.x0, bar.y, bar.x1, h, 2.5);
      }
    }
    const hl = state.highlight;
    if (hl?.kind === 'task') {
      const bar = barOf(hl.task);
      if (bar) outline(bar.x0, bar.y, bar.x1, h, 1.5);
    } else if (hl?.kind === 'block') {
      const lane = scene.lanes.find((l) => l.worker.index === hl.worker);
      if (lane) outline(hl.block.x0, lane.barY, hl.block.x1 - 1, h, 1.5);
    }
  });
  if (state.selection) {
    const x0 = Math.max(scale.left, scale.x(state.selection.start));
    const x1 = Math.min(scale.left + scale.width, scale.x(state.selection.end));
    const top = layout.axis.y;
    if (x1 >= x0) {
      p.rect(x0, top, Math.max(1, x1 - x0), layout.height - top, colors.selection);
      p.line(x0, top, x0, layout.height, colors.shutdown, 1);
      p.line(x1, top, x1, layout.height, colors.shutdown, 1);
    }
  }
  return live;
}
