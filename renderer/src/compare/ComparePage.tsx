/**
 * The comparison: the runs ticked in the history, stacked on one shared time
 * axis (each a group of lanes under its name), each with its wall time,
 * speedup against the chosen baseline, efficiency, utilisation and where
 * its time went. Runs with equal settings are repeats: above the lanes,
 * their medians with the spread as whiskers. What is noise (a busy machine,
 * impossible figures) says so.
 */
import { useCallback, useRef, useState } from 'react';
import { serialReferences } from '../../../shared/busy-machine';
import { compareRuns, type CompareSet } from '../../../shared/compare';
import { EXAMPLES } from '../../../shared/examples';
import { fitDomainEnd, formatSeconds } from '../../../shared/timeline-scale';
import { ExportButtons } from '../export/ExportButtons';
import type { SnapshotPart } from '../export/svg-snapshot';
import { comparePicture } from './compare-picture';
import { sameCode } from '../gallery/load-example';
import { useHistory } from '../app/hooks';
import { defaultRunName } from '../history/run-text';
import { layoutLanes, makeViewScale } from '../timeline/geometry';
import { LegendList } from '../timeline/Legend';
import { legendItems, type LegendItem } from '../timeline/legend-items';
import { runMarks } from '../timeline/marks';
import { timelinePicture } from '../timeline/picture';
import { useApp } from '../app/app-context';
import { saveComparisonFile } from '../share/share-files';
import { TimeAxis } from '../timeline/TimeAxis';
import type { TimelineController } from '../timeline/timeline-controller';
import { ViewToolbar } from '../timeline/TimelineToolbar';
import { TimeViewStore } from '../timeline/time-view-store';
import { useElementSize } from '../timeline/use-element-size';
import { selectionText, summarizeSelection } from '../timeline/selection';
import { useStoreVersion } from '../store/use-store';
import { useZoom } from '../theme/zoom';
import { CompareNotices } from './CompareNotices';
import { CompareRun } from './CompareRun';
import { CompareSummary } from './CompareSummary';
import { SplitLegend } from './TimeSplit';
import { useComparedRuns } from './use-compared-runs';
import type { RunModel } from '../../../shared/run-model';

export function ComparePage() {
  const { runs, waiting } = useComparedRuns();
  const stores = useApp();
  const zoom = useZoom();
  const [views] = useState(() => new TimeViewStore());
  useStoreVersion(views);
  // Not state: the comparison's drawings report in, and the export reads them when asked.
  const [controllers] = useState(() => new Map<string, TimelineController>());
  const onController = useCallback(
    (id: string, c: TimelineController) => {
      controllers.set(id, c);
    },
    [controllers],
  );
  const bodyRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(bodyRef);
  const [chosen, setChosen] = useState<string | null>(null);

  const history = useHistory();
  const comparison = compareRuns(
    runs.map((r) => ({ id: r.summary.id, spec: r.summary.spec, model: r.model })),
    chosen,
    serialReferences(history.runs),
  );
  const { rows, sets } = comparison;
  const byId = new Map(runs.map((r) => [r.summary.id, r.summary]));
  const setLabel = (set: CompareSet): string =>
    set.runIds.length === 1
      ? (byId.get(set.runIds[0]!)?.name ?? defaultRunName(set.spec))
      : `${defaultRunName(set.spec)} · ${set.runIds.length} runs`;
  const walls = new Map(
    runs.flatMap((r) =>
      r.model.finish?.outcome === 'ok' ? [[r.summary.id, r.model.finish.wallMs] as const] : [],
    ),
  );
  const gutter = layoutLanes([], 0, zoom).gutter;
  const plotWidth = Math.max(80, width - gutter - Math.round(24 * zoom));
  const longest = Math.max(0, ...runs.map((r) => Math.max(r.model.elapsedMs, r.model.lastT)));
  const end = fitDomainEnd(longest);
  const boundsEnd = useCallback(() => end, [end]);
  const view = views.effective(end, 0, false);
  const scale = makeViewScale(view, gutter, plotWidth);
  const legend = mergedLegend(runs.map((r) => r.model));
  const example = EXAMPLES.find(
    (e) => runs.length > 0 && runs.every((r) => sameCode(r.summary.spec.code, e.code)),
  );

  const picture = (): SnapshotPart[] | null =>
    bodyRef.current
      ? comparePicture(
          bodyRef.current,
          runs.map((r) => r.summary),
          comparison,
          setLabel,
          (id, i) => {
            const controller = controllers.get(id);
            return controller ? timelinePicture(controller, `cmp-${i}`) : null;
          },
          legend.map((item) => ({ color: item.color, label: item.label })),
        )
      : null;

  return (
    <section className="page compare-page" aria-label="Compare runs" data-testid="compare-page">
      <div className="page__header">
        <h2 className="page__title">Compare runs</h2>
        <span className="page__detail">
          {runs.length} run{runs.length === 1 ? '' : 's'}
          {waiting > 0 ? ` (loading ${waiting}…)` : ''}
        </span>
        {sets.length > 1 && (
          <label className="compare__baseline">
            <span>Speedup against</span>
            <select
              className="input input--select"
              value={comparison.baselineKey ?? ''}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="compare-baseline"
            >
              {sets.map((set) => (
                <option key={set.key} value={set.key}>
                  {setLabel(set)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="page__actions">
          <ExportButtons
            runs={runs.map((r) => ({ model: r.model, name: r.summary.name }))}
            name={runs.length > 1 ? 'comparison' : (runs[0]?.summary.name ?? 'comparison')}
            picture={picture}
            results={false}
            share={() =>
              void saveComparisonFile(
                stores,
                runs.map((r) => r.summary.id),
                'comparison',
              )
            }
          />
        </div>
      </div>
      {example && (
        <p className="compare__lookfor" title={example.lookFor}>
          <strong>What to look for</strong> · {example.title}: {example.lookFor}
        </p>
      )}
      <div className="compare__body" ref={bodyRef}>
        {runs.length === 0 ? (
          <p className="page__empty">
            {waiting > 0
              ? 'Loading the runs…'
              : 'Tick two or more runs in the History (side bar) to compare them here, on one time axis.'}
          </p>
        ) : (
          <>
            <CompareNotices
              comparison={comparison}
              runName={(id) => byId.get(id)?.name ?? id}
              setLabel={setLabel}
            />
            {sets.some((set) => set.runIds.length > 1) && (
              <CompareSummary comparison={comparison} label={setLabel} walls={walls} zoom={zoom} />
            )}
            <div className="compare__axis">
              <ViewToolbar
                views={views}
                boundsEnd={boundsEnd}
                view={() => views.effective(end, 0, false)}
                live={false}
                describe={(range) =>
                  runs
                    .map(
                      (r) =>
                        `${r.summary.name}: ${selectionText(range, summarizeSelection(r.model, range, r.model.elapsedMs))}`,
                    )
                    .join(' · ')
                }
              />
              <TimeAxis
                scale={scale}
                width={Math.max(0, width)}
                height={Math.round(26 * zoom)}
                fontSize={Math.round(11 * zoom)}
                zoom={zoom}
                testId="compare-axis"
                label={`Shared time axis, ${formatSeconds(scale.start)} to ${formatSeconds(scale.end)}`}
              />
            </div>
            {runs.map((run, i) => (
              <CompareRun
                key={run.summary.id}
                summary={run.summary}
                model={run.model}
                row={rows[i]!}
                efficiencyShown={comparison.efficiencyShown}
                views={views}
                boundsEnd={boundsEnd}
                onController={onController}
              />
            ))}
            {runs.length === 1 && (
              <p className="page__empty">Tick one more run in the History to compare it with this one.</p>
            )}
            <div className="compare__legend">
              <SplitLegend />
              <LegendList items={legend} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

/** The legend items of every compared run, each once. */
function mergedLegend(models: readonly RunModel[]): LegendItem[] {
  const seen = new Map<string, LegendItem>();
  // A run of many tasks may be drawn as blocks when zoomed out.
  const blocks = models.some((m) => m.tasks.length > 500) ? 1 : 0;
  for (const model of models) {
    for (const item of legendItems({
      model,
      marks: runMarks(model),
      blocks,
      concurrency: false,
      live: false,
    })) {
      if (!seen.has(item.key)) seen.set(item.key, item);
    }
  }
  return [...seen.values()];
}
