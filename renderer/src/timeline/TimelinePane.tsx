/**
 * The timeline panel: header (counts, export), which run it shows (live,
 * reopened from the history, or replayed), what happened in it, the
 * prediction and how it compared, and the timeline itself. The timeline
 * follows the live run on its own: this pane only re-renders when another
 * run is shown, so a streaming run does not re-render it.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useApp } from '../app/app-context';
import { useHistory, useShownRun } from '../app/hooks';
import { ExportButtons } from '../export/ExportButtons';
import type { SnapshotPart } from '../export/svg-snapshot';
import { defaultRunName } from '../history/run-text';
import { PanelHeader } from '../layout/PanelHeader';
import { PredictionFields } from '../predict/PredictionFields';
import { PredictionResult } from '../predict/PredictionResult';
import { useStoreVersion } from '../store/use-store';
import { WhatHappened, WhatHappenedPending } from '../gallery/WhatHappened';
import { saveRunFile } from '../share/share-files';
import { formatSeconds } from '../../../shared/timeline-scale';
import { legendItems } from './legend-items';
import { runMarks } from './marks';
import { timelinePicture } from './picture';
import { ReplayBar } from './ReplayBar';
import { SavedRunBanner } from './SavedRunBanner';
import { Timeline } from './Timeline';
import type { TimelineController } from './timeline-controller';

export function TimelinePane() {
  const { session, viewer } = useApp();
  useStoreVersion(viewer);
  const saved = viewer.saved;
  const replay = viewer.replay;
  const run = replay ?? saved ?? session;
  const subscribe = replay ? replay.subscribe : saved ? undefined : session.subscribe;
  // Re-render when the live session starts or ends a run, not on each of its events.
  useSyncExternalStore(session.subscribe, () => `${session.runId}:${session.phase}`);
  const controllerRef = useRef<TimelineController | null>(null);
  const onController = useCallback((c: TimelineController) => {
    controllerRef.current = c;
  }, []);
  return (
    <section className="pane timeline-pane" aria-label="Timeline" data-pane="timeline">
      <TimelineHeader controller={controllerRef} />
      <SavedRunBanner viewer={viewer} />
      {saved && <ReplayBar viewer={viewer} />}
      <PredictionRow />
      <div className="pane__body timeline-body">
        <Timeline
          run={run}
          subscribe={subscribe}
          onController={onController}
          empty={
            <p className="timeline__empty">
              {run.phase === 'starting'
                ? 'Starting the pool…'
                : 'Press Run (Ctrl+Enter) to start the pool. Each worker process gets a lane here, labelled with its PID, and each task a bar.'}
            </p>
          }
        />
      </div>
    </section>
  );
}

/** The pane's title row: what the run is, and its exports (re-renders with the live run). */
function TimelineHeader({ controller }: { controller: { current: TimelineController | null } }) {
  const stores = useApp();
  const { session } = stores;
  const { run, saved } = useShownRun();
  const history = useHistory();
  const model = run.model;
  const processes = model.workers.length;
  const tasks = model.taskCount || model.tasks.length;
  const detail =
    model.tasks.length > 0 || processes > 0
      ? `${processes} process${processes === 1 ? '' : 'es'} · ${tasks.toLocaleString('en')} task${tasks === 1 ? '' : 's'}`
      : null;
  const summary = history.byId(run.runId);
  const name =
    summary?.name ??
    (saved ? saved.loaded.run.name : null) ??
    session.meta.name ??
    (model.spec ? defaultRunName(model.spec, model.finish?.outcome) : 'run');
  const finished = model.finish !== null && run.phase === 'finished';

  const picture = (): SnapshotPart[] | null => {
    const c = controller.current;
    const drawn = c && timelinePicture(c);
    if (!c || !drawn) return null;
    const items = legendItems({
      model,
      marks: runMarks(model),
      blocks: c.scene?.blocks ?? 0,
      concurrency: true,
      live: false,
    });
    return [
      { kind: 'text', text: name, size: 16, bold: true },
      {
        kind: 'text',
        text: `${model.finish ? `wall time ${formatSeconds(model.finish.wallMs)} · ` : ''}${detail ?? ''}`,
        size: 12,
        muted: true,
      },
      { kind: 'markup', ...drawn },
      { kind: 'gap', height: 8 },
      { kind: 'legend', items: items.map((i) => ({ color: i.color, label: i.label })) },
    ];
  };

  return (
    <PanelHeader title="Timeline" detail={detail}>
      <ExportButtons
        runs={finished ? [{ model, name }] : []}
        name={name}
        picture={picture}
        share={run.runId ? () => void saveRunFile(stores, run.runId!, name) : null}
      />
    </PanelHeader>
  );
}

/** What happened in the run, then predict-and-run: the fields before a run, the comparison after. */
function PredictionRow() {
  const { session } = useApp();
  const { run, saved } = useShownRun();
  const model = run.model;
  const finished = model.finish !== null && run.phase === 'finished';
  const prediction = saved ? saved.loaded.run.meta.prediction : session.meta.prediction;
  // While the live run goes, its row is already there saying when it comes,
  // so the plot does not shrink under the learner's eyes as the run ends.
  const live = !saved && (run.phase === 'starting' || run.phase === 'running');
  return (
    <>
      {finished && <WhatHappened model={model} version={model.version} />}
      {live && <WhatHappenedPending />}
      <div className="predict" data-testid="predict">
        {!saved && <PredictionFields />}
        {finished && <PredictionResult prediction={prediction} model={model} />}
      </div>
    </>
  );
}
