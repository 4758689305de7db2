/**
 * Wall time against chunksize (map): small chunks pay for every crossing of
 * the process boundary, big ones leave workers idle at the end. Each point
 * is the median of its repeats, their spread (min–max) a whisker. The x axis
 * is logarithmic when the chunksizes span a wide range (1, 4, 16, 64…).
 */
import type { ChunkPoint } from '../../../shared/sweep';
import { formatSeconds } from '../../../shared/timeline-scale';
import { chartFrame, ChartFrame } from './ChartFrame';
import { besidePoint, linearAxis, log2Axis, niceTicks } from './chart-geometry';
import { Whisker } from './Whisker';

interface Props {
  points: readonly ChunkPoint[];
  /** The planned chunksizes (the axis stays put while points arrive). */
  values: readonly number[];
  width: number;
  zoom: number;
}

export function ChunkChart({ points, values, width, zoom }: Props) {
  const frame = chartFrame(width, zoom);
  const fontSize = Math.round(12 * zoom);
  const all = [...new Set([...values, ...points.map((p) => p.chunksize)])].sort((a, b) => a - b);
  const lo = all[0] ?? 1;
  const hi = Math.max(lo + 1, all[all.length - 1] ?? 2);
  const pad = (frame.right - frame.left) * 0.04;
  const x =
    hi / lo >= 8
      ? log2Axis(lo, hi, frame.left + pad, frame.right - pad, all)
      : linearAxis(lo, hi, frame.left + pad, frame.right - pad, all);
  const top = Math.max(0.001, ...points.map((p) => p.wall.max / 1000)) * 1.15;
  const y = linearAxis(0, top, frame.bottom, frame.top, niceTicks(0, top, 6));
  const at = (ms: number): number => y.at(ms / 1000);
  const text = (p: ChunkPoint): string =>
    `chunksize ${p.chunksize} ${formatSeconds(p.wall.median)}` +
    (p.wall.n > 1 ? ` (${formatSeconds(p.wall.min)}–${formatSeconds(p.wall.max)}, ${p.wall.n} runs)` : '');
  const description = `${points.some((p) => p.wall.n > 1) ? 'Median wall' : 'Wall'} time for each chunksize: ${points.map(text).join(', ')}.`;
  return (
    <ChartFrame
      frame={frame}
      x={x}
      y={y}
      xLabel="chunksize"
      yLabel="wall time (s)"
      title="Wall time against chunksize"
      description={description}
      fontSize={fontSize}
    >
      {points.length > 1 && (
        <polyline
          className="chart__measured-line"
          points={points.map((p) => `${x.at(p.chunksize)},${at(p.wall.median)}`).join(' ')}
          aria-hidden="true"
        />
      )}
      {points.map((p) => (
        <g
          key={p.chunksize}
          className="chart__point"
          data-testid="sweep-point"
          data-chunksize={p.chunksize}
          data-wall-ms={Math.round(p.wall.median)}
          data-runs={p.wall.n}
        >
          <Whisker
            x={x.at(p.chunksize)}
            y1={at(p.wall.min)}
            y2={at(p.wall.max)}
            cap={4 * zoom}
            runs={p.wall.n}
            min={p.wall.min}
            max={p.wall.max}
          />
          <circle cx={x.at(p.chunksize)} cy={at(p.wall.median)} r={5 * zoom}>
            <title>{`${text(p)}${p.wall.n > 1 ? ' (median)' : ''}`}</title>
          </circle>
          <text
            x={besidePoint(x.at(p.chunksize), frame.right, zoom).x}
            y={at(p.wall.median) - fontSize * 0.9}
            textAnchor={besidePoint(x.at(p.chunksize), frame.right, zoom).anchor}
            fontSize={fontSize}
            aria-hidden="true"
          >
            {formatSeconds(p.wall.median)}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
