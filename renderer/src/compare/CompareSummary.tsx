/**
 * The comparison's repeats: one row per set of runs with equal settings,
 * with its median wall time and the spread of its runs drawn as a whisker
 * (min–max, each run a tick) on one shared scale, and its median speedup
 * and efficiency against the baseline's median.
 */
import type { Comparison, CompareSet } from '../../../shared/compare';
import { formatPercent, formatSpeedup } from '../../../shared/compare';
import { formatSeconds } from '../../../shared/timeline-scale';
import { NoiseFigure } from './NoiseFigure';

interface Props {
  comparison: Comparison;
  /** The set's name as the learner knows it. */
  label(set: CompareSet): string;
  /** Each run's wall time (finished runs only), by id. */
  walls: ReadonlyMap<string, number>;
  zoom: number;
}

export function CompareSummary({ comparison, label, walls, zoom }: Props) {
  const top = Math.max(1, ...comparison.sets.map((s) => s.wall?.max ?? 0));
  return (
    <section className="compare-summary" aria-label="Medians of repeated runs" data-testid="compare-summary">
      <h3 className="compare-summary__title">Medians of repeated runs</h3>
      <p className="compare-summary__hint">
        Runs with the same settings are repeats of one measurement. Each row shows their median, and the
        whisker spans the fastest to the slowest run (each tick a run): the wider it is, the less one run
        tells.
      </p>
      <table className="compare-summary__table">
        <thead>
          <tr>
            <th scope="col">Settings</th>
            <th scope="col">Runs</th>
            <th scope="col">Wall time: median (min–max)</th>
            <th scope="col" className="compare-summary__scale-head">
              0 – {formatSeconds(top)}
            </th>
            <th scope="col">Speedup</th>
            <th scope="col">Efficiency</th>
          </tr>
        </thead>
        <tbody>
          {comparison.sets.map((set) => (
            <SetRow
              key={set.key}
              set={set}
              label={label(set)}
              walls={set.runIds.flatMap((id) => (walls.has(id) ? [walls.get(id)!] : []))}
              top={top}
              zoom={zoom}
              efficiencyShown={comparison.efficiencyShown}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface RowProps {
  set: CompareSet;
  label: string;
  walls: number[];
  top: number;
  zoom: number;
  efficiencyShown: boolean;
}

function SetRow({ set, label, walls, top, zoom, efficiencyShown }: RowProps) {
  const wall = set.wall;
  const speed = set.speedup;
  const flag = (kind: string) => set.noise.find((f) => f.kind === kind) ?? null;
  return (
    <tr
      data-testid="compare-set"
      data-runs={set.runIds.length}
      data-baseline={set.isBaseline ? 'true' : undefined}
    >
      <th scope="row">
        {label}
        {set.isBaseline ? <span className="compare-summary__baseline"> · baseline</span> : null}
        {set.busyRuns > 0 && (
          <span className="busy-badge" data-testid="compare-set-busy">
            busy machine: {set.busyRuns} of {set.runIds.length}
          </span>
        )}
      </th>
      <td>{set.runIds.length}</td>
      <td data-testid="compare-set-wall">
        {wall
          ? `${formatSeconds(wall.median)}${wall.n > 1 ? ` (${formatSeconds(wall.min)}–${formatSeconds(wall.max)})` : ''}`
          : '–'}
      </td>
      <td className="compare-summary__whisker-cell">
        {wall && (
          <WallWhisker
            median={wall.median}
            min={wall.min}
            max={wall.max}
            walls={walls}
            top={top}
            zoom={zoom}
          />
        )}
      </td>
      <NoiseFigure
        testId="compare-set-speedup"
        flag={flag('one-worker-faster')}
        text={
          speed
            ? `${formatSpeedup(speed.median)}${speed.n > 1 ? ` (${formatSpeedup(speed.min)}–${formatSpeedup(speed.max)})` : ''}`
            : '–'
        }
        as="td"
      />
      {efficiencyShown ? (
        <NoiseFigure
          testId="compare-set-efficiency"
          flag={flag('efficiency-over-100')}
          text={formatPercent(set.efficiency)}
          as="td"
        />
      ) : (
        <td data-testid="compare-set-efficiency">–</td>
      )}
    </tr>
  );
}

function WallWhisker(p: {
  median: number;
  min: number;
  max: number;
  walls: number[];
  top: number;
  zoom: number;
}) {
  const width = Math.round(180 * p.zoom);
  const height = Math.round(18 * p.zoom);
  const pad = 4 * p.zoom;
  const x = (ms: number): number => pad + (ms / p.top) * (width - 2 * pad);
  const mid = height / 2;
  const cap = 5 * p.zoom;
  return (
    <svg
      className="wall-whisker"
      width={width}
      height={height}
      role="img"
      aria-label={`median ${formatSeconds(p.median)}, from ${formatSeconds(p.min)} to ${formatSeconds(p.max)}`}
      data-testid="compare-whisker"
      data-min={p.min}
      data-median={p.median}
      data-max={p.max}
    >
      <line className="wall-whisker__axis" x1={pad} x2={width - pad} y1={mid} y2={mid} />
      <line className="wall-whisker__range" x1={x(p.min)} x2={x(p.max)} y1={mid} y2={mid} />
      <line className="wall-whisker__range" x1={x(p.min)} x2={x(p.min)} y1={mid - cap} y2={mid + cap} />
      <line className="wall-whisker__range" x1={x(p.max)} x2={x(p.max)} y1={mid - cap} y2={mid + cap} />
      {p.walls.map((ms, i) => (
        <line
          key={i}
          className="wall-whisker__run"
          x1={x(ms)}
          x2={x(ms)}
          y1={mid - cap * 0.6}
          y2={mid + cap * 0.6}
        />
      ))}
      <circle className="wall-whisker__median" cx={x(p.median)} cy={mid} r={3.5 * p.zoom} />
    </svg>
  );
}
