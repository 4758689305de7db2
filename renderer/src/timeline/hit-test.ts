/**
 * What is under the pointer: a task's bar, a block of many tasks, a process
 * (its name, start-up or idle band), a wait in the queue, a result's marker
 * on the caller lane, one of the run's instants, or a moment of the
 * concurrency track. Answers from the last drawing, so it costs a few
 * comparisons, not a search of the run.
 */
import type { TaskRecord, WorkerRecord } from '../../../shared/run-model';
import type { DrawnMark } from './draw-caller';
import type { Layout, Scale } from './geometry';
import { itemAt, type BlockItem } from './lane-items';
import type { LiveScene, Scene } from './scene';

export type Target =
  | { kind: 'task'; task: TaskRecord }
  | { kind: 'block'; worker: WorkerRecord; block: BlockItem }
  | { kind: 'worker'; worker: WorkerRecord }
  | { kind: 'wait'; task: TaskRecord }
  | { kind: 'delivery'; task: TaskRecord }
  | { kind: 'mark'; key: DrawnMark['key'] }
  | { kind: 'concurrency'; t: number };

export function hitTest(
  scene: Scene,
  live: LiveScene | null,
  layout: Layout,
  scale: Scale,
  x: number,
  y: number,
): Target | null {
  const inPlot = x >= scale.left - 3 && x <= scale.left + scale.width + 3;
  for (const mark of scene.instants) {
    if (Math.abs(x - mark.x) <= 4 && y >= mark.y0 && y <= mark.y1) {
      // Instants on the caller lane win over the lane; lines across the lanes only near their top.
      if (mark.key !== 'stop' && mark.key !== 'shutdown') return { kind: 'mark', key: mark.key };
      if (y <= layout.concurrency.y + layout.concurrency.height + layout.queue.height) {
        return { kind: 'mark', key: mark.key };
      }
    }
  }
  const { concurrency, queue, lanes, caller } = layout;
  if (concurrency.height > 0 && y >= concurrency.y && y < concurrency.y + concurrency.height && inPlot) {
    return { kind: 'concurrency', t: scale.t(x) };
  }
  if (queue.height > 0 && y >= queue.y && y < queue.y + queue.height) {
    for (const wait of [...(live?.waits ?? []), ...scene.waits]) {
      if (x >= wait.x0 - 1 && x <= wait.x1 + 1 && y >= wait.y - 1 && y <= wait.y + wait.height + 1) {
        return { kind: 'wait', task: wait.task };
      }
    }
    return null;
  }
  if (y >= lanes.y && y < lanes.y + lanes.height) {
    const lane = scene.lanes.find((l) => y >= l.y && y < l.y + l.height);
    if (!lane) return null;
    if (x < scale.left) return { kind: 'worker', worker: lane.worker };
    for (const r of live?.running ?? []) {
      if (r.worker === lane.worker.index && x >= r.bar.x0 - 2 && x <= r.bar.x1 + 2) {
        return { kind: 'task', task: r.bar.task };
      }
    }
    const item = itemAt(lane.items, x);
    if (item?.kind === 'bar') return { kind: 'task', task: item.task };
    if (item?.kind === 'block') return { kind: 'block', worker: lane.worker, block: item };
    const w = lane.worker;
    const end = w.exited ?? Infinity;
    const t = scale.t(x);
    if (t >= w.spawned && t <= end) return { kind: 'worker', worker: w };
    return null;
  }
  if (y >= caller.y && y < caller.y + caller.height) {
    let best: { task: TaskRecord; d: number } | null = null;
    for (const d of scene.deliveries) {
      const distance = Math.abs(x - d.cx);
      if (distance <= Math.max(d.r, 3) && (!best || distance < best.d)) best = { task: d.task, d: distance };
    }
    return best ? { kind: 'delivery', task: best.task } : null;
  }
  return null;
}
