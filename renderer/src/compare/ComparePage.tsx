/**
 * The comparison: the runs ticked in the history, stacked on one shared time
 * axis (each a group of lanes under its name), each with its wall time,
 * speedup against the chosen baseline, efficiency, utilisation and where
 * its time went.
 */
import { useRef, useState } from 'react';
import { compareRows, defaultBaseline, formatSpeedup } from '../../../shared/compare';
import { EXAMPLES } from '../../../shared/examples';
import { fitDomainEnd } from '../../../shared/timeline-scale';
import { formatSeconds } from '../../../shared/timeline-scale';
import { ExportButtons } from '../export/ExportButtons';
import { TIMELINE_LEGEND } from '../export/run-exports';
import type { SnapshotPart } from '../export/svg-snapshot';
import { sameCode } from '../gallery/load-example';
import { useTheme } from '../app/hooks';
import { useApp } from '../app/app-context';
import { saveComparisonFile } from '../share/share-files';
import { layoutLanes, makeScale } from '../timeline/geometry';
import { Legend } from '../timeline/Legend';
import { TimeAxis } from '../timeline/TimeAxis';
import { useElementSize } from '../timeline/use-element-size';
import { useZoom } from '../theme/zoom';
import { CompareRun } from './CompareRun';
import { SplitLegend, splitText } from './TimeSplit';
import { useComparedRuns } from './use-compared-runs';

export function ComparePage() {
  const { runs, waiting } = useComparedRuns();
  const stores = useApp();
  const theme = useTheme();
  const zoom = useZoom();
  const bodyRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(bodyRef);
  const [chosen, setChosen] = useState<string | null>(null);

  const candidates = runs.map((r) => ({ id: r.summary.id, spec: r.summary.spec, wallMs: r.model.elapsedMs }));
  const baselineId =
    chosen !== null && runs.some((r) => r.summary.id === chosen) ? chosen : defaultBaseline(candidates);
  const rows = compareRows(
    runs.map((r) => ({ id: r.summary.id, spec: r.summary.spec, model: r.model })),
    baselineId,
  );
  const gutter = layoutLanes([], 0, zoom).gutter;
  const plotWidth = Math.max(80, width - gutter - Math.round(24 * zoom));
  const longest = Math.max(0, ...runs.map((r) => Math.max(r.model.elapsedMs, r.model.lastT)));
  const scale = makeScale(fitDomainEnd(longest), gutter, plotWidth);
  const maxTicks = Math.max(2, Math.floor(plotWidth / (84 * zoom)));
  const example = EXAMPLES.find(
    (e) => runs.length > 0 && runs.every((r) => sameCode(r.summary.spec.code, e.code)),
  );

  const picture = (): SnapshotPart[] | null => {
    const root = bodyRef.current;
    const axis = root?.querySelector<SVGSVGElement>('[data-testid="compare-axis"]');
    if (!root || !axis) return null;
    const parts: SnapshotPart[] = [
      { kind: 'text', text: 'Pool Playground · comparison', size: 16, bold: true },
    ];
    parts.push({ kind: 'svg', element: axis });
    runs.forEach((run, i) => {
      const row = rows[i]!;
      const svg = root.querySelector<SVGSVGElement>(
        `[data-run-id="${run.summary.id}"] svg.compare-run__lanes`,
      );
      parts.push({ kind: 'gap', height: 6 });
      parts.push({ kind: 'text', text: run.summary.name, size: 14, bold: true });
      parts.push({
        kind: 'text',
        text: `wall ${formatSeconds(row.stats.wallMs)} · speedup ${formatSpeedup(row.speedup)}${row.isBaseline ? ' (baseline)' : ''} · ${splitText(row.stats.breakdown)}`,
        size: 12,
        muted: true,
      });
      if (svg) parts.push({ kind: 'svg', element: svg });
    });
    parts.push({ kind: 'gap', height: 8 }, { kind: 'legend', items: TIMELINE_LEGEND });
    return parts;
  };

  return (
    <section className="page compare-page" aria-label="Compare runs" data-testid="compare-page">
      <div className="page__header">
        <h2 className="page__title">Compare runs</h2>
        <span className="page__detail">
          {runs.length} run{runs.length === 1 ? '' : 's'}
          {waiting > 0 ? ` (loading ${waiting}…)` : ''}
        </span>
        {runs.length > 1 && (
          <label className="compare__baseline">
            <span>Speedup against</span>
            <select
              className="input input--select"
              value={baselineId ?? ''}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="compare-baseline"
            >
              {runs.map((r) => (
                <option key={r.summary.id} value={r.summary.id}>
                  {r.summary.name}
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
            <div className="compare__axis">
              <TimeAxis
                scale={scale}
                width={Math.max(0, width)}
                height={Math.round(26 * zoom)}
                fontSize={Math.round(11 * zoom)}
                maxTicks={maxTicks}
                testId="compare-axis"
                label={`Shared time axis, 0 to ${formatSeconds(scale.domainEnd)}`}
              />
            </div>
            {runs.map((run, i) => (
              <CompareRun
                key={run.summary.id}
                summary={run.summary}
                model={run.model}
                row={rows[i]!}
                scale={scale}
                width={width}
                zoom={zoom}
                theme={theme}
                maxTicks={maxTicks}
              />
            ))}
            {runs.length === 1 && (
              <p className="page__empty">Tick one more run in the History to compare it with this one.</p>
            )}
            <div className="compare__legend">
              <SplitLegend />
              <Legend />
            </div>
          </>
        )}
      </div>
    </section>
  );
}
