/**
 * Wall time against chunksize (map): small chunks pay for every crossing of
 * the process boundary, big ones leave workers idle at the end. The x axis
 * is logarithmic when the chunksizes span a wide range (1, 4, 16, 64…).
 */
import type { ChunkPoint } from '../../../shared/sweep';
import { formatSeconds } from '../../../shared/timeline-scale';
import { chartFrame, ChartFrame } from './ChartFrame';
import { linearAxis, log2Axis, niceTicks } from './chart-geometry';

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
  const top = Math.max(0.001, ...points.map((p) => p.wallMs / 1000)) * 1.15;
  const y = linearAxis(0, top, frame.bottom, frame.top, niceTicks(0, top, 6));
  const description =
    'Wall time for each chunksize: ' +
    points.map((p) => `chunksize ${p.chunksize} ${formatSeconds(p.wallMs)}`).join(', ') +
    '.';
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
          points={points.map((p) => `${x.at(p.chunksize)},${y.at(p.wallMs / 1000)}`).join(' ')}
          aria-hidden="true"
        />
      )}
      {points.map((p) => (
        <g
          key={p.runId}
          className="chart__point"
          data-testid="sweep-point"
          data-chunksize={p.chunksize}
          data-wall-ms={Math.round(p.wallMs)}
          data-run-id={p.runId}
        >
          <circle cx={x.at(p.chunksize)} cy={y.at(p.wallMs / 1000)} r={5 * zoom}>
            <title>{`chunksize ${p.chunksize}: wall time ${formatSeconds(p.wallMs)}`}</title>
          </circle>
          <text
            x={x.at(p.chunksize)}
            y={y.at(p.wallMs / 1000) - fontSize * 0.9}
            textAnchor="middle"
            fontSize={fontSize}
            aria-hidden="true"
          >
            {formatSeconds(p.wallMs)}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
