/**
 * Run × N beside Run: the current settings N times, then the comparison of
 * their median and spread. While the repeats run, the button cancels them.
 */
import { useState } from 'react';
import { useApp } from '../app/app-context';
import { useSweeps } from '../app/hooks';
import { DEFAULT_RUN_REPEATS, MAX_RUN_REPEATS, runRepeats } from '../compare/repeat-runs';

export function RepeatRun() {
  const stores = useApp();
  const sweeps = useSweeps();
  const [text, setText] = useState(String(DEFAULT_RUN_REPEATS));
  const times = Number(text);
  const valid = Number.isInteger(times) && times >= 2 && times <= MAX_RUN_REPEATS;
  const repeating = sweeps.repeating;
  const progress = repeating
    ? `${Math.min(repeating.plan.repeats, repeating.done + 1)} of ${repeating.plan.repeats}`
    : '';
  return (
    <div className="repeat-run" role="group" aria-label="Run several times">
      {repeating ? (
        <button
          type="button"
          className="btn btn--small btn--compact btn--stop repeat-run__button"
          onClick={() => sweeps.cancel()}
          title="Stop this run and the repeats still to come"
          data-testid="run-repeat-cancel"
        >
          Cancel <span role="status">({progress})</span>
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--ghost btn--small btn--compact repeat-run__button"
          disabled={!valid || sweeps.running}
          onClick={() => void runRepeats(stores, times)}
          title={
            valid
              ? `Run these settings ${times} times, one after another, then compare their median and spread`
              : `How many runs: a whole number from 2 to ${MAX_RUN_REPEATS}`
          }
          data-testid="run-repeat"
        >
          Run ×
        </button>
      )}
      <input
        className="input input--number repeat-run__count"
        type="number"
        min={2}
        max={MAX_RUN_REPEATS}
        value={text}
        disabled={repeating !== null}
        aria-label="How many runs (Run ×)"
        aria-invalid={valid ? undefined : true}
        onChange={(e) => setText(e.target.value)}
        data-testid="repeat-count"
      />
    </div>
  );
}
