/**
 * Settings a first run does not need: a timeout for collecting the results,
 * an initializer (run once in each new worker process) with its arguments,
 * max tasks per child (a process is replaced after that many tasks), the
 * memory each worker may use before it is stopped, and shutting down early.
 */
import { useState } from 'react';
import type { Workspace } from '../../../shared/api';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_SHUTDOWN } from '../../../shared/run-spec';
import { Field } from './Field';
import { FunctionPicker } from './FunctionPicker';
import { NumberField } from './NumberField';
import type { FieldErrors } from './run-form';
import { ShutdownFields } from './ShutdownFields';
import { usePopover } from './use-popover';

interface Props {
  spec: Workspace['spec'];
  /** A whole program sets up its own pools: only the memory cap applies to it. */
  program?: boolean;
  errors: FieldErrors;
  /** Shows a reopened run's settings. */
  readOnly?: boolean;
  onChange(patch: Partial<Workspace['spec']>): void;
}

export function AdvancedPopover({ spec, program = false, errors, readOnly, onChange }: Props) {
  const { open, setOpen, rootRef, buttonRef, onKeyDown } = usePopover();
  const [alignRight, setAlignRight] = useState(false);
  const customised =
    (!program &&
      (spec.initializer !== null ||
        spec.maxTasksPerChild !== null ||
        spec.timeoutSec !== null ||
        JSON.stringify(spec.shutdown) !== JSON.stringify(DEFAULT_SHUTDOWN))) ||
    spec.memoryLimitMb !== DEFAULT_MEMORY_LIMIT_MB;
  const invalid = Boolean(
    (!program &&
      (errors.initializer ||
        errors.initargs ||
        errors.maxTasksPerChild ||
        errors.timeoutSec ||
        errors.shutdownAfter)) ||
    errors.memoryLimitMb,
  );

  return (
    <div className="advanced" ref={rootRef} onKeyDown={onKeyDown}>
      <span className="field__label" aria-hidden="true">
        &nbsp;
      </span>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost"
        aria-expanded={open}
        aria-controls="advanced-settings"
        data-invalid={invalid ? 'true' : undefined}
        onClick={() => {
          // Open leftwards when the panel (22rem) would run off the right edge of the window.
          const left = rootRef.current?.getBoundingClientRect().left ?? 0;
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
          setAlignRight(left + 22 * rem > window.innerWidth);
          setOpen((o) => !o);
        }}
      >
        Advanced{customised ? ' •' : ''} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open && (
        <div
          className="advanced__panel"
          id="advanced-settings"
          role="group"
          aria-label="Advanced settings"
          data-align={alignRight ? 'right' : undefined}
        >
          <fieldset className="runbar__settings" disabled={readOnly}>
            {!program && (
              <>
                <NumberField
                  id="run-timeout"
                  field="timeoutSec"
                  label="Timeout (seconds)"
                  value={spec.timeoutSec}
                  optional
                  placeholder="none"
                  min={0}
                  step="any"
                  error={errors.timeoutSec}
                  hint="How long the caller waits for the results. Empty: no limit."
                  onCommit={(timeoutSec) => onChange({ timeoutSec })}
                />
                <FunctionPicker
                  id="run-initializer"
                  label="Initializer (runs once in each new process)"
                  value={spec.initializer}
                  allowNone
                  readOnly={readOnly}
                  error={errors.initializer}
                  onChange={(initializer) => onChange({ initializer })}
                />
                <Field
                  id="run-initargs"
                  label="Initializer arguments"
                  error={errors.initargs ?? null}
                  hint="A list, e.g. [42, 'hello']"
                >
                  <input
                    id="run-initargs"
                    className="input input--code"
                    type="text"
                    spellCheck={false}
                    value={spec.initargs}
                    disabled={spec.initializer === null}
                    aria-invalid={errors.initargs ? true : undefined}
                    aria-describedby="run-initargs-message"
                    onChange={(e) => onChange({ initargs: e.target.value })}
                  />
                </Field>
                <NumberField
                  id="run-max-tasks-per-child"
                  field="maxTasksPerChild"
                  label="Max tasks per child"
                  value={spec.maxTasksPerChild}
                  optional
                  placeholder="no limit"
                  min={1}
                  step={1}
                  error={errors.maxTasksPerChild}
                  hint="Empty: a process runs any number of tasks."
                  onCommit={(maxTasksPerChild) => onChange({ maxTasksPerChild })}
                />
              </>
            )}
            <NumberField
              id="run-memory-limit"
              field="memoryLimitMb"
              label="Memory per worker (MB)"
              value={spec.memoryLimitMb === 0 ? null : spec.memoryLimitMb}
              optional
              placeholder="no limit"
              min={0}
              step={1}
              error={errors.memoryLimitMb}
              hint={`A worker using more is stopped: "ran out of memory". Default ${DEFAULT_MEMORY_LIMIT_MB}; empty: no limit.`}
              onCommit={(memoryLimitMb) => onChange({ memoryLimitMb })}
            />
            {!program && spec.mode !== 'serial' && (
              <ShutdownFields spec={spec} error={errors.shutdownAfter} onChange={onChange} />
            )}
          </fieldset>
        </div>
      )}
    </div>
  );
}
