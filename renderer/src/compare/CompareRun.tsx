/**
 * One run of a comparison: its name and figures (wall time, speedup against
 * the baseline, efficiency, utilisation, where the time went) above its
 * worker lanes, drawn on the comparison's shared time axis.
 */
import type { CompareRow } from '../../../shared/compare';
import { formatPercent, formatSpeedup } from '../../../shared/compare';
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { SavedRunSummary } from '../../../shared/api';
import type { ThemeName } from '../theme/palette';
import { buildBars, laneMids } from '../timeline/bars';
import { CallerLane } from '../timeline/CallerLane';
import { layoutLanes, type Scale } from '../timeline/geometry';
import { GridLines } from '../timeline/TimeAxis';
import { WorkerLanes } from '../timeline/WorkerLanes';
import { specSummary } from '../history/run-text';
import { TimeSplit } from './TimeSplit';

interface Props {
  summary: SavedRunSummary;
  model: RunModel;
  row: CompareRow;
  scale: Scale;
  width: number;
  zoom: number;
  theme: ThemeName;
  maxTicks: number;
}

export function CompareRun({ summary, model, row, scale, width, zoom, theme, maxTicks }: Props) {
  const layout = layoutLanes(model.workers, model.tasks.length, zoom, { queue: false });
  const key = summary.id.slice(0, 8);
  const lanes = buildBars(model, layout, scale, model.elapsedMs, (task) => `cmp-${key}-task-${task}`);
  const speed = formatSpeedup(row.speedup);
  return (
    <section
      className="compare-run"
      data-testid="compare-run"
      data-run-id={summary.id}
      data-baseline={row.isBaseline ? 'true' : undefined}
      aria-label={`${summary.name}: wall time ${formatSeconds(row.stats.wallMs)}, speedup ${speed}`}
    >
      <header className="compare-run__head">
        <div className="compare-run__title">
          <h3 className="compare-run__name" data-testid="compare-run-name">
            {summary.name}
          </h3>
          <span className="compare-run__spec">
            {specSummary(summary.spec)}
            {row.isBaseline ? ' · baseline' : ''}
          </span>
        </div>
        <dl className="compare-stats">
          <div>
            <dt>Wall time</dt>
            <dd data-testid="compare-wall">{formatSeconds(row.stats.wallMs)}</dd>
          </div>
          <div>
            <dt>Speedup</dt>
            <dd data-testid="compare-speedup">{speed}</dd>
          </div>
          <div>
            <dt title="speedup ÷ workers">Efficiency</dt>
            <dd data-testid="compare-efficiency">{formatPercent(row.efficiency)}</dd>
          </div>
          <div>
            <dt title="time running tasks ÷ (worker processes × wall time)">Utilisation</dt>
            <dd data-testid="compare-utilisation">{formatPercent(row.stats.utilisation)}</dd>
          </div>
          <div className="compare-stats__split">
            <dt>Where the time went</dt>
            <dd>
              <TimeSplit breakdown={row.stats.breakdown} />
            </dd>
          </div>
        </dl>
      </header>
      <svg
        className="tl-svg compare-run__lanes"
        width={Math.max(0, width)}
        height={layout.height}
        role="presentation"
      >
        <GridLines scale={scale} height={layout.height} maxTicks={maxTicks} />
        <WorkerLanes layout={layout} scale={scale} now={model.elapsedMs} theme={theme} lanes={lanes} />
        <CallerLane tasks={model.tasks} layout={layout} scale={scale} laneMid={laneMids(layout)} />
      </svg>
    </section>
  );
}
