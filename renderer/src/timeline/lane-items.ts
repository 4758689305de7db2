/**
 * What a worker lane shows at the current zoom: a bar per task wide enough to
 * see, and where tasks are thinner than a few pixels, blocks that sum them up
 * ("1,200 tasks") and resolve into bars as you zoom in. Only the tasks in
 * view are visited: a worker runs one task at a time, so its tasks are in
 * start order and a binary search finds the first one in view.
 */
import type { RunModel, TaskRecord, WorkerRecord } from '../../../shared/run-model';
import type { Scale } from './geometry';

/** Each worker's tasks in the order it ran them, kept up to date as the run's log grows. */
export class LaneIndex {
  readonly #model: RunModel;
  readonly #lanes = new Map<number, { cursor: number; records: TaskRecord[] }>();

  constructor(model: RunModel) {
    this.#model = model;
  }

  get model(): RunModel {
    return this.#model;
  }

  records(worker: WorkerRecord): TaskRecord[] {
    let lane = this.#lanes.get(worker.index);
    if (!lane) {
      lane = { cursor: 0, records: [] };
      this.#lanes.set(worker.index, lane);
    }
    while (lane.cursor < worker.tasks.length) {
      const task = this.#model.task(worker.tasks[lane.cursor]!);
      if (task) lane.records.push(task);
      lane.cursor++;
    }
    return lane.records;
  }

  /** Index of the first record not yet finished (the lane's running or dispatched tail). */
  firstOpen(records: readonly TaskRecord[]): number {
    let i = records.length;
    while (i > 0 && records[i - 1]!.finished === null) i--;
    return i;
  }
}

export interface BarItem {
  kind: 'bar';
  task: TaskRecord;
  x0: number;
  x1: number;
}

export interface BlockItem {
  kind: 'block';
  /** Indices into the lane's records, inclusive. */
  from: number;
  to: number;
  count: number;
  start: number;
  end: number;
  x0: number;
  x1: number;
  failed: number;
  running: number;
}

export type LaneItem = BarItem | BlockItem;

export interface ItemOptions {
  /** Bars narrower than this are summed into blocks (px). */
  minBarPx: number;
  /** Blocks are cut at this width, so a zoomed-out lane still shows where tasks were dense (px). */
  maxBlockPx: number;
  /** A lone task is drawn at least this wide (a task that failed at once stays visible). */
  minWidthPx: number;
}

export const DEFAULT_ITEM_OPTIONS: ItemOptions = { minBarPx: 3, maxBlockPx: 96, minWidthPx: 2 };

const startOf = (t: TaskRecord): number => t.started ?? Infinity;

/** The first record whose bar reaches `ms` or later (records sorted by start). */
export function firstInView(records: readonly TaskRecord[], ms: number, now: number, upTo: number): number {
  let lo = 0;
  let hi = upTo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(records[mid]!) < ms) lo = mid + 1;
    else hi = mid;
  }
  // The bar before may still be running across the view's left edge.
  if (lo > 0) {
    const before = records[lo - 1]!;
    if ((before.finished ?? now) >= ms) return lo - 1;
  }
  return lo;
}

/**
 * Items for records [from, upTo) of one lane that fall in the scale's view.
 * Running tasks end at `now`.
 */
export function laneItems(
  records: readonly TaskRecord[],
  scale: Scale,
  now: number,
  upTo = records.length,
  from = 0,
  options: ItemOptions = DEFAULT_ITEM_OPTIONS,
): LaneItem[] {
  const items: LaneItem[] = [];
  let block: BlockItem | null = null;
  const flush = (): void => {
    if (!block) return;
    if (block.count === 1) {
      const task = records[block.from]!;
      items.push({ kind: 'bar', task, x0: block.x0, x1: Math.max(block.x1, block.x0 + options.minWidthPx) });
    } else {
      items.push(block);
    }
    block = null;
  };
  const first = Math.max(from, firstInView(records, scale.start, now, upTo));
  for (let i = first; i < upTo; i++) {
    const task = records[i]!;
    const start = task.started;
    if (start === null || start > scale.end) break;
    const end = task.finished ?? now;
    const x0 = scale.x(start);
    const x1 = scale.x(Math.max(end, start));
    if (x1 - x0 >= options.minBarPx) {
      flush();
      items.push({ kind: 'bar', task, x0, x1 });
      continue;
    }
    const b: BlockItem | null = block;
    if (b && x0 <= b.x1 + 1 && x1 - b.x0 <= options.maxBlockPx) {
      b.to = i;
      b.count++;
      b.end = Math.max(b.end, end);
      b.x1 = Math.max(b.x1, x1);
      if (task.state === 'error') b.failed++;
      if (task.finished === null) b.running++;
      continue;
    }
    flush();
    block = {
      kind: 'block',
      from: i,
      to: i,
      count: 1,
      start,
      end,
      x0,
      x1,
      failed: task.state === 'error' ? 1 : 0,
      running: task.finished === null ? 1 : 0,
    };
  }
  flush();
  return items;
}

/** The item under x (px), if any, with a little slack for thin bars. */
export function itemAt(items: readonly LaneItem[], x: number, slack = 2): LaneItem | null {
  let best: LaneItem | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = x < item.x0 ? item.x0 - x : x > item.x1 ? x - item.x1 : 0;
    if (distance === 0) return item;
    if (distance <= slack && distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}
