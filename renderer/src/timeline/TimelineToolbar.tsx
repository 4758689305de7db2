/**
 * Above a timeline: zoom out, zoom in, fit all and follow live, what the
 * view shows, and the selected range (its duration and the tasks in it)
 * with a way to zoom to it or clear it. Each also has a key (see
 * timeline-input.ts), said in its title.
 */
import { useSyncExternalStore } from 'react';
import { formatRange } from '../../../shared/timeline-scale';
import { useStoreVersion } from '../store/use-store';
import { useThrottledVersion } from '../store/use-throttled';
import { selectionText, summarizeSelection } from './selection';
import type { TimelineController } from './timeline-controller';
import type { TimeViewStore } from './time-view-store';
import type { TimeView } from './view';

/** The toolbar of one run's timeline. */
export function TimelineToolbar({ controller }: { controller: TimelineController }) {
  const running = useSyncExternalStore(controller.subscribe, () => controller.running);
  // A followed live run moves the view without anyone touching it: say where it is now.
  useThrottledVersion(controller.drawn, 250);
  return (
    <ViewToolbar
      views={controller.views}
      boundsEnd={() => controller.boundsEnd()}
      view={() => controller.view()}
      live={running}
      describe={(range) => {
        const model = controller.model;
        return model ? selectionText(range, summarizeSelection(model, range, controller.now())) : null;
      }}
    />
  );
}

interface Props {
  views: TimeViewStore;
  boundsEnd(): number;
  view(): TimeView;
  /** A run is going: offer "follow live". */
  live: boolean;
  /** What a selected range holds, in words. */
  describe(range: TimeView): string | null;
}

/** Zoom, fit, follow and the selection, for any timeline (or a comparison's shared view). */
export function ViewToolbar({ views, boundsEnd, view: currentView, live: running, describe }: Props) {
  useStoreVersion(views);
  const bounds = boundsEnd();
  const view = currentView();
  const zoomed = views.view !== null;
  const zoomBy = (factor: number): void => {
    views.zoom(view, factor, (view.start + view.end) / 2, bounds);
  };
  const selection = views.selection;
  const summary = selection ? describe(selection) : null;
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline view">
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => zoomBy(1.5)}
        disabled={!zoomed}
        title="Zoom out (− or S; wheel down)"
        aria-label="Zoom out"
        data-testid="timeline-zoom-out"
      >
        −
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => zoomBy(1 / 1.5)}
        title="Zoom in (+ or W; wheel up, around the pointer)"
        aria-label="Zoom in"
        data-testid="timeline-zoom-in"
      >
        +
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => views.fitAll()}
        aria-pressed={!zoomed}
        title="Show the whole run (0; double-click)"
        data-testid="timeline-fit"
      >
        Fit all
      </button>
      {running && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => views.followLive()}
          aria-pressed={views.following}
          title="Keep the newest moment in view as the run goes (L)"
          data-testid="timeline-follow"
        >
          Follow live
        </button>
      )}
      <span className="tl-toolbar__view" data-testid="timeline-view" aria-live="off">
        {zoomed ? formatRange(view.start, view.end) : 'whole run'}
      </span>
      {selection && summary ? (
        <span className="tl-toolbar__selection" role="status" data-testid="timeline-selection">
          <span>Selected {summary}</span>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => views.show(selection, bounds)}
            data-testid="timeline-zoom-selection"
          >
            Zoom to it
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={() => views.select(null)}
            aria-label="Clear the selection"
            title="Clear the selection (Esc)"
          >
            ✕
          </button>
        </span>
      ) : (
        <span className="tl-toolbar__hint">Wheel: zoom · drag: pan · Shift+drag: select</span>
      )}
    </div>
  );
}
