/**
 * One run of a comparison: its name and figures (wall time, speedup against
 * the baseline's median, efficiency, utilisation, where the time went, and
 * whether the machine was busy) above its worker lanes, drawn on the
 * comparison's shared time axis. A figure that can only be noise says so.
 */
import { useCallback, useMemo } from 'react';
import type { CompareRow } from '../../../shared/compare';
import { formatPercent, formatSpeedup } from '../../../shared/compare';
import { busySentences, busyShortText } from '../../../shared/busy-machine';
import type { NoiseFlag } from '../../../shared/noise-flags';
import { noiseText } from '../../../shared/noise-flags';
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { SavedRunSummary } from '../../../shared/api';
import { Timeline } from '../timeline/Timeline';
import type { TimelineController } from '../timeline/timeline-controller';
import type { TimeViewStore } from '../timeline/time-view-store';
import { specSummary } from '../history/run-text';
import { NoiseFigure } from './NoiseFigure';
import { TimeSplitBar } from './TimeSplit';

interface Props {
  summary: SavedRunSummary;
  model: RunModel;
  row: CompareRow;
  /** The comparison's shared view (zoom, pan and selection act on every run together). */
  views: TimeViewStore;
  /** The shared time axis's end (the longest run's). */
  boundsEnd: () => number;
  onController: (id: string, controller: TimelineController) => void;
  /** Efficiency means something only against a one-process baseline. */
  efficiencyShown: boolean;
}

const flag = (row: CompareRow, kind: NoiseFlag['kind']): NoiseFlag | null =>
  row.noise.find((f) => f.kind === kind) ?? null;

export function CompareRun(p: Props) {
  const { summary, model, row, views, boundsEnd, onController } = p;
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
      data-busy={row.busy ? 'true' : undefined}
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
          {row.busy && (
            <span className="busy-badge" data-testid="compare-busy" title={busySentences(row.busy).join(' ')}>
              {busyShortText(row.busy)}
            </span>
          )}
        </div>
        <dl className="compare-stats">
          <div>
            <dt>Wall time</dt>
            <dd data-testid="compare-wall">{formatSeconds(row.stats.wallMs)}</dd>
          </div>
          <div>
            <dt title="the baseline's median wall time ÷ this run's">Speedup</dt>
            <NoiseFigure testId="compare-speedup" flag={flag(row, 'one-worker-faster')} text={speed} />
          </div>
          <div>
            <dt title="speedup ÷ workers">Efficiency</dt>
            {p.efficiencyShown ? (
              <NoiseFigure
                testId="compare-efficiency"
                flag={flag(row, 'efficiency-over-100')}
                text={formatPercent(row.efficiency)}
              />
            ) : (
              <dd
                data-testid="compare-efficiency"
                title="Efficiency (speedup ÷ workers) needs a one-process baseline: choose the serial baseline or a 1-worker run."
              >
                –
              </dd>
            )}
          </div>
          <div>
            <dt title="time running tasks ÷ (worker processes × wall time)">Utilisation</dt>
            <dd data-testid="compare-utilisation">{formatPercent(row.stats.utilisation)}</dd>
          </div>
          <div className="compare-stats__split">
            <dt>Where the time went</dt>
            <dd>
              <TimeSplitBar split={row.stats.split} />
            </dd>
          </div>
        </dl>
      </header>
      {row.noise.length > 0 && (
        <p className="compare-run__noise" data-testid="compare-run-noise">
          {row.noise.map(noiseText).join(' ')}
        </p>
      )}
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
