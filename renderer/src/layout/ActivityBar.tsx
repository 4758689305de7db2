/** The strip of view buttons on the far left (VS Code's activity bar). */
import type { SideView } from './activity';

interface Props {
  views: readonly SideView[];
  active: string | null;
  onToggle(id: string): void;
}

export function ActivityBar({ views, active, onToggle }: Props) {
  return (
    <nav className="activitybar" aria-label="Views">
      {views.map((view) => {
        const Icon = view.icon;
        return (
          <button
            key={view.id}
            type="button"
            className="activitybar__button"
            aria-label={view.label}
            aria-pressed={active === view.id}
            title={view.label}
            onClick={() => onToggle(view.id)}
          >
            <Icon />
          </button>
        );
      })}
    </nav>
  );
}
