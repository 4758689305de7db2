/**
 * The comparison as one picture (PNG or SVG export): the shared axis, then
 * each run's name, figures and lanes — with the medians of repeated runs,
 * and what is noise (a busy machine, impossible figures), so the picture
 * says what the page says.
 */
import type { SavedRunSummary } from '../../../shared/api';
import { busyShortText } from '../../../shared/busy-machine';
import { formatSpeedup, type Comparison, type CompareSet } from '../../../shared/compare';
import { noiseShortText } from '../../../shared/noise-flags';
import { formatSeconds } from '../../../shared/timeline-scale';
import type { SnapshotPart } from '../export/svg-snapshot';
import { splitText } from './TimeSplit';

const text = (value: string, size = 12, muted = true): SnapshotPart => ({
  kind: 'text',
  text: value,
  size,
  muted,
});

export function comparePicture(
  root: HTMLElement,
  runs: readonly SavedRunSummary[],
  comparison: Comparison,
  setLabel: (set: CompareSet) => string,
  /** Each run's lanes as drawn on the page (null when not drawn yet). */
  drawnRun: (runId: string, index: number) => { svg: string; width: number; height: number } | null,
  legend: readonly { color: string; label: string }[],
): SnapshotPart[] | null {
  const axis = root.querySelector<SVGSVGElement>('[data-testid="compare-axis"]');
  if (!axis) return null;
  const parts: SnapshotPart[] = [
    { kind: 'text', text: 'Pool Playground · comparison', size: 16, bold: true },
  ];
  if (comparison.sets.some((set) => set.runIds.length > 1)) {
    parts.push({ kind: 'text', text: 'Medians of repeated runs (min–max)', size: 13, bold: true });
    for (const set of comparison.sets) {
      const wall = set.wall;
      const speed = set.speedup;
      const noise = set.noise.map(noiseShortText);
      const busy = set.busyRuns > 0 ? [`busy machine: ${set.busyRuns} of ${set.runIds.length}`] : [];
      parts.push(
        text(
          [
            `${setLabel(set)}${set.isBaseline ? ' (baseline)' : ''}`,
            wall
              ? `wall ${formatSeconds(wall.median)} (${formatSeconds(wall.min)}–${formatSeconds(wall.max)})`
              : '',
            speed
              ? `speedup ${formatSpeedup(speed.median)} (${formatSpeedup(speed.min)}–${formatSpeedup(speed.max)})`
              : '',
            ...busy,
            ...noise,
          ]
            .filter((p) => p !== '')
            .join(' · '),
        ),
      );
    }
    parts.push({ kind: 'gap', height: 6 });
  }
  parts.push({ kind: 'svg', element: axis });
  runs.forEach((run, i) => {
    const row = comparison.rows[i]!;
    const drawn = drawnRun(run.id, i);
    parts.push({ kind: 'gap', height: 6 });
    parts.push({ kind: 'text', text: run.name, size: 14, bold: true });
    parts.push(
      text(
        `wall ${formatSeconds(row.stats.wallMs)} · speedup ${formatSpeedup(row.speedup)}${row.isBaseline ? ' (baseline)' : ''} · ${splitText(row.stats.split)}`,
      ),
    );
    const warnings = [...(row.busy ? [busyShortText(row.busy)] : []), ...row.noise.map(noiseShortText)];
    if (warnings.length > 0) parts.push(text(warnings.join(' · ')));
    if (drawn) parts.push({ kind: 'markup', ...drawn });
  });
  parts.push({ kind: 'gap', height: 8 }, { kind: 'legend', items: [...legend] });
  return parts;
}
