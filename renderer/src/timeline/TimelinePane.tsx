/**
 * The timeline panel: header (counts, export), which run it shows (live or
 * reopened from the history), what happened in it, the prediction and how it
 * compared, and the timeline itself.
 */
import { useRef } from 'react';
import { useApp } from '../app/app-context';
import { useHistory, useShownRun } from '../app/hooks';
import { ExportButtons } from '../export/ExportButtons';
import { TIMELINE_LEGEND } from '../export/run-exports';
import type { SnapshotPart } from '../export/svg-snapshot';
import { defaultRunName } from '../history/run-text';
import { PanelHeader } from '../layout/PanelHeader';
import { PredictionFields } from '../predict/PredictionFields';
import { PredictionResult } from '../predict/PredictionResult';
import { WhatHappened } from '../gallery/WhatHappened';
import { saveRunFile } from '../share/share-files';
import { formatSeconds } from '../../../shared/timeline-scale';
import { Legend } from './Legend';
import { SavedRunBanner } from './SavedRunBanner';
import { Timeline } from './Timeline';

export function TimelinePane() {
  const stores = useApp();
  const { session } = stores;
  const { run, saved, viewer } = useShownRun();
  const history = useHistory();
  const bodyRef = useRef<HTMLDivElement>(null);
  const model = run.model;
  const processes = model.workers.length;
  const tasks = model.taskCount || model.tasks.length;
  const detail =
    model.tasks.length > 0 || processes > 0
      ? `${processes} process${processes === 1 ? '' : 'es'} · ${tasks} task${tasks === 1 ? '' : 's'}`
      : null;
  const summary = history.byId(run.runId);
  const name =
    summary?.name ??
    (saved ? saved.loaded.run.name : null) ??
    session.meta.name ??
    (model.spec ? defaultRunName(model.spec, model.finish?.outcome) : 'run');
  const finished = model.finish !== null && run.phase === 'finished';
  const prediction = saved ? saved.loaded.run.meta.prediction : session.meta.prediction;

  const picture = (): SnapshotPart[] | null => {
    const axis = bodyRef.current?.querySelector<SVGSVGElement>('svg.tl-axis');
    const lanes = bodyRef.current?.querySelector<SVGSVGElement>('svg.tl-svg');
    if (!axis || !lanes) return null;
    return [
      { kind: 'text', text: name, size: 16, bold: true },
      {
        kind: 'text',
        text: `${model.finish ? `wall time ${formatSeconds(model.finish.wallMs)} · ` : ''}${detail ?? ''}`,
        size: 12,
        muted: true,
      },
      { kind: 'svg', element: axis },
      { kind: 'svg', element: lanes },
      { kind: 'gap', height: 8 },
      { kind: 'legend', items: TIMELINE_LEGEND },
    ];
  };

  return (
    <section className="pane timeline-pane" aria-label="Timeline">
      <PanelHeader title="Timeline" detail={detail}>
        <ExportButtons
          runs={finished ? [{ model, name }] : []}
          name={name}
          picture={picture}
          share={run.runId ? () => void saveRunFile(stores, run.runId!, name) : null}
        />
      </PanelHeader>
      <SavedRunBanner viewer={viewer} />
      {finished && <WhatHappened model={model} version={model.version} />}
      <div className="predict" data-testid="predict">
        {!saved && <PredictionFields />}
        {finished && <PredictionResult prediction={prediction} model={model} />}
      </div>
      <div className="pane__body timeline-body" ref={bodyRef}>
        <Timeline run={run} legend={<Legend />} />
      </div>
    </section>
  );
}
