/** A time axis on its own (the comparison's shared one): ticks in s, ms or µs for the view shown. */
import { tickLabel } from '../../../shared/timeline-scale';
import { axisTicks } from './draw-frame';
import type { Scale } from './geometry';

interface Props {
  scale: Scale;
  width: number;
  height: number;
  fontSize: number;
  zoom: number;
  testId?: string;
  /** When set, the axis is announced with this name (else it is decoration). */
  label?: string;
}

export function TimeAxis({ scale, width, height, fontSize, zoom, testId, label }: Props) {
  const { step, ticks } = axisTicks(scale, zoom);
  const right = scale.left + scale.width;
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
      {ticks
        .filter((t) => scale.x(t) >= scale.left - 0.5 && scale.x(t) <= right + 0.5)
        .map((t) => (
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
