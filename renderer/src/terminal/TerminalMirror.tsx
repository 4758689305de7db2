/**
 * The terminal as plain text, one element per line: what screen readers
 * read (a polite live log) and what tests check. Visually hidden; the xterm
 * view above shows the same lines.
 */
import { memo } from 'react';
import { liveClock } from '../store/live-clock';
import { useThrottledVersion } from '../store/use-throttled';
import { lineText } from './terminal-feed';
import type { TerminalStore } from './terminal-store';

/** Only the newest lines: a live region of ten thousand lines helps nobody. */
const MIRROR_LINES = 2000;

/**
 * The mirror follows at most twice a second (once while a run is live): a fast run would
 * otherwise rebuild two thousand lines on every batch.
 */
const MIRROR_EVERY_MS = 500;
const MIRROR_LIVE_MS = 1000;
const mirrorEvery = (): number => (liveClock.ticking ? MIRROR_LIVE_MS : MIRROR_EVERY_MS);

export const TerminalMirror = memo(function TerminalMirror({ store }: { store: TerminalStore }) {
  useThrottledVersion(store, mirrorEvery);
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
