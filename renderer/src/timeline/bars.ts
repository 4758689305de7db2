/**
 * The bars of a run's worker lanes (one per task that started, in ms) and
 * the labels that fit on them (in px). Shared by the live timeline and the
 * comparison, so a task looks the same wherever it is drawn.
 */
import type { RunModel } from '../../../shared/run-model';
import { barState } from '../theme/palette';
import { cachedBarLabel } from './describe';
import { fitLabel, type Layout, type Scale } from './geometry';
import type { BarLabelProps, TaskBarProps } from './TaskBar';

export interface LaneBars {
  bars: Map<number, TaskBarProps[]>;
  labels: Map<number, BarLabelProps[]>;
}

export function buildBars(
  model: RunModel,
  layout: Layout,
  scale: Scale,
  now: number,
  domId: (task: number) => string,
  active: number | null = null,
): LaneBars {
  const laneOf = new Map(layout.workers.map((lane) => [lane.worker.index, lane]));
  const bars = new Map<number, TaskBarProps[]>();
  const labels = new Map<number, BarLabelProps[]>();
  for (const task of model.tasks) {
    if (task.worker === null || task.started === null) continue;
    const lane = laneOf.get(task.worker);
    if (!lane) continue;
    // Bars are placed in milliseconds; their lane scales them to pixels (a new axis end redraws nothing).
    const duration = Math.max(1e-3, (task.finished ?? now) - task.started);
    const state = barState(task.state);
    const y = lane.y + (lane.height - layout.barHeight) / 2;
    const list = bars.get(task.worker) ?? [];
    list.push({
      domId: domId(task.id),
      task: task.id,
      pid: task.pid,
      state,
      label: task.label,
      ariaLabel: cachedBarLabel(task),
      start: task.started,
      duration,
      y,
      height: layout.barHeight,
      active: active === task.id,
    });
    bars.set(task.worker, list);
    const widthPx = Math.max(2, scale.x(task.started + duration) - scale.x(task.started));
    const text = fitLabel(state === 'failed' ? `✕ ${task.label}` : task.label, widthPx, layout.fontSize);
    if (text !== null) {
      const laneLabels = labels.get(task.worker) ?? [];
      laneLabels.push({
        task: task.id,
        x: scale.x(task.started) + layout.fontSize * 0.45,
        y: y + layout.barHeight / 2,
        text,
        fontSize: layout.fontSize,
      });
      labels.set(task.worker, laneLabels);
    }
  }
  return { bars, labels };
}

/** Lane centre per worker index (where the caller lane's links start). */
export function laneMids(layout: Layout): Map<number, number> {
  return new Map(layout.workers.map((lane) => [lane.worker.index, lane.y + lane.height / 2]));
}
