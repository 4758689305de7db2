/**
 * The frame of a sweep chart: its box, axes with ticks and labels, grid
 * lines, and an accessible name and description (the chart is a picture;
 * its description says what it shows, point by point).
 */
import { useId, type ReactNode } from 'react';
import type { Axis } from './chart-geometry';

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function chartFrame(width: number, zoom: number): Frame {
  const height = Math.round(Math.min(420, Math.max(240, width * 0.45)) * zoom);
  return {
    width,
    height,
    left: Math.round(64 * zoom),
    right: width - Math.round(28 * zoom),
    top: Math.round(18 * zoom),
    bottom: height - Math.round(50 * zoom),
  };
}

interface Props {
  frame: Frame;
  x: Axis;
  y: Axis;
  xLabel: string;
  yLabel: string;
  xTickText?: (v: number) => string;
  yTickText?: (v: number) => string;
  title: string;
  description: string;
  fontSize: number;
  children: ReactNode;
}

export function ChartFrame(p: Props) {
  const { frame, x, y, fontSize } = p;
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg
      className="chart"
      width={frame.width}
      height={frame.height}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
    >
      <title id={titleId}>{p.title}</title>
      <desc id={descId}>{p.description}</desc>
      <g className="chart__grid" aria-hidden="true">
        {y.ticks.map((v) => (
          <line key={`y${v}`} x1={frame.left} x2={frame.right} y1={y.at(v)} y2={y.at(v)} />
        ))}
        {x.ticks.map((v) => (
          <line key={`x${v}`} x1={x.at(v)} x2={x.at(v)} y1={frame.top} y2={frame.bottom} />
        ))}
      </g>
      <g className="chart__axis" aria-hidden="true" fontSize={fontSize}>
        <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
        <line x1={frame.left} x2={frame.left} y1={frame.top} y2={frame.bottom} />
        {x.ticks.map((v) => (
          <text key={`xt${v}`} x={x.at(v)} y={frame.bottom + fontSize * 1.3} textAnchor="middle">
            {p.xTickText ? p.xTickText(v) : v}
          </text>
        ))}
        {y.ticks.map((v) => (
          <text
            key={`yt${v}`}
            x={frame.left - fontSize * 0.5}
            y={y.at(v)}
            textAnchor="end"
            dominantBaseline="central"
          >
            {p.yTickText ? p.yTickText(v) : v}
          </text>
        ))}
        <text
          className="chart__label"
          x={(frame.left + frame.right) / 2}
          y={frame.height - fontSize * 0.4}
          textAnchor="middle"
        >
          {p.xLabel}
        </text>
        <text
          className="chart__label"
          transform={`translate(${fontSize * 1.1} ${(frame.top + frame.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="central"
        >
          {p.yLabel}
        </text>
      </g>
      {p.children}
    </svg>
  );
}
