/** The terminal panel: header with actions, the xterm view and its text mirror. */
import { useState } from 'react';
import { useStoreVersion } from '../store/use-store';
import { useShownTerminal, useTheme } from '../app/hooks';
import { useZoom } from '../theme/zoom';
import { PanelHeader } from '../layout/PanelHeader';
import { lineText } from './terminal-feed';
import { TerminalMirror } from './TerminalMirror';
import { TerminalView } from './TerminalView';

export function TerminalPane() {
  // The live run's terminal, or the reopened run's (printed again from its saved log).
  const terminal = useShownTerminal();
  const theme = useTheme();
  const zoom = useZoom();
  useStoreVersion(terminal);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(terminal.lines.map(lineText).join('\n'));
      setCopied('done');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 1500);
  };

  return (
    <section className="pane terminal-pane" aria-label="Terminal" data-pane="terminal">
      <PanelHeader
        title="Terminal"
        detail={terminal.total > 0 ? `${terminal.total.toLocaleString('en')} lines` : null}
      >
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => void copy()}
          disabled={terminal.total === 0}
        >
          {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => terminal.reset()}
          disabled={terminal.total === 0}
          aria-label="Clear terminal"
        >
          Clear
        </button>
      </PanelHeader>
      <div className="pane__body terminal-body">
        <TerminalView key={terminal.id} store={terminal} theme={theme} fontSize={Math.round(14 * zoom)} />
        <TerminalMirror store={terminal} />
      </div>
    </section>
  );
}
