/**
 * Where a run's time went, as a small stacked bar: worker start-up, tasks
 * waiting in the queue, sending and receiving (crossing the process
 * boundary), and running. Shares of the summed time, with the seconds in
 * its accessible name and tooltip.
 */
import type { TimeBreakdown } from '../../../shared/run-stats';
import { formatPercent } from '../../../shared/compare';
import { formatSeconds } from '../../../shared/timeline-scale';

export const SPLIT_PARTS = [
  { key: 'startupMs', label: 'start-up', css: 'startup', color: '--split-startup' },
  { key: 'queuedMs', label: 'waiting in the queue', css: 'queued', color: '--split-queued' },
  { key: 'transferMs', label: 'sending/receiving', css: 'transfer', color: '--split-transfer' },
  { key: 'runningMs', label: 'running', css: 'running', color: '--split-running' },
] as const satisfies readonly { key: keyof TimeBreakdown; label: string; css: string; color: string }[];

export function splitText(breakdown: TimeBreakdown): string {
  const total = SPLIT_PARTS.reduce((sum, p) => sum + breakdown[p.key], 0);
  return SPLIT_PARTS.map(
    (p) =>
      `${p.label} ${formatSeconds(breakdown[p.key])} (${formatPercent(total > 0 ? breakdown[p.key] / total : 0)})`,
  ).join(', ');
}

export function TimeSplit({ breakdown }: { breakdown: TimeBreakdown }) {
  const total = SPLIT_PARTS.reduce((sum, p) => sum + breakdown[p.key], 0);
  const text = `Where the time went: ${splitText(breakdown)}`;
  return (
    <div className="split" role="img" aria-label={text} title={text} data-testid="compare-split">
      {total > 0 &&
        SPLIT_PARTS.map((p) =>
          breakdown[p.key] > 0 ? (
            <span
              key={p.key}
              className={`split__part split__part--${p.css}`}
              style={{ flexGrow: breakdown[p.key] / total }}
            />
          ) : null,
        )}
    </div>
  );
}

export function SplitLegend() {
  return (
    <ul className="split-legend" aria-label="Where the time went: legend">
      {SPLIT_PARTS.map((p) => (
        <li key={p.key}>
          <span className={`split-legend__chip split__part--${p.css}`} aria-hidden="true" />
          {p.label}
        </li>
      ))}
    </ul>
  );
}
