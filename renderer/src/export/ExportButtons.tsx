/**
 * The Export buttons of a timeline or a comparison: the run(s) as a Chrome
 * trace (Perfetto, chrome://tracing), the picture as PNG or SVG, and (for a
 * single run) the results as CSV or JSON. Each says what it saves.
 */
import { useState } from 'react';
import { exportPicture, exportResults, exportTrace, type NamedRun } from './run-exports';
import type { SnapshotPart } from './svg-snapshot';

interface Props {
  /** The run(s) to export; empty while there is nothing to export. */
  runs: readonly NamedRun[];
  /** The file name stem (a run's or comparison's name). */
  name: string;
  /** The picture, as parts to stack; null when there is none on screen. */
  picture: () => SnapshotPart[] | null;
  /** Offer the results (CSV, JSON): a single run only. */
  results?: boolean;
  disabled?: boolean;
  /** Save as a file another Pool Playground opens (a run, or a comparison). */
  share?: (() => void) | null;
}

export function ExportButtons({
  runs,
  name,
  picture,
  results = true,
  disabled = false,
  share = null,
}: Props) {
  const [failed, setFailed] = useState<string | null>(null);
  const off = disabled || runs.length === 0;
  const single = runs.length === 1 ? runs[0]! : null;
  const savePicture = async (format: 'svg' | 'png'): Promise<void> => {
    const parts = picture();
    if (!parts) return;
    try {
      setFailed(null);
      await exportPicture(parts, name, format);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="export" role="group" aria-label="Export">
      <span className="export__label" aria-hidden="true">
        Export
      </span>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        aria-label="Export trace"
        title="Save as a Chrome trace (open it in Perfetto or chrome://tracing)"
        disabled={off}
        onClick={() => exportTrace(runs, name)}
      >
        Trace
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        aria-label="Export PNG"
        title="Save the timeline as a PNG picture"
        disabled={off}
        onClick={() => void savePicture('png')}
      >
        PNG
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        aria-label="Export SVG"
        title="Save the timeline as an SVG picture"
        disabled={off}
        onClick={() => void savePicture('svg')}
      >
        SVG
      </button>
      {results && (
        <>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label="Export CSV"
            title="Save the results as CSV (one row per task)"
            disabled={off || !single}
            onClick={() => single && exportResults(single, 'csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label="Export JSON"
            title="Save the results as JSON (one object per task)"
            disabled={off || !single}
            onClick={() => single && exportResults(single, 'json')}
          >
            JSON
          </button>
        </>
      )}
      {share && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          aria-label="Export file to share"
          title="Save as a file another Pool Playground can open (Open file…, or drop it on the window), read-only"
          disabled={off}
          onClick={share}
          data-testid="export-share"
        >
          Share
        </button>
      )}
      {failed && (
        <span className="export__error" role="alert">
          {failed}
        </span>
      )}
    </div>
  );
}
