/**
 * The run bar: what to run (function, mode, inputs) and how (max workers,
 * chunksize for map; timeout and the rest under Advanced), with Run and Stop.
 * Problems show under each field as you type; Run refuses to send them.
 * Python code adds the interpreter (and, for task functions, the start
 * method); a whole program needs none of the driving settings: it runs as
 * written.
 */
import { LIMITS } from '../../../shared/run-spec';
import { useApp } from '../app/app-context';
import { useRunSession, useSpec } from '../app/hooks';
import { ProgramSummary } from './ProgramSummary';
import { PythonPicker } from './PythonPicker';
import { StartMethodPicker } from './StartMethodPicker';
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
  const session = useRunSession();
  const errors = specErrors(spec);
  const update = (patch: Partial<typeof spec>): void => workspace.updateSpec(patch);
  const running = session.phase === 'running';
  const starting = session.phase === 'starting';
  const cpus = host?.cpus ?? null;
  const program = spec.kind === 'program';
  const python = spec.language === 'python';

  return (
    <form
      className="runbar"
      aria-label="Run settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void controller.run();
      }}
    >
      {program && <ProgramSummary />}
      {!program && (
        <FunctionPicker
          id="run-fn"
          label="Function"
          value={spec.fn}
          error={errors.fn}
          onChange={(fn) => update({ fn: fn ?? '' })}
        />
      )}
      {!program && <ModePicker value={spec.mode} onChange={(mode) => update({ mode })} />}
      {!program && <InputsField value={spec.inputs} onChange={(inputs) => update({ inputs })} />}
      {!program && spec.mode !== 'serial' && (
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
      {!program && spec.mode === 'map' && (
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
      {!program && python && spec.mode !== 'serial' && (
        <StartMethodPicker value={spec.startMethod} onChange={(startMethod) => update({ startMethod })} />
      )}
      <AdvancedPopover spec={spec} program={program} errors={errors} onChange={update} />
      {python && <PythonPicker />}
      <div className="runbar__actions">
        <button
          type="submit"
          className="btn btn--run"
          aria-label="Run"
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
        {!program && <RunExtras serial={spec.mode === 'serial'} />}
      </div>
    </form>
  );
}
