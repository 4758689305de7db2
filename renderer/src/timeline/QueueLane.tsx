/**
 * The queue lane: every task from when it was submitted until a process
 * started it. Tasks still waiting are drawn strong; past waits stay faint.
 * A big run (hundreds of tasks) shows the queue's length over time instead:
 * one shape, not thousands of bars redrawn on every frame.
 */
import { memo, useMemo } from 'react';
import type { TaskRecord } from '../../../shared/run-model';
import { fitLabel, queueRow, waitEnd, type Layout, type Scale } from './geometry';
import { LaneFrame } from './LaneFrame';

interface Props {
  tasks: readonly TaskRecord[];
  layout: Layout;
  scale: Scale;
  now: number;
  /** The run model's version: changes when events arrive. */
  version: number;
}

/** Above this many tasks the queue is drawn as its length over time. */
export const QUEUE_DETAIL_LIMIT = 120;

export function QueueLane({ tasks, layout, scale, now, version }: Props) {
  const { queue } = layout;
  const waiting = tasks.filter((t) => t.started === null && t.finished === null).length;
  if (tasks.length > QUEUE_DETAIL_LIMIT) {
    return (
      <QueueDepth tasks={tasks} layout={layout} scale={scale} now={now} waiting={waiting} version={version} />
    );
  }
  return (
    <g
      className="tl-queue"
      role="list"
      aria-label={`Queue: ${waiting} task${waiting === 1 ? '' : 's'} waiting for a process`}
      data-testid="queue-lane"
    >
      <LaneFrame y={queue.y} height={queue.height} layout={layout} scale={scale} label="Queue" />
      {tasks.map((task, i) => {
        const end = waitEnd(task, now);
        const x = scale.x(task.submitted);
        const width = Math.max(1.5, scale.x(end) - x);
        const y = queue.y + 4 * layout.zoom + queueRow(i, queue.rows) * queue.rowHeight;
        const still = task.started === null && task.finished === null;
        const text = queue.rows <= 5 ? fitLabel(task.label, width, layout.smallFontSize, Infinity) : null;
        return (
          <QueueBar
            key={task.id}
            task={task.id}
            label={task.label}
            x={x}
            y={y}
            width={width}
            height={queue.rowHeight - 2}
            still={still}
            text={text}
            fontSize={layout.smallFontSize}
          />
        );
      })}
    </g>
  );
}

interface BarProps {
  task: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  still: boolean;
  text: string | null;
  fontSize: number;
}

const QueueBar = memo(function QueueBar(p: BarProps) {
  return (
    <g
      className={p.still ? 'tl-wait tl-wait--now' : 'tl-wait'}
      role="listitem"
      aria-label={`${p.label} ${p.still ? 'waiting' : 'waited'}`}
      data-testid="queue-bar"
      data-task={p.task}
      data-hover={`queue:${p.task}`}
    >
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={2} />
      {p.text !== null && (
        <text
          x={p.x + p.fontSize * 0.4}
          y={p.y + p.height / 2}
          dominantBaseline="central"
          fontSize={p.fontSize}
        >
          {p.text}
        </text>
      )}
    </g>
  );
});

/** How many tasks wait, over time: a step shape as tall as the lane at its longest. */
function QueueDepth({
  tasks,
  layout,
  scale,
  now,
  waiting,
  version,
}: Props & { waiting: number; version: number }) {
  const { queue, zoom } = layout;
  const top = queue.y + 4 * zoom;
  const height = queue.height - 8 * zoom;
  // The shape changes only when events arrive; between them only its end moves to "now".
  const shape = useMemo(() => depthShape(tasks, top, height), [tasks, top, height, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const k = scale.width / scale.domainEnd;
  return (
    <g
      className="tl-queue"
      role="img"
      aria-label={`Queue: ${waiting.toLocaleString('en')} of ${tasks.length.toLocaleString('en')} tasks waiting; at most ${shape.deepest.toLocaleString('en')} waited at once`}
      data-testid="queue-lane"
    >
      <LaneFrame
        y={queue.y}
        height={queue.height}
        layout={layout}
        scale={scale}
        label="Queue"
        labelY={queue.y + queue.height / 2 - layout.smallFontSize * 0.6}
      />
      <text
        className="tl-lane__sublabel"
        x={16 * zoom}
        y={queue.y + queue.height / 2 + layout.fontSize * 0.7}
        dominantBaseline="central"
        fontSize={layout.smallFontSize}
      >
        {waiting > 0
          ? `${waiting.toLocaleString('en')} waiting`
          : `max ${shape.deepest.toLocaleString('en')}`}
      </text>
      <g transform={`translate(${scale.left} 0) scale(${k} 1)`}>
        <path className="tl-queue-depth" d={shape.path} />
        {shape.openDepth > 0 && (
          <rect
            className="tl-queue-depth"
            x={shape.lastT}
            y={shape.y(shape.openDepth)}
            width={Math.max(0, now - shape.lastT)}
            height={top + height - shape.y(shape.openDepth)}
          />
        )}
      </g>
    </g>
  );
}

/** The queue length as a step path in milliseconds (x) and pixels (y), up to the last known change. */
function depthShape(tasks: readonly TaskRecord[], top: number, height: number) {
  const steps: [number, number][] = [];
  for (const task of tasks) {
    steps.push([task.submitted, 1]);
    const end = task.started ?? task.finished;
    if (end !== null) steps.push([end, -1]);
  }
  steps.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let deepest = 0;
  for (const [, delta] of steps) {
    depth += delta;
    deepest = Math.max(deepest, depth);
  }
  const bottom = top + height;
  const y = (d: number): number => bottom - (deepest === 0 ? 0 : (d / deepest) * height);
  const parts: string[] = [`M ${steps[0]?.[0] ?? 0} ${bottom}`];
  depth = 0;
  let lastT = 0;
  for (const [t, delta] of steps) {
    parts.push(`L ${t} ${y(depth)}`);
    depth += delta;
    parts.push(`L ${t} ${y(depth)}`);
    lastT = t;
  }
  parts.push(`L ${lastT} ${bottom} Z`);
  return { path: parts.join(' '), deepest, openDepth: depth, lastT, y };
}
