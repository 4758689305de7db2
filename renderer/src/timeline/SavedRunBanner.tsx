/** Above the timeline while a saved run is reopened: which one, and the way back to the live run. */
import { useApp } from '../app/app-context';
import { useHistory } from '../app/hooks';
import type { RunViewer } from '../run/run-viewer';
import { fullDate, outcomeText, specSummary } from '../history/run-text';

export function SavedRunBanner({ viewer }: { viewer: RunViewer }) {
  const { pages } = useApp();
  const history = useHistory();
  const saved = viewer.saved;
  if (!saved && viewer.loading === null && viewer.error === null) return null;
  const summary = saved ? (history.byId(saved.loaded.run.id) ?? saved.loaded.run) : null;
  return (
    <div className="saved-banner" data-testid="saved-run-banner" role="status">
      <span className="saved-banner__badge">Saved run</span>
      {summary ? (
        <span className="saved-banner__text">
          <strong data-testid="saved-run-name">{summary.name}</strong>
          <span className="saved-banner__meta">
            {' '}
            · {specSummary(summary.spec)} · {outcomeText(summary.outcome, summary.wallMs)} ·{' '}
            {fullDate(summary.createdAt)} · read-only
          </span>
        </span>
      ) : (
        <span className="saved-banner__text">{viewer.error ?? 'Opening the saved run…'}</span>
      )}
      <button
        type="button"
        className="btn btn--small btn--primary saved-banner__back"
        onClick={() => {
          viewer.close();
          pages.show(null);
        }}
        data-testid="back-to-live"
      >
        Back to live run
      </button>
    </div>
  );
}
