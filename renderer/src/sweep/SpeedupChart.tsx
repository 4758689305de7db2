/**
 * Speedup against max workers: the median of each worker count's repeats,
 * their spread (min–max) as whiskers, the ideal line S = n, and Amdahl's law
 * fitted to the medians, S(n) = 1 / (s + (1 − s) / n). A dotted line marks
 * the machine's CPU count (past it, workers share cores). Noisy points are
 * drawn hollow.
 */
import { amdahlSpeedup } from '../../../shared/amdahl';
import { formatSpeedup } from '../../../shared/compare';
import type { AmdahlFit, WorkerPoint } from '../../../shared/sweep';
import { formatSeconds } from '../../../shared/timeline-scale';
import { chartFrame, ChartFrame } from './ChartFrame';
import { ChartLegend, type LegendItem } from './ChartLegend';
import { besidePoint, integerTicks, linearAxis, niceTicks, serialFractionText } from './chart-geometry';
import { Whisker } from './Whisker';

interface Props {
  points: readonly WorkerPoint[];
  fit: AmdahlFit | null;
  /** The largest worker count of the sweep (planned), so the axis does not jump as points arrive. */
  maxWorkers: number;
  cpus: number | null;
  width: number;
  zoom: number;
}

const workersText = (n: number): string => `${n} worker${n === 1 ? '' : 's'}`;

/** `2 workers 1.85× (1.70×–1.92×, 3 runs)` */
function pointText(p: WorkerPoint): string {
  const range =
    p.speedup.n > 1
      ? ` (${formatSpeedup(p.speedup.min)}–${formatSpeedup(p.speedup.max)}, ${p.speedup.n} runs)`
      : '';
  return `${workersText(p.workers)} ${formatSpeedup(p.speedup.median)}${range}`;
}

export function SpeedupChart({ points, fit, maxWorkers, cpus, width, zoom }: Props) {
  const frame = chartFrame(width, zoom);
  const fontSize = Math.round(12 * zoom);
  const nMax = Math.max(2, maxWorkers, ...points.map((p) => p.workers));
  const yTop = Math.max(nMax, ...points.map((p) => p.speedup.max)) * 1.05;
  const x = linearAxis(
    1,
    nMax,
    frame.left,
    frame.right,
    integerTicks(nMax, Math.floor((frame.right - frame.left) / (40 * zoom))),
  );
  const y = linearAxis(0, yTop, frame.bottom, frame.top, niceTicks(0, yTop, 6));
  const curve: string[] = [];
  if (fit) {
    const steps = 60;
    for (let i = 0; i <= steps; i++) {
      const n = 1 + ((nMax - 1) * i) / steps;
      curve.push(
        `${i === 0 ? 'M' : 'L'} ${x.at(n).toFixed(1)} ${y.at(amdahlSpeedup(fit.serialFraction, n)).toFixed(1)}`,
      );
    }
  }
  const repeated = points.some((p) => p.speedup.n > 1);
  const description =
    `Median speedup against the 1-worker run${repeated ? ', with the spread of the repeats' : ''}: ` +
    points.map(pointText).join(', ') +
    `. The ideal line is S = n.` +
    (fit ? ` Amdahl's law fitted with a serial fraction of ${serialFractionText(fit.serialFraction)}.` : '');
  const legend: LegendItem[] = [
    { kind: 'point', label: repeated ? 'measured (median)' : 'measured' },
    ...(repeated ? [{ kind: 'whisker' as const, label: 'spread of the repeats (min–max)' }] : []),
    { kind: 'ideal', label: 'ideal: S = n' },
    ...(fit
      ? [
          {
            kind: 'curve' as const,
            label: `Amdahl's law, serial fraction ≈ ${serialFractionText(fit.serialFraction)}`,
          },
        ]
      : []),
  ];
  return (
    <ChartFrame
      frame={frame}
      x={x}
      y={y}
      xLabel="max workers (n)"
      yLabel="speedup S"
      yTickText={(v) => `${v}×`}
      title="Speedup against the number of workers"
      description={description}
      fontSize={fontSize}
    >
      {cpus !== null && cpus < nMax && (
        <g className="chart__cpus" data-testid="cpu-line" aria-hidden="true">
          <line x1={x.at(cpus)} x2={x.at(cpus)} y1={frame.top} y2={frame.bottom} />
          <text x={x.at(cpus) + fontSize * 0.4} y={frame.bottom - fontSize * 0.6} fontSize={fontSize}>
            {cpus} CPU{cpus === 1 ? '' : 's'} here
          </text>
        </g>
      )}
      <line
        className="chart__ideal"
        data-testid="ideal-line"
        x1={x.at(1)}
        y1={y.at(1)}
        x2={x.at(nMax)}
        y2={y.at(nMax)}
      >
        <title>Ideal: S = n</title>
      </line>
      {fit && (
        <path className="chart__curve" data-testid="amdahl-curve" d={curve.join(' ')}>
          <title>{`Amdahl's law fitted to the medians, serial fraction ${serialFractionText(fit.serialFraction)}`}</title>
        </path>
      )}
      {points.length > 1 && (
        <polyline
          className="chart__measured-line"
          points={points.map((p) => `${x.at(p.workers)},${y.at(p.speedup.median)}`).join(' ')}
          aria-hidden="true"
        />
      )}
      <ChartLegend
        x={frame.left + fontSize}
        y={frame.top + fontSize * 0.5}
        fontSize={fontSize}
        items={legend}
      />
      {points.map((p) => (
        <g
          key={p.workers}
          className="chart__point"
          data-testid="sweep-point"
          data-workers={p.workers}
          data-speedup={p.speedup.median.toFixed(4)}
          data-wall-ms={Math.round(p.wall.median)}
          data-runs={p.speedup.n}
          data-noise={p.noise.length > 0 ? 'true' : undefined}
        >
          <Whisker
            x={x.at(p.workers)}
            y1={y.at(p.speedup.min)}
            y2={y.at(p.speedup.max)}
            cap={4 * zoom}
            runs={p.speedup.n}
            min={p.speedup.min}
            max={p.speedup.max}
          />
          <circle cx={x.at(p.workers)} cy={y.at(p.speedup.median)} r={5 * zoom}>
            <title>
              {`${pointText(p)}; median wall time ${formatSeconds(p.wall.median)}` +
                (p.noise.length > 0 ? `. Noisy: ${p.noise.join('; ')}.` : '')}
            </title>
          </circle>
          <text
            x={besidePoint(x.at(p.workers), frame.right, zoom).x}
            y={y.at(p.speedup.median) + fontSize * 1.5}
            textAnchor={besidePoint(x.at(p.workers), frame.right, zoom).anchor}
            fontSize={fontSize}
            aria-hidden="true"
          >
            {formatSpeedup(p.speedup.median)}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
}
