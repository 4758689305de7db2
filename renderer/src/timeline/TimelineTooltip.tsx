/**
 * The tooltip of whatever the pointer is over, else of the keyboard's task:
 * a task, a block of tasks, a process, a result's delivery, one of the
 * run's instants, or the counts at a moment of the concurrency track.
 */
import { useSyncExternalStore, type RefObject } from 'react';
import {
  blockTooltip,
  concurrencyTooltip,
  markTooltip,
  taskTooltip,
  workerTooltip,
  type TooltipContent,
} from './describe';
import type { TimelineController } from './timeline-controller';
import { Tooltip, type TooltipAnchor } from './Tooltip';

interface Props {
  controller: TimelineController;
  container: RefObject<HTMLElement | null>;
  domId(task: number): string;
}

export function TimelineTooltip({ controller, container, domId }: Props) {
  const hover = useSyncExternalStore(controller.subscribe, () => controller.hover);
  const active = useSyncExternalStore(controller.subscribe, () => controller.active);
  const model = controller.model;
  if (!model) return null;
  const now = controller.now();
  let content: TooltipContent | null = null;
  let anchor: TooltipAnchor | null = null;
  if (hover) {
    anchor = { kind: 'point', clientX: hover.clientX, clientY: hover.clientY };
    const target = hover.target;
    switch (target.kind) {
      case 'task':
      case 'wait':
      case 'delivery':
        content = taskTooltip(target.task, now);
        break;
      case 'block':
        content = blockTooltip(target.block, controller.lanes?.records(target.worker) ?? []);
        break;
      case 'worker':
        content = workerTooltip(target.worker, now, model);
        break;
      case 'mark':
        content = markTooltip(target.key, model);
        break;
      case 'concurrency': {
        const index = controller.concurrency;
        if (index) {
          index.update();
          const t = Math.min(target.t, now);
          content = concurrencyTooltip(target.t, index.runningAt(t, now), index.waitingAt(t));
        }
        break;
      }
    }
  } else if (active !== null) {
    const task = model.task(active);
    if (task) {
      content = taskTooltip(task, now);
      anchor = { kind: 'element', id: domId(active) };
    }
  }
  if (!content || !anchor) return null;
  return (
    <Tooltip
      title={content.title}
      state={content.state}
      rows={content.rows}
      anchor={anchor}
      container={container}
    />
  );
}
