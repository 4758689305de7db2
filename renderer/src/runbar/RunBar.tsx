/**
 * The run bar: what to run (function, mode, inputs) and how (max workers,
 * chunksize for map; timeout and the rest under Advanced), with Run and Stop.
 * Problems show under each field as you type; Run refuses to send them.
 */
import { LIMITS } from '../../../shared/run-spec';
import { useApp } from '../app/app-context';
import { useRunPhase, useSpec } from '../app/hooks';
import { AdvancedPopover } from './AdvancedPopover';
import { FunctionPicker } from './FunctionPicker';
import { InputsField } from './InputsField';
import { ModePicker } from './ModePicker';
import { NumberField } from './NumberField';
import { specErrors } from './run-form';
import { RunExtras } from './RunExtras';

export function RunBar() {
  const { workspace, controller, host } = useApp();
  const spec = useSpec();
  const phase = useRunPhase();
  const errors = specErrors(spec);
  const update = (patch: Partial<typeof spec>): void => workspace.updateSpec(patch);
  const running = phase === 'running';
  const starting = phase === 'starting';
  const cpus = host?.cpus ?? null;

  return (
    <form
      className="runbar"
      aria-label="Run settings"
      data-pane="runbar"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void controller.run();
      }}
    >
      <FunctionPicker
        id="run-fn"
        label="Function"
        value={spec.fn}
        error={errors.fn}
        onChange={(fn) => update({ fn: fn ?? '' })}
      />
      <ModePicker value={spec.mode} onChange={(mode) => update({ mode })} />
      <InputsField value={spec.inputs} onChange={(inputs) => update({ inputs })} />
      {spec.mode !== 'serial' && (
        <NumberField
          id="run-max-workers"
          field="maxWorkers"
          label="Max workers"
          value={spec.maxWorkers}
          min={1}
          max={LIMITS.maxWorkers}
          step={1}
          error={errors.maxWorkers}
          hint={cpus !== null ? `${cpus} CPU${cpus === 1 ? '' : 's'} here` : undefined}
          onCommit={(maxWorkers) => update({ maxWorkers: maxWorkers ?? 1 })}
        />
      )}
      {spec.mode === 'map' && (
        <NumberField
          id="run-chunksize"
          field="chunksize"
          label="Chunksize"
          value={spec.chunksize}
          min={1}
          step={1}
          error={errors.chunksize}
          onCommit={(chunksize) => update({ chunksize: chunksize ?? 1 })}
        />
      )}
      <AdvancedPopover spec={spec} errors={errors} onChange={update} />
      <div className="runbar__actions">
        <button
          type="submit"
          className="btn btn--run"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={running ? 'Stop this run and start again (Ctrl+Enter)' : 'Run (Ctrl+Enter)'}
          data-testid="run-button"
        >
          <span aria-hidden="true" className="btn__icon">
            ▶
          </span>
          Run
          <kbd aria-hidden="true">Ctrl+↵</kbd>
        </button>
        <button
          type="button"
          className="btn btn--stop"
          aria-label="Stop"
          title="Stop: terminate the worker processes"
          disabled={!running}
          onClick={() => void controller.stop()}
          data-testid="stop-button"
        >
          <span aria-hidden="true" className="btn__icon">
            ■
          </span>
          Stop
        </button>
        {starting && (
          <span className="runbar__starting" role="status">
            Starting…
          </span>
        )}
        <RunExtras serial={spec.mode === 'serial'} />
      </div>
    </form>
  );
}
