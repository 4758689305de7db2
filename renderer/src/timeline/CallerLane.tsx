/**
 * The caller lane: a numbered marker where each result reached the driver
 * loop (1 = first received). Map's in-order delivery and as_completed's
 * completion order show up here; dashed lines link each task's end to its
 * delivery, so a result held back by map is easy to spot.
 */
import { memo } from 'react';
import type { TaskRecord } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import { ordinal } from './describe';
import { placeMarkers, type Layout, type Scale } from './geometry';
import { LaneFrame } from './LaneFrame';

interface Props {
  tasks: readonly TaskRecord[];
  layout: Layout;
  scale: Scale;
  /** Lane centre of each worker index, for the links from a task's end. */
  laneMid: ReadonlyMap<number, number>;
}

/** Past this many deliveries, markers are plain ticks: numbers and links would be noise. */
const DETAILED_LIMIT = 150;

export function CallerLane({ tasks, layout, scale, laneMid }: Props) {
  const { caller, zoom } = layout;
  const delivered = tasks.filter((t) => t.deliveryOrder !== null && t.delivered !== null);
  const detailed = delivered.length <= DETAILED_LIMIT;
  const size = 20 * zoom;
  const placed = detailed
    ? placeMarkers(
        delivered.map((t) => ({ task: t.id, order: t.deliveryOrder!, at: t.delivered! })),
        scale,
        size,
        true,
      )
    : [];
  const byId = new Map(delivered.map((t) => [t.id, t]));
  const cy = caller.y + caller.height / 2;
  return (
    <g
      className="tl-caller"
      role="list"
      aria-label={`Caller: ${delivered.length} result${delivered.length === 1 ? '' : 's'} received`}
      data-testid="caller-lane"
    >
      <LaneFrame y={caller.y} height={caller.height} layout={layout} scale={scale} label="Caller" />
      {detailed &&
        placed.map((m) => {
          const task = byId.get(m.task)!;
          const fromY = task.worker !== null ? laneMid.get(task.worker) : undefined;
          if (fromY === undefined || task.finished === null) return null;
          return (
            <path
              key={`link-${m.task}`}
              className="tl-link"
              d={`M ${scale.x(task.finished)} ${fromY} L ${m.x} ${caller.y + 3} L ${m.mx} ${cy - size / 2}`}
            />
          );
        })}
      {detailed ? (
        placed.map((m) => {
          const task = byId.get(m.task)!;
          return (
            <Marker
              key={m.task}
              task={m.task}
              order={m.order}
              mx={m.mx}
              cy={cy}
              size={size}
              failed={task.state === 'error' || task.state === 'cancelled'}
              fontSize={Math.round(11 * zoom)}
              ariaLabel={`${ordinal(m.order)} result received: ${task.label} ${
                task.result !== undefined ? `= ${task.result}` : task.error ? `raised ${task.error.name}` : ''
              } at ${formatSeconds(task.delivered!)}`}
            />
          );
        })
      ) : (
        // Many deliveries: thin ticks in milliseconds, scaled by the lane (cheap to redraw).
        <g transform={`translate(${scale.left} 0) scale(${scale.width / scale.domainEnd} 1)`}>
          {delivered.map((task) => (
            <Tick
              key={task.id}
              task={task.id}
              order={task.deliveryOrder!}
              at={task.delivered!}
              cy={cy}
              size={size}
            />
          ))}
        </g>
      )}
    </g>
  );
}

interface MarkerProps {
  task: number;
  order: number;
  mx: number;
  cy: number;
  size: number;
  failed: boolean;
  fontSize: number;
  ariaLabel: string;
}

const Marker = memo(function Marker(p: MarkerProps) {
  return (
    <g
      className={p.failed ? 'tl-marker tl-marker--failed' : 'tl-marker'}
      role="listitem"
      aria-label={p.ariaLabel}
      data-testid="delivery-marker"
      data-order={p.order}
      data-task={p.task}
      data-hover={`delivery:${p.task}`}
    >
      <circle cx={p.mx} cy={p.cy} r={p.size / 2} />
      <text
        x={p.mx}
        y={p.cy}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={p.order > 99 ? p.fontSize * 0.8 : p.fontSize}
      >
        {p.order}
      </text>
    </g>
  );
});

const Tick = memo(function Tick(p: { task: number; order: number; at: number; cy: number; size: number }) {
  return (
    <line
      className="tl-tick"
      data-testid="delivery-marker"
      data-order={p.order}
      data-task={p.task}
      data-hover={`delivery:${p.task}`}
      x1={p.at}
      x2={p.at}
      y1={p.cy - p.size / 2}
      y2={p.cy + p.size / 2}
    />
  );
});
