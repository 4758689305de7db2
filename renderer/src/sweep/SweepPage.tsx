/**
 * A sweep's page: its progress while it runs (cancellable), then the chart
 * (median speedup against workers with the spread of the repeats, the ideal
 * line and the Amdahl curve fitted to the medians, or wall time against
 * chunksize), the measurements, and a way to open the sweep's runs in the
 * comparison.
 */
import { useRef } from 'react';
import { serialReferences, workKey } from '../../../shared/busy-machine';
import { chunkSweepPoints, fitSweep, workerSweepPoints } from '../../../shared/sweep';
import { useApp } from '../app/app-context';
import { useHistory, useSweeps } from '../app/hooks';
import { sweepGroupKind } from './sweep-store';
import { useElementSize } from '../timeline/use-element-size';
import { useZoom } from '../theme/zoom';
import { ChunkChart } from './ChunkChart';
import { SpeedupChart } from './SpeedupChart';
import { SweepFacts } from './SweepFacts';
import { SweepProgress } from './SweepProgress';

export function SweepPage() {
  const { pages, host } = useApp();
  const sweeps = useSweeps();
  const history = useHistory();
  const zoom = useZoom();
  const chartRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(chartRef);
  const group = sweeps.shownGroup;
  const kind = group ? sweepGroupKind(group) : null;
  const runs = group ? history.group(group) : [];
  const state = sweeps.state && sweeps.state.group === group ? sweeps.state : null;
  const cpus = host?.cpus ?? null;
  const fn = runs[0]?.spec.fn ?? state?.plan.spec.fn ?? '';

  // The serial baseline of the same work, if the history has one: its time per input tells a busy machine.
  const serialItemMs = runs[0] ? (serialReferences(history.runs).get(workKey(runs[0].spec)) ?? null) : null;
  const workerPoints = kind === 'workers' ? workerSweepPoints(runs, { serialItemMs }) : [];
  const fit = kind === 'workers' ? fitSweep(workerPoints, cpus) : null;
  const chunkPoints = kind === 'chunksize' ? chunkSweepPoints(runs) : [];
  const planned =
    state?.plan.values ?? runs.map((r) => (kind === 'workers' ? r.spec.maxWorkers : r.spec.chunksize));
  const pointCount = kind === 'workers' ? workerPoints.length : chunkPoints.length;

  return (
    <section className="page sweep-page" aria-label="Sweep" data-testid="sweep-page">
      <div className="page__header">
        <h2 className="page__title">Sweep</h2>
        <span className="page__detail">
          {fn && `${fn} · `}
          {kind === 'workers'
            ? 'speedup against max workers'
            : kind === 'chunksize'
              ? 'wall time against chunksize'
              : ''}
        </span>
        <div className="page__actions">
          <button
            type="button"
            className="btn btn--small"
            disabled={runs.length < 2 || Boolean(state && state.status === 'running')}
            onClick={() => {
              history.select(runs.map((r) => r.id));
              pages.show('compare');
            }}
            data-testid="sweep-compare"
          >
            Compare these runs
          </button>
          <button type="button" className="btn btn--small" onClick={() => pages.openSweepDialog(true)}>
            New sweep…
          </button>
        </div>
      </div>
      {state && <SweepProgress state={state} onCancel={() => sweeps.cancel()} />}
      <div className="sweep__body">
        {group === null ? (
          <p className="page__empty">No sweep yet. Start one with Sweep… (in the History or next to Run).</p>
        ) : (
          <>
            <div
              className="sweep__chart"
              ref={chartRef}
              data-testid="sweep-chart"
              data-kind={kind ?? undefined}
            >
              {width > 0 && pointCount === 0 && (
                <p className="page__empty">The chart fills in as the runs finish.</p>
              )}
              {width > 0 && pointCount > 0 && kind === 'workers' && (
                <SpeedupChart
                  points={workerPoints}
                  fit={fit}
                  maxWorkers={Math.max(...planned, 1)}
                  cpus={cpus}
                  width={width}
                  zoom={zoom}
                />
              )}
              {width > 0 && pointCount > 0 && kind === 'chunksize' && (
                <ChunkChart points={chunkPoints} values={planned} width={width} zoom={zoom} />
              )}
            </div>
            <SweepFacts
              kind={kind}
              workerPoints={workerPoints}
              chunkPoints={chunkPoints}
              fit={fit}
              cpus={cpus}
            />
          </>
        )}
      </div>
    </section>
  );
}
