/**
 * One task on a worker lane: a bar from start to end, coloured by state.
 * Bars are drawn in milliseconds inside their lane's time scale, so when the
 * axis grows only the scale changes, not thousands of bars. One element per
 * bar (carrying its test and accessibility attributes); the `fn(arg)` label,
 * when it fits, is drawn separately in pixels.
 */
import { memo } from 'react';
import type { BarState } from '../theme/palette';

export interface TaskBarProps {
  domId: string;
  task: number;
  pid: number | null;
  state: BarState;
  label: string;
  ariaLabel: string;
  /** Start and length in ms (the lane's transform turns them into pixels). */
  start: number;
  duration: number;
  y: number;
  height: number;
  active: boolean;
}

export const TaskBar = memo(function TaskBar(p: TaskBarProps) {
  return (
    <rect
      className="tl-bar"
      id={p.domId}
      role="listitem"
      aria-label={p.ariaLabel}
      data-testid="timeline-bar"
      data-task={p.task}
      data-pid={p.pid ?? undefined}
      data-state={p.state}
      data-label={p.label}
      data-hover={`task:${p.task}`}
      data-active={p.active ? 'true' : undefined}
      x={p.start}
      y={p.y}
      width={p.duration}
      height={p.height}
    />
  );
});

export interface BarLabelProps {
  task: number;
  x: number;
  y: number;
  text: string;
  fontSize: number;
}

export const BarLabel = memo(function BarLabel(p: BarLabelProps) {
  return (
    <text
      className="tl-bar-label"
      x={p.x}
      y={p.y}
      dominantBaseline="central"
      fontSize={p.fontSize}
      aria-hidden="true"
    >
      {p.text}
    </text>
  );
});
