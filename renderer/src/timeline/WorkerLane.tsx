/**
 * One worker's lane: its PID in the worker's colour (and, for a thread of a
 * ThreadPoolExecutor, which thread of that PID), its life (start-up hatched,
 * then alive until it exited), and the tasks it ran.
 */
import type { WorkerRecord } from '../../../shared/run-model';
import type { LaneBox, Layout, Scale } from './geometry';
import { LaneFrame } from './LaneFrame';
import { BarLabel, TaskBar, type BarLabelProps, type TaskBarProps } from './TaskBar';

interface Props {
  lane: LaneBox & { worker: WorkerRecord };
  layout: Layout;
  scale: Scale;
  now: number;
  color: string;
  /** Id of the hatch pattern drawn over the start-up. */
  hatchId: string;
  bars: TaskBarProps[];
  labels: BarLabelProps[];
}

export function WorkerLane({ lane, layout, scale, now, color, hatchId, bars, labels }: Props) {
  const { worker } = lane;
  const end = worker.exited ?? now;
  const x0 = scale.x(worker.spawned);
  const xReady = scale.x(worker.ready ?? end);
  const x1 = scale.x(end);
  const mid = lane.y + lane.height / 2;
  const barTop = lane.y + (lane.height - layout.barHeight) / 2;
  const crashed = worker.reason === 'crash' || worker.reason === 'oom' || worker.reason === 'init-failed';
  const pid = worker.pid ?? '?';
  const exitLabel = `exit ${worker.code ?? worker.signal ?? ''}`.trim();
  const nearEnd = x1 + exitLabel.length * layout.smallFontSize * 0.7 > scale.left + scale.width;
  const status = worker.exited === null ? 'running' : crashed ? 'ended unexpectedly' : 'exited';
  const thread = worker.thread;
  const what = thread
    ? `PID ${pid} · thread ${thread.ordinal}: worker thread ${thread.name}`
    : `PID ${pid}: worker process ${worker.index + 1}`;
  return (
    <g
      className="tl-lane"
      role="list"
      aria-label={`${what}, ${status}, ${bars.length} task${bars.length === 1 ? '' : 's'}`}
      data-testid="timeline-lane"
      data-pid={worker.pid ?? undefined}
      data-worker={worker.index}
      data-alive={worker.exited === null ? 'true' : 'false'}
      data-thread={thread?.ordinal}
    >
      <LaneFrame
        y={lane.y}
        height={lane.height}
        layout={layout}
        scale={scale}
        labelY={mid}
        hover={`worker:${worker.index}`}
        label={
          thread ? (
            // Threads share their process's PID: two lines, "PID 123" over "· thread 2".
            <>
              <tspan x={16 * layout.zoom} dy="-0.6em">
                PID {pid}
              </tspan>
              <tspan x={16 * layout.zoom} dy="1.2em" fontSize={layout.smallFontSize}>
                · thread {thread.ordinal}
                {crashed ? ' ✕' : ''}
              </tspan>
            </>
          ) : (
            <>
              PID {pid}
              {crashed ? ' ✕' : ''}
            </>
          )
        }
      />
      <rect
        className="tl-lane__swatch"
        x={6 * layout.zoom}
        y={mid - 6 * layout.zoom}
        width={5 * layout.zoom}
        height={12 * layout.zoom}
        rx={2}
        fill={color}
      />
      <g data-hover={`worker:${worker.index}`}>
        <rect
          className="tl-life"
          x={x0}
          y={barTop}
          width={Math.max(1, x1 - x0)}
          height={layout.barHeight}
          fill={color}
        />
        {xReady - x0 >= 1 && (
          <>
            <rect
              className="tl-startup"
              x={x0}
              y={barTop}
              width={xReady - x0}
              height={layout.barHeight}
              fill={color}
            />
            <rect
              className="tl-startup-hatch"
              fill={`url(#${hatchId})`}
              x={x0}
              y={barTop}
              width={xReady - x0}
              height={layout.barHeight}
            />
          </>
        )}
      </g>
      <g transform={`translate(${scale.left} 0) scale(${scale.width / scale.domainEnd} 1)`}>
        {bars.map((bar) => (
          <TaskBar key={bar.task} {...bar} />
        ))}
      </g>
      {labels.map((label) => (
        <BarLabel key={label.task} {...label} />
      ))}
      {worker.exited !== null && (
        <g className={crashed ? 'tl-exit tl-exit--crash' : 'tl-exit'} data-hover={`worker:${worker.index}`}>
          <line x1={x1} x2={x1} y1={lane.y + 2} y2={lane.y + lane.height - 2} />
          {crashed && (
            <text
              x={nearEnd ? x1 - 4 * layout.zoom : x1 + 4 * layout.zoom}
              y={lane.y + layout.smallFontSize * 0.6}
              textAnchor={nearEnd ? 'end' : 'start'}
              fontSize={layout.smallFontSize}
              dominantBaseline="central"
            >
              {exitLabel}
            </text>
          )}
        </g>
      )}
    </g>
  );
}
