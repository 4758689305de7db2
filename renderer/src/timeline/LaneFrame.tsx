/**
 * What every timeline lane starts with: its background band across the
 * whole width and its name on the left (Queue, PID 51605, Caller).
 */
import type { ReactNode } from 'react';
import type { Layout, Scale } from './geometry';

interface Props {
  y: number;
  height: number;
  layout: Layout;
  scale: Scale;
  label: ReactNode;
  /** Where the label's middle sits (default: the lane's middle). */
  labelY?: number;
  /** Set on the label when hovering it should show something (a worker's tooltip). */
  hover?: string;
}

export function LaneFrame({ y, height, layout, scale, label, labelY, hover }: Props) {
  return (
    <>
      <rect className="tl-lane__bg" x={0} y={y} width={scale.left + scale.width} height={height} />
      <text
        className="tl-lane__label"
        x={16 * layout.zoom}
        y={labelY ?? y + height / 2}
        dominantBaseline="central"
        fontSize={layout.fontSize}
        data-hover={hover}
      >
        {label}
      </text>
    </>
  );
}
