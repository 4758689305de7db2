/**
 * Where a run's wall time went, as a stacked bar as wide as the wall time:
 * each part measured from the run's events (shared/time-split.ts), adding up
 * to the wall time. What went on alongside an earlier part (tasks waiting
 * while others ran) is in the tooltip, not added again.
 */
import { formatPercent } from '../../../shared/compare';
import { SPLIT_PART_WORDS, type SplitPart, type TimeSplit } from '../../../shared/time-split';
import { formatSeconds } from '../../../shared/timeline-scale';

const share = (part: SplitPart, split: TimeSplit): string =>
  formatPercent(split.wallMs > 0 ? part.ms / split.wallMs : 0);

/** `running 1.20 s (92 %), worker start-up 0.05 s (4 %), … = wall time 1.31 s` */
export function splitText(split: TimeSplit): string {
  const parts = split.parts
    .filter((p) => p.ms > 0)
    .map((p) => `${SPLIT_PART_WORDS[p.key].label} ${formatSeconds(p.ms)} (${share(p, split)})`);
  return `${parts.join(', ')} = wall time ${formatSeconds(split.wallMs)}`;
}

/** Every part, what it measures, and what went on alongside earlier parts (for the tooltip). */
function splitDetail(split: TimeSplit): string {
  const lines = split.parts
    .filter((p) => p.ms > 0 || p.alongsideMs > 0)
    .map((p) => {
      const words = SPLIT_PART_WORDS[p.key];
      const alongside =
        p.alongsideMs > 0 ? `; and ${formatSeconds(p.alongsideMs)} while an earlier part went on` : '';
      return `${words.label}: ${formatSeconds(p.ms)} (${share(p, split)}) — ${words.meaning}${alongside}`;
    });
  return [
    `Where the wall time (${formatSeconds(split.wallMs)}) went, each instant counted once, under the first of these going on:`,
    ...lines,
  ].join('\n');
}

export function TimeSplitBar({ split }: { split: TimeSplit }) {
  const shown = split.parts.filter((p) => p.ms > 0);
  return (
    <div className="split-box">
      <div
        className="split"
        role="img"
        aria-label={`Where the time went: ${splitText(split)}`}
        title={splitDetail(split)}
        data-testid="compare-split"
        data-wall-ms={split.wallMs}
      >
        {split.wallMs > 0 &&
          shown.map((p) => (
            <span
              key={p.key}
              className={`split__part split__part--${p.key}`}
              style={{ flexGrow: p.ms / split.wallMs }}
              data-part={p.key}
              data-ms={p.ms}
            />
          ))}
      </div>
      <p className="split__text" aria-hidden="true">
        {shown
          .filter((p) => split.wallMs > 0 && p.ms / split.wallMs >= 0.01)
          .map((p) => `${SPLIT_PART_WORDS[p.key].label} ${formatSeconds(p.ms)}`)
          .join(' · ')}
      </p>
    </div>
  );
}

export function SplitLegend() {
  return (
    <ul className="split-legend" aria-label="Where the time went: legend">
      {Object.entries(SPLIT_PART_WORDS).map(([key, words]) => (
        <li key={key} title={words.meaning}>
          <span className={`split-legend__chip split__part--${key}`} aria-hidden="true" />
          {words.label}
        </li>
      ))}
    </ul>
  );
}
