/**
 * One run of a comparison: its name and figures (wall time, speedup against
 * the baseline, efficiency, utilisation, where the time went) above its
 * worker lanes, drawn on the comparison's shared time axis.
 */
import { useCallback, useMemo } from 'react';
import type { CompareRow } from '../../../shared/compare';
import { formatPercent, formatSpeedup } from '../../../shared/compare';
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { SavedRunSummary } from '../../../shared/api';
import { Timeline } from '../timeline/Timeline';
import type { TimelineController } from '../timeline/timeline-controller';
import type { TimeViewStore } from '../timeline/time-view-store';
import { specSummary } from '../history/run-text';
import { TimeSplit } from './TimeSplit';

interface Props {
  summary: SavedRunSummary;
  model: RunModel;
  row: CompareRow;
  /** The comparison's shared view (zoom, pan and selection act on every run together). */
  views: TimeViewStore;
  /** The shared time axis's end (the longest run's). */
  boundsEnd: () => number;
  onController: (id: string, controller: TimelineController) => void;
}

export function CompareRun({ summary, model, row, views, boundsEnd, onController }: Props) {
  const key = summary.id.slice(0, 8);
  const run = useMemo(
    () => ({ model, runId: summary.id, phase: 'finished' as const, nowMs: () => model.elapsedMs }),
    [model, summary.id],
  );
  const id = summary.id;
  const register = useCallback((c: TimelineController) => onController(id, c), [onController, id]);
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
      <div className="compare-run__lanes">
        <Timeline
          run={run}
          views={views}
          idPrefix={`cmp-${key}`}
          options={{ fitHeight: false, queue: false, axis: false, concurrency: false, boundsEnd }}
          toolbar={false}
          legend={false}
          onController={register}
          label={`${summary.name}: timeline`}
        />
      </div>
    </section>
  );
}
