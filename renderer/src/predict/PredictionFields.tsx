/**
 * Predict, then run: before pressing Run the learner may write down a guess
 * of the wall time and of the order the results will reach the caller.
 * Kept in the workspace; sent with the next run (and saved with it).
 */
import { useState } from 'react';
import { useApp } from '../app/app-context';
import { useWorkspaceValue } from '../app/hooks';

export function PredictionFields() {
  const { workspace } = useApp();
  const prediction = useWorkspaceValue((ws) => ws.prediction);
  const [wallText, setWallText] = useState(prediction.wallSec === null ? '' : String(prediction.wallSec));
  const [seen, setSeen] = useState(prediction.wallSec);
  const [wallError, setWallError] = useState(false);
  if (!Object.is(seen, prediction.wallSec)) {
    setSeen(prediction.wallSec);
    if (Number(wallText) !== prediction.wallSec)
      setWallText(prediction.wallSec === null ? '' : String(prediction.wallSec));
  }

  const setWall = (text: string): void => {
    setWallText(text);
    const trimmed = text.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    const bad = value !== null && (!Number.isFinite(value) || value < 0);
    setWallError(bad);
    if (bad) return;
    setSeen(value);
    workspace.update((ws) => ({ prediction: { ...ws.prediction, wallSec: value } }));
  };

  return (
    <div className="predict__fields" role="group" aria-label="Your prediction for the next run">
      <span className="predict__title">Predict, then run:</span>
      <label className="predict__field">
        <span>wall time</span>
        <input
          className="input input--number predict__wall"
          type="text"
          inputMode="decimal"
          placeholder="?"
          value={wallText}
          aria-label="Predicted wall time in seconds"
          aria-invalid={wallError ? true : undefined}
          onChange={(e) => setWall(e.target.value)}
          data-testid="predict-wall"
        />
        <span aria-hidden="true">s</span>
      </label>
      <label className="predict__field predict__field--order">
        <span>result order</span>
        <input
          className="input input--code predict__order"
          type="text"
          spellCheck={false}
          placeholder="e.g. 0, 1, 2, 3, 4"
          value={prediction.order ?? ''}
          aria-label="Predicted order of the results (inputs, results or positions)"
          onChange={(e) => {
            const order = e.target.value === '' ? null : e.target.value;
            workspace.update((ws) => ({ prediction: { ...ws.prediction, order } }));
          }}
          data-testid="predict-order"
        />
      </label>
    </div>
  );
}
