/** The time axis above the lanes: ticks in seconds. */
import { tickLabel, ticks, tickStep } from '../../../shared/timeline-scale';
import type { Scale } from './geometry';

interface Props {
  scale: Scale;
  width: number;
  height: number;
  fontSize: number;
  maxTicks: number;
  testId?: string;
  /** When set, the axis is announced with this name (else it is decoration). */
  label?: string;
}

export function TimeAxis({ scale, width, height, fontSize, maxTicks, testId, label }: Props) {
  const step = tickStep(scale.domainEnd, maxTicks);
  return (
    <svg
      className="tl-axis"
      width={width}
      height={height}
      data-testid={testId}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
    >
      {ticks(scale.domainEnd, maxTicks).map((t) => (
        <g key={t}>
          <line x1={scale.x(t)} x2={scale.x(t)} y1={height - 6} y2={height} />
          <text
            x={scale.x(t)}
            y={height / 2 - 2}
            textAnchor="middle"
            dominantBaseline="central"
            fontSize={fontSize}
          >
            {tickLabel(t, step)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Faint vertical lines at the ticks, behind the lanes. */
export function GridLines({ scale, height, maxTicks }: { scale: Scale; height: number; maxTicks: number }) {
  return (
    <g className="tl-grid" aria-hidden="true">
      {ticks(scale.domainEnd, maxTicks).map((t) => (
        <line key={t} x1={scale.x(t)} x2={scale.x(t)} y1={0} y2={height} />
      ))}
    </g>
  );
}
