/**
 * One saved run in the history: a box to tick it for comparison, its name
 * (opens it), its settings, when it ran, its wall time and outcome, and
 * actions: rename, run its serial baseline, open its sweep, delete.
 */
import { useState } from 'react';
import type { SavedRunSummary } from '../../../shared/api';
import { busySentences, type BusyNotice } from '../../../shared/busy-machine';
import { PencilIcon, SweepIcon, TrashIcon } from '../common/icons';
import { fullDate, outcomeText, specSummary, whenText } from './run-text';
import { RenameField } from './RenameField';

interface Props {
  run: SavedRunSummary;
  selected: boolean;
  shown: boolean;
  busy: boolean;
  /** The machine was busy during this run: its times are noise. */
  busyMachine: BusyNotice | null;
  onSelect(on: boolean): void;
  onOpen(): void;
  onRename(name: string): void;
  onDelete(): void;
  onBaseline(): void;
  onSweep: (() => void) | null;
}

export function HistoryItem(p: Props) {
  const { run } = p;
  const [renaming, setRenaming] = useState(false);
  const checkboxId = `history-select-${run.id}`;
  return (
    <li
      className="history-item"
      data-testid="history-item"
      data-run-id={run.id}
      data-selected={p.selected ? 'true' : undefined}
      data-shown={p.shown ? 'true' : undefined}
      data-outcome={run.outcome}
    >
      <input
        id={checkboxId}
        type="checkbox"
        className="history-item__check"
        checked={p.selected}
        onChange={(e) => p.onSelect(e.target.checked)}
        aria-label={`Compare ${run.name}`}
        data-testid="history-select"
      />
      <div className="history-item__title">
        {renaming ? (
          <RenameField
            name={run.name}
            onSave={(name) => {
              setRenaming(false);
              p.onRename(name);
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <button
            type="button"
            className="history-item__name"
            onClick={p.onOpen}
            title={`Open this run (${fullDate(run.createdAt)})`}
            aria-label={`Open ${run.name}`}
            data-testid="history-open"
          >
            {run.name}
          </button>
        )}
      </div>
      <span className="history-item__wall" data-outcome={run.outcome} data-testid="history-wall">
        {outcomeText(run.outcome, run.wallMs)}
      </span>
      <div className="history-item__foot">
        <div className="history-item__meta">
          <span>{specSummary(run.spec)}</span>
          <span title={fullDate(run.createdAt)}>{whenText(run.createdAt)}</span>
          {p.busyMachine && (
            <span
              className="busy-badge history-item__busy"
              data-testid="history-busy"
              title={busySentences(p.busyMachine).join(' ')}
            >
              busy machine
            </span>
          )}
          {run.meta.importedFrom && (
            <span
              title="Opened from a shared file: kept here until this page closes"
              data-testid="history-imported"
            >
              from {run.meta.importedFrom}
            </span>
          )}
        </div>
        <div className="history-item__actions">
          {p.onSweep && (
            <button
              type="button"
              className="btn btn--ghost btn--icon"
              aria-label={`Sweep chart of ${run.name}`}
              title="Show the sweep this run belongs to"
              onClick={p.onSweep}
            >
              <SweepIcon />
            </button>
          )}
          {run.spec.mode !== 'serial' && run.spec.kind !== 'program' && (
            <button
              type="button"
              className="btn btn--ghost btn--icon history-item__baseline"
              aria-label={`1× serial baseline of ${run.name}`}
              title="Run the same tasks one after another in one process, then compare"
              disabled={p.busy}
              onClick={p.onBaseline}
              data-testid="history-baseline"
            >
              1×
            </button>
          )}
          <button
            type="button"
            className="btn btn--ghost btn--icon"
            aria-label={`Rename ${run.name}`}
            title="Rename"
            onClick={() => setRenaming(true)}
            data-testid="history-rename"
          >
            <PencilIcon />
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--icon"
            aria-label={`Delete ${run.name}`}
            title="Delete (can be undone for a few seconds)"
            onClick={p.onDelete}
            data-testid="history-delete"
          >
            <TrashIcon />
          </button>
        </div>
      </div>
    </li>
  );
}
