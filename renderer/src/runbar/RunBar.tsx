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
import { useSyncExternalStore } from 'react';
import { useRunPhase, useSavedRun, useSpec } from '../app/hooks';
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
  const { workspace, controller, host, session } = useApp();
  const liveSpec = useSpec();
  const phase = useRunPhase();
  const saved = useSavedRun();
  // A reopened run shows the settings that produced it, read-only.
  const savedSpec = saved?.loaded.run.spec ?? null;
  const spec = savedSpec ?? liveSpec;
  const errors = savedSpec ? {} : specErrors(spec);
  const update = (patch: Partial<typeof spec>): void => workspace.updateSpec(patch);
  const running = phase === 'running';
  const starting = phase === 'starting';
  const cpus = host?.cpus ?? null;
  // The running spec (one object per run), so the run bar does not re-render on each event of a live run.
  const runningSpec = useSyncExternalStore(session.subscribe, () => session.model.spec);
  // Shutdown is the run bar's own driver calling shutdown(): not for the baseline, a whole program or CPython.
  const canShut =
    running &&
    runningSpec !== null &&
    runningSpec.mode !== 'serial' &&
    runningSpec.kind !== 'program' &&
    runningSpec.language !== 'python';
  const program = spec.kind === 'program';
  const python = spec.language === 'python';

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
      {program && <ProgramSummary />}
      <fieldset className="runbar__settings" disabled={savedSpec !== null}>
        {!program && (
          <FunctionPicker
            id="run-fn"
            label="Function"
            value={spec.fn}
            readOnly={savedSpec !== null}
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
      </fieldset>
      <AdvancedPopover
        spec={spec}
        program={program}
        errors={errors}
        readOnly={savedSpec !== null}
        onChange={update}
      />
      {python && <PythonPicker />}
      <div className="runbar__actions">
        {savedSpec && (
          <span
            className="runbar__saved"
            data-testid="runbar-saved"
            title="Back to live run to edit the settings"
          >
            The saved run’s settings (read-only)
          </span>
        )}
        <button
          type="submit"
          className="btn btn--run"
          aria-keyshortcuts="Control+Enter Meta+Enter"
          title={running ? 'Stop this run and start again (Ctrl+Enter)' : 'Run (Ctrl+Enter)'}
          // The status bar and the timeline say "Starting…"; a word here would wrap the run bar
          // and move everything below it just as the workers start.
          aria-busy={starting}
          data-testid="run-button"
        >
          <span aria-hidden="true" className="btn__icon">
            ▶
          </span>
          Run
          <kbd aria-hidden="true">Ctrl+↵</kbd>
        </button>
        <div className="runbar__halt" role="group" aria-label="End the run">
          <button
            type="button"
            className="btn btn--stop btn--compact"
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
          <button
            type="button"
            className="btn btn--stop btn--compact"
            aria-label="Shutdown"
            title={
              canShut && runningSpec
                ? `Shutdown: the caller calls executor.shutdown(wait=${runningSpec.shutdown.wait ? 'True' : 'False'}, cancel_futures=${runningSpec.shutdown.cancelFutures ? 'True' : 'False'}) now (set under Advanced)`
                : 'Shutdown: during a run, the caller calls executor.shutdown() with the settings under Advanced'
            }
            disabled={!canShut}
            onClick={() => void controller.shutdown()}
            data-testid="shutdown-button"
          >
            Shutdown
          </button>
        </div>
        {!program && <RunExtras serial={spec.mode === 'serial'} />}
      </div>
    </form>
  );
}
