/**
 * What the Export buttons save: a run (or several, compared) as a Chrome
 * trace; a run's results as CSV or JSON; a timeline as SVG or PNG.
 */
import { resultsCsv, resultsJson } from '../../../shared/results-export';
import type { RunModel } from '../../../shared/run-model';
import { chromeTrace } from '../../../shared/trace-export';
import { downloadBlob, downloadText, fileSlug } from './download';
import { composeSvg, svgToPng, type SnapshotPart } from './svg-snapshot';

export interface NamedRun {
  model: RunModel;
  name: string;
}

export function exportTrace(runs: readonly NamedRun[], fileName: string): void {
  const trace = chromeTrace(runs.map((r) => ({ model: r.model, name: r.name })));
  downloadText(`${fileSlug(fileName)}.trace.json`, `${JSON.stringify(trace)}\n`, 'application/json');
}

export function exportResults(run: NamedRun, format: 'csv' | 'json'): void {
  const slug = fileSlug(run.name);
  if (format === 'csv') downloadText(`${slug}.results.csv`, resultsCsv(run.model), 'text/csv');
  else downloadText(`${slug}.results.json`, resultsJson(run.model), 'application/json');
}

export async function exportPicture(
  parts: readonly SnapshotPart[],
  fileName: string,
  format: 'svg' | 'png',
): Promise<void> {
  const snapshot = composeSvg(parts);
  const slug = fileSlug(fileName);
  if (format === 'svg') {
    downloadText(`${slug}.timeline.svg`, snapshot.svg, 'image/svg+xml');
    return;
  }
  downloadBlob(`${slug}.timeline.png`, await svgToPng(snapshot));
}
