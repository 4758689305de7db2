/**
 * The run history as a side bar view: every saved run, newest first. Open one
 * to see it again; tick two or more to compare them; run a sweep.
 */
import { useSyncExternalStore } from 'react';
import { busyNoticeOf, serialReferences } from '../../../shared/busy-machine';
import { useApp } from '../app/app-context';
import { useHistory } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';
import { baselineAndCompare } from './baseline';
import { HistoryItem } from './HistoryItem';
import { sweepGroupKind } from '../sweep/sweep-store';

export function HistorySideView() {
  const stores = useApp();
  const { viewer, pages, sweeps, session } = stores;
  const history = useHistory();
  useStoreVersion(viewer);
  // Only whether a run is going on (not every frame of it): the list can be long.
  const busy = useSyncExternalStore(session.subscribe, () => session.active);
  const count = history.selected.length;
  const references = serialReferences(history.runs);
  return (
    <div className="sideview history" data-testid="history">
      <div className="history__toolbar">
        <button
          type="button"
          className="btn btn--primary btn--small"
          disabled={count < 2}
          onClick={() => pages.show('compare')}
          title={count < 2 ? 'Tick two or more runs to compare them' : 'Compare the ticked runs'}
          data-testid="compare-selected"
        >
          Compare{count > 0 ? ` (${count})` : ''}
        </button>
        {count > 0 && (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => history.select([])}>
            Clear
          </button>
        )}
      </div>
      {history.pendingDelete && (
        <div className="history__undo" role="status" data-testid="history-undo">
          <span>
            Deleted <strong>{history.pendingDelete.name}</strong>.
          </span>
          <button type="button" className="btn btn--small" onClick={() => history.undo()}>
            Undo
          </button>
        </div>
      )}
      {history.error && (
        <p className="history__error" role="alert">
          {history.error}
        </p>
      )}
      {history.loaded && history.runs.length === 0 ? (
        <p className="history__empty">
          No runs yet. Every run you make is kept here (the newest 200), with its timeline and results.
        </p>
      ) : (
        <ul className="history__list" aria-label="Saved runs, newest first">
          {history.runs.map((run) => (
            <HistoryItem
              key={run.id}
              run={run}
              selected={history.isSelected(run.id)}
              shown={viewer.saved?.runId === run.id}
              busy={busy}
              busyMachine={busyNoticeOf(run, references)}
              onSelect={(on) => history.toggle(run.id, on)}
              onOpen={() => {
                pages.show(null);
                void viewer.open(run.id);
              }}
              onRename={(name) => void history.rename(run.id, name)}
              onDelete={() => {
                if (viewer.saved?.runId === run.id) viewer.close();
                history.remove(run.id);
              }}
              onBaseline={() => void baselineAndCompare(stores, run)}
              onSweep={
                run.meta.group && sweepGroupKind(run.meta.group)
                  ? () => {
                      sweeps.show(run.meta.group!);
                      pages.show('sweep');
                    }
                  : null
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
