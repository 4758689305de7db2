/** The title bar: the app, the examples, shared files, text size, theme, and which host this is. */
import { ExamplesIcon, LogoIcon, MoonIcon, SunIcon } from '../common/icons';
import { useApp } from '../app/app-context';
import { useTheme } from '../app/hooks';
import { PRESENTER_ZOOM, setZoom, stepZoom, useZoom, ZOOM_STEPS } from '../theme/zoom';
import { togglePresenter, usePresenter } from './presenter';
import { ShareControls } from '../share/ShareControls';

export function TopBar({ onOpenExamples }: { onOpenExamples(): void }) {
  const { workspace, host } = useApp();
  const theme = useTheme();
  const zoom = useZoom();
  const presenter = usePresenter();
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
          aria-label="A− smaller text"
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
          aria-label="A+ larger text"
          disabled={zoom >= ZOOM_STEPS[ZOOM_STEPS.length - 1]!}
          onClick={() => stepZoom(1)}
        >
          A+
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          aria-pressed={zoom === PRESENTER_ZOOM}
          title={`Text size for a projector (${Math.round(PRESENTER_ZOOM * 100)}%)`}
          onClick={() => setZoom(zoom === PRESENTER_ZOOM ? 1 : PRESENTER_ZOOM)}
          data-testid="presenter-text"
        >
          Projector text
        </button>
      </div>
      <button
        type="button"
        className="btn btn--ghost"
        aria-pressed={presenter}
        aria-keyshortcuts="P F11"
        title="Presenter layout: the timeline and the terminal get the screen (P or F11)"
        onClick={() => togglePresenter()}
        data-testid="presenter-toggle"
      >
        Presenter
      </button>
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
