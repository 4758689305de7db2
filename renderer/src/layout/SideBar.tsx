/** The side bar: shows the active activity-bar view. */
import type { SideView } from './activity';

export function SideBar({ view, onClose }: { view: SideView | null; onClose(): void }) {
  if (!view) return null;
  const Panel = view.panel;
  return (
    <section className="pane sidebar" aria-label={view.label} data-pane={view.id}>
      <div className="pane__header">
        <h2 className="pane__title">{view.label}</h2>
        <div className="pane__actions">
          <button
            type="button"
            className="btn btn--ghost btn--small"
            onClick={onClose}
            aria-label={`Close ${view.label}`}
          >
            ✕
          </button>
        </div>
      </div>
      <div className="pane__body pane__body--scroll">
        <Panel />
      </div>
    </section>
  );
}
