/**
 * Shutting down before the work is done: when the caller calls
 * executor.shutdown() (after N results, or only when Shutdown is pressed
 * during the run) and how — wait, cancel_futures — as in Python.
 */
import type { Workspace } from '../../../shared/api';
import { NumberField } from './NumberField';

interface Props {
  spec: Workspace['spec'];
  error?: string;
  onChange(patch: Partial<Workspace['spec']>): void;
}

export function ShutdownFields({ spec, error, onChange }: Props) {
  const { shutdown } = spec;
  const set = (patch: Partial<Workspace['spec']['shutdown']>): void =>
    onChange({ shutdown: { ...shutdown, ...patch } });
  return (
    <fieldset className="shutdown-fields" aria-label="Shutting down early">
      <legend className="field__label">shutdown(wait, cancel_futures)</legend>
      <NumberField
        id="run-shutdown-after"
        field="shutdownAfter"
        label="Shut down after (results)"
        value={shutdown.afterResults}
        optional
        placeholder="only on Shutdown"
        min={1}
        step={1}
        error={error}
        hint="The caller calls shutdown() after this many results. Empty: only when you press Shutdown."
        onCommit={(afterResults) => set({ afterResults })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={shutdown.wait}
          onChange={(e) => set({ wait: e.target.checked })}
          data-testid="shutdown-wait"
        />
        <span>
          <code>wait</code>: shutdown() returns only when the submitted work is done
        </span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={shutdown.cancelFutures}
          onChange={(e) => set({ cancelFutures: e.target.checked })}
          data-testid="shutdown-cancel-futures"
        />
        <span>
          <code>cancel_futures</code>: cancel the tasks still in the queue (not those already handed to a
          worker)
        </span>
      </label>
    </fieldset>
  );
}
