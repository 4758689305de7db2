/**
 * The timeline in the DOM, for keyboard and screen-reader users (and the
 * tests): the canvas draws, this says what is there — each lane a list
 * named for its process, each task an item named for what it did, each
 * result reaching the caller, each mark — placed over what the canvas drew
 * (transparent, letting the pointer through). A run of more than
 * MIRROR_LIMIT tasks (MIRROR_LIVE_LIMIT while it goes) lists what is in view: tasks, or blocks
 * of many tasks.
 */
import { memo, useCallback, useSyncExternalStore } from 'react';
import type { RunModel, TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { formatSeconds, tickLabel, tickUnit } from '../../../shared/timeline-scale';
import { axisTicks } from './draw-frame';
import { barState } from '../theme/palette';
import { barLabel, ordinal } from './describe';
import { markSentences, runMarks, exitReasonText, isCrash } from './marks';
import type { LaneItem } from './lane-items';
import type { TimelineController } from './timeline-controller';
import { TIME_AXIS_CLASS, timeTransform, unitOf } from './mirror-geometry';
import { useThrottledVersion } from '../store/use-throttled';

/** Runs up to this many tasks list every task; bigger ones list what is in view. */
export const MIRROR_LIMIT = 2000;

/**
 * While a run is live the mirror lists every task only up to this many: listing two thousand
 * items once a second would cost the page a long frame each time, in the middle of the run.
 */
export const MIRROR_LIVE_LIMIT = 300;

interface Props {
  controller: TimelineController;
  domId(task: number): string;
}

/**
 * How often the mirror follows the drawing: while a run is live it changes on every tick, and
 * rebuilding the lists that often would cost the workers being watched the CPU.
 */
const MIRROR_MS = 200;
const MIRROR_LIVE_MS = 1000;

export function TimelineMirror({ controller, domId }: Props) {
  const every = useCallback(() => (controller.running ? MIRROR_LIVE_MS : MIRROR_MS), [controller]);
  useThrottledVersion(controller.drawn, every);
  const active = useSyncExternalStore(controller.subscribe, () => controller.active);
  const model = controller.model;
  const scene = controller.scene;
  if (!model || !scene) return null;
  const { layout, scale } = controller;
  const unit = unitOf(controller.boundsEnd());
  const transform = timeTransform(scale, unit);
  const started = model.tasks.reduce((n, t) => n + (t.started !== null ? 1 : 0), 0);
  const everything = started <= (controller.running ? MIRROR_LIVE_LIMIT : MIRROR_LIMIT);
  const activeTask = active !== null ? model.task(active) : undefined;
  const marks = controller.marks() ?? runMarks(model);
  const counts = model.counts();
  const lanesTop = layout.lanes.y;
  const axis = axisTicks(scale, layout.zoom);
  const shown = axis.ticks.filter((t) => t >= scale.start && t <= scale.end);
  return (
    <div className="tl-mirror" data-time-unit={unit}>
      {layout.axis.height > 0 && (
        <div
          className="tl-mirror__region"
          role="img"
          data-testid="timeline-axis"
          data-unit={tickUnit(axis.step)}
          aria-label={`Time axis from ${formatSeconds(scale.start)} to ${formatSeconds(scale.end)}, ticks at ${shown
            .map((t) => tickLabel(t, axis.step))
            .join(', ')}`}
          style={{ top: layout.axis.y, height: layout.axis.height }}
        />
      )}
      {layout.concurrency.height > 0 && (
        <div
          className="tl-mirror__region"
          role="img"
          data-testid="concurrency-track"
          aria-label={`Concurrency: ${counts.running} running and ${counts.queued} waiting now`}
          style={{ top: layout.concurrency.y, height: layout.concurrency.height }}
        />
      )}
      {layout.queue.height > 0 && (
        <QueueMirror model={model} controller={controller} transform={transform} unit={unit} />
      )}
      <div className="tl-mirror__lanes" style={{ top: lanesTop, height: layout.lanes.height }}>
        <div
          className="tl-mirror__scroll"
          data-scroll-y
          style={{ transform: `translateY(${-controller.scrollY}px)` }}
        >
          {layout.workers.map((lane) => {
            const drawn = scene.lanes.find((l) => l.worker.index === lane.worker.index);
            const records = controller.lanes?.records(lane.worker) ?? [];
            return (
              <LaneMirror
                key={lane.worker.index}
                worker={lane.worker}
                model={model}
                y={lane.y}
                height={lane.height}
                records={records}
                items={everything ? null : (drawn?.items ?? [])}
                active={activeTask && activeTask.worker === lane.worker.index ? activeTask : null}
                transform={transform}
                unit={unit}
                domId={domId}
                barY={(layout.barHeight - lane.height) / -2}
                barHeight={layout.barHeight}
              />
            );
          })}
        </div>
      </div>
      <CallerMirror
        model={model}
        controller={controller}
        transform={transform}
        unit={unit}
        everything={everything}
      />
      <ul className="tl-mirror__marks" aria-label="Marks on the timeline">
        {markSentences(model, marks).map((m) => (
          <li key={m.key} data-testid="timeline-mark" data-mark={m.key.replace(/-\d+$/, '')}>
            {m.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function QueueMirror({
  model,
  controller,
  transform,
  unit,
}: {
  model: RunModel;
  controller: TimelineController;
  transform: string;
  unit: number;
}) {
  const { queue } = controller.layout;
  const waiting = model.tasks.filter((t) => t.started === null && t.finished === null);
  const detailed = controller.scene?.waits.length ?? 0;
  return (
    <div
      className="tl-mirror__region"
      role="list"
      aria-label={`Queue: ${waiting.length.toLocaleString('en')} task${waiting.length === 1 ? '' : 's'} waiting for a process`}
      data-testid="queue-lane"
      style={{ top: queue.y, height: queue.height }}
    >
      {detailed + (controller.live?.waits.length ?? 0) > 0 && (
        <div className={TIME_AXIS_CLASS} style={{ transform }}>
          {model.tasks.map((task) => {
            const end = task.started ?? task.finished ?? controller.now();
            const state =
              task.state === 'cancelled'
                ? 'cancelled'
                : task.started === null && task.finished === null
                  ? 'waiting'
                  : 'waited';
            return (
              <div
                key={task.id}
                className="tl-mirror__item"
                role="listitem"
                aria-label={`${task.label} ${state}`}
                data-testid="queue-bar"
                data-task={task.id}
                data-state={state}
                style={{
                  left: task.submitted / unit,
                  width: Math.max(end - task.submitted, unit) / unit,
                  top: 2,
                  height: queue.height - 4,
                }}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

interface LaneProps {
  worker: WorkerRecord;
  model: RunModel;
  y: number;
  height: number;
  records: readonly TaskRecord[];
  /** What is in view (big runs), or null to list every task. */
  items: readonly LaneItem[] | null;
  active: TaskRecord | null;
  transform: string;
  unit: number;
  domId(task: number): string;
  barY: number;
  barHeight: number;
}

function LaneMirror(p: LaneProps) {
  const { worker, records } = p;
  const status = worker.exited === null ? 'running' : isCrash(worker) ? 'ended unexpectedly' : 'exited';
  const count = records.length;
  const bars: TaskRecord[] = [];
  const blocks: { key: string; label: string; start: number; end: number }[] = [];
  if (p.items === null) {
    for (const task of records) if (task.started !== null) bars.push(task);
  } else {
    for (const item of p.items) {
      if (item.kind === 'bar') bars.push(item.task);
      else
        blocks.push({
          key: `${item.from}-${item.to}`,
          label: `${item.count.toLocaleString('en')} tasks, ${records[item.from]!.label} to ${records[item.to]!.label}, ${formatSeconds(item.start)} to ${formatSeconds(item.end)}${item.failed > 0 ? `, ${item.failed} failed` : ''}`,
          start: item.start,
          end: item.end,
        });
    }
    if (p.active && !bars.includes(p.active)) bars.push(p.active);
  }
  const end = worker.exited !== null ? `; ${exitReasonText(worker, p.model)}` : '';
  const thread = worker.thread;
  // Threads of a ThreadPoolExecutor share their process's PID: the lane says which thread.
  const what = thread
    ? `PID ${worker.pid ?? '?'} · thread ${thread.ordinal}: worker thread ${thread.name}`
    : `PID ${worker.pid ?? '?'}: worker process ${worker.index + 1}`;
  return (
    <div
      className="tl-mirror__lane"
      role="list"
      aria-label={`${what}, ${status}, ${count} task${count === 1 ? '' : 's'}${end}`}
      data-testid="timeline-lane"
      data-pid={worker.pid ?? undefined}
      data-thread={thread?.ordinal}
      data-worker={worker.index}
      data-alive={worker.exited === null ? 'true' : 'false'}
      style={{ top: p.y, height: p.height }}
    >
      <div className={TIME_AXIS_CLASS} style={{ transform: p.transform }}>
        {bars.map((task) => (
          <BarMirror
            key={task.id}
            id={p.domId(task.id)}
            task={task.id}
            pid={task.pid}
            state={barState(task.state)}
            label={task.label}
            ariaLabel={barLabel(task)}
            left={task.started! / p.unit}
            width={Math.max((task.finished ?? task.started!) - task.started!, p.unit) / p.unit}
            top={p.barY}
            height={p.barHeight}
            active={p.active === task}
          />
        ))}
        {blocks.map((b) => (
          <div
            key={b.key}
            className="tl-mirror__item"
            role="listitem"
            aria-label={b.label}
            data-testid="timeline-block"
            style={{
              left: b.start / p.unit,
              width: Math.max(b.end - b.start, p.unit) / p.unit,
              top: p.barY,
              height: p.barHeight,
            }}
          />
        ))}
      </div>
    </div>
  );
}

interface BarMirrorProps {
  id: string;
  task: number;
  pid: number | null;
  state: string;
  label: string;
  ariaLabel: string;
  left: number;
  width: number;
  top: number;
  height: number;
  active: boolean;
}

const BarMirror = memo(function BarMirror(p: BarMirrorProps) {
  return (
    <div
      className="tl-mirror__item"
      id={p.id}
      role="listitem"
      aria-label={p.ariaLabel}
      data-testid="timeline-bar"
      data-task={p.task}
      data-pid={p.pid ?? undefined}
      data-state={p.state}
      data-label={p.label}
      data-active={p.active ? 'true' : undefined}
      style={{ left: p.left, width: p.width, top: p.top, height: p.height }}
    />
  );
});

function CallerMirror({
  model,
  controller,
  transform,
  unit,
  everything,
}: {
  model: RunModel;
  controller: TimelineController;
  transform: string;
  unit: number;
  everything: boolean;
}) {
  const { caller } = controller.layout;
  const delivered = everything
    ? model.tasks.filter((t) => t.delivered !== null && t.deliveryOrder !== null)
    : (controller.scene?.deliveries.map((d) => d.task) ?? []).slice(0, MIRROR_LIMIT);
  const size =
    Math.max(
      unit,
      (caller.height / controller.scale.width) * (controller.scale.end - controller.scale.start),
    ) / unit;
  return (
    <div
      className="tl-mirror__region"
      role="list"
      aria-label={`Caller: ${model.deliveries.toLocaleString('en')} result${model.deliveries === 1 ? '' : 's'} received`}
      data-testid="caller-lane"
      style={{ top: caller.y, height: caller.height }}
    >
      <div className={TIME_AXIS_CLASS} style={{ transform }}>
        {delivered.map((task) => (
          <div
            key={task.id}
            className="tl-mirror__item"
            role="listitem"
            aria-label={`${ordinal(task.deliveryOrder!)} result received: ${task.label}${
              task.result !== undefined ? ` = ${task.result}` : task.error ? ` raised ${task.error.name}` : ''
            } at ${formatSeconds(task.delivered!)}`}
            data-testid="delivery-marker"
            data-order={task.deliveryOrder!}
            data-task={task.id}
            style={{
              left: task.delivered! / unit - size / 2,
              width: size,
              top: 2,
              height: caller.height - 4,
            }}
          />
        ))}
      </div>
    </div>
  );
}
