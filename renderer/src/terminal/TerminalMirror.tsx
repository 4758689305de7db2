/**
 * The terminal as plain text, one element per line: what screen readers
 * read (a polite live log) and what tests check. Visually hidden; the xterm
 * view above shows the same lines.
 */
import { memo } from 'react';
import { useThrottledVersion } from '../store/use-throttled';
import { lineText } from './terminal-feed';
import type { TerminalStore } from './terminal-store';

/** Only the newest lines: a live region of ten thousand lines helps nobody. */
const MIRROR_LINES = 2000;

/** The mirror follows at most twice a second: a fast run would otherwise rebuild it on every batch. */
const MIRROR_EVERY_MS = 500;

export const TerminalMirror = memo(function TerminalMirror({ store }: { store: TerminalStore }) {
  useThrottledVersion(store, MIRROR_EVERY_MS);
  const lines = store.lines.length > MIRROR_LINES ? store.lines.slice(-MIRROR_LINES) : store.lines;
  const first = store.total - lines.length;
  return (
    <div className="visually-hidden" role="log" aria-label="Terminal output" data-testid="terminal-text">
      {first > 0 && <div>({first.toLocaleString('en')} earlier lines not shown here)</div>}
      {lines.map((line, i) => (
        <div key={first + i} data-kind={line.kind} data-stream={line.stream}>
          {lineText(line)}
        </div>
      ))}
    </div>
  );
});
