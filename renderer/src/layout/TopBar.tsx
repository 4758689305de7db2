/** The title bar: the app, the examples, shared files, text size, theme, and which host this is. */
import { ExamplesIcon, LogoIcon, MoonIcon, SunIcon } from '../common/icons';
import { useApp } from '../app/app-context';
import { useTheme } from '../app/hooks';
import { stepZoom, useZoom, ZOOM_STEPS } from '../theme/zoom';
import { ShareControls } from '../share/ShareControls';

export function TopBar({ onOpenExamples }: { onOpenExamples(): void }) {
  const { workspace, host } = useApp();
  const theme = useTheme();
  const zoom = useZoom();
  const other = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <LogoIcon />
        <h1>Pool Playground</h1>
      </div>
      <button type="button" className="btn btn--ghost" onClick={onOpenExamples} data-testid="open-examples">
        <ExamplesIcon /> Examples
      </button>
      <ShareControls />
      <div className="topbar__spacer" />
      <div className="zoom" role="group" aria-label="Text size">
        <button
          type="button"
          className="btn btn--ghost btn--small"
          aria-label="Smaller text"
          disabled={zoom <= ZOOM_STEPS[0]}
          onClick={() => stepZoom(-1)}
        >
          A−
        </button>
        <span className="zoom__value" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          aria-label="Larger text"
          disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!}
          onClick={() => stepZoom(1)}
        >
          A+
        </button>
      </div>
      <button
        type="button"
        className="btn btn--ghost"
        aria-label={`Switch to the ${other} theme`}
        title={`Switch to the ${other} theme`}
        onClick={() => workspace.update({ theme: other })}
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </button>
      <span
        className="host-badge"
        title={
          host
            ? `Node ${host.node}${host.electron ? `, Electron ${host.electron}` : ''} on ${host.platform}`
            : undefined
        }
      >
        {host ? (host.kind === 'electron' ? 'Electron' : 'Browser') : 'Offline'}
      </span>
    </header>
  );
}
