/**
 * What went wrong with the saved data, in plain words, with where the damaged
 * file was kept: nothing is ever dropped silently. Each notice is dismissed
 * on its own and does not come back.
 */
import { useApp } from '../app/app-context';
import { useStoreVersion } from '../store/use-store';

export function DataNotices() {
  const { notices } = useApp();
  useStoreVersion(notices);
  if (notices.notices.length === 0) return null;
  return (
    <section className="notices" role="status" aria-label="Saved data notices" data-testid="data-notices">
      <ul className="notices__list">
        {notices.notices.map((n) => (
          <li key={n.id} className="notices__item" data-testid="data-notice">
            <span className="notices__message">{n.message}</span>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() => void notices.dismiss(n.id)}
              aria-label="Dismiss this notice"
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
