/**
 * The Python a run uses, in the run bar: its version and build (GIL or
 * free-threaded), and its settings — the interpreter to run (`python3` on
 * PATH unless another is chosen). When there is none, it says so in one line
 * and how to get one.
 */
import { useState } from 'react';
import { MAX_INTERPRETER_CHARS } from '../../../shared/run-spec';
import { useApp } from '../app/app-context';
import { usePythonSetting } from '../app/hooks';
import { usePopover } from './use-popover';
import { shortPythonName, usePythonStatus } from './use-python-status';

export function PythonPicker() {
  const { workspace } = useApp();
  const python = usePythonSetting();
  const status = usePythonStatus(python, true);
  const { open, setOpen, rootRef, buttonRef, onKeyDown } = usePopover();
  const [draft, setDraft] = useState(python ?? '');

  const commit = (): void => {
    const chosen = draft.trim().slice(0, MAX_INTERPRETER_CHARS);
    workspace.update({ python: chosen === '' ? null : chosen });
  };
  const missing = status !== null && !status.ok;

  return (
    <div className="advanced python-picker" ref={rootRef} onKeyDown={onKeyDown}>
      <span className="field__label">Python</span>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--ghost python-picker__button"
        aria-expanded={open}
        aria-controls="python-settings"
        data-invalid={missing ? 'true' : undefined}
        title={
          status?.ok ? `${status.name}: ${status.executable}` : (status?.message ?? 'Looking for Python…')
        }
        onClick={() => {
          setDraft(python ?? '');
          setOpen((o) => !o);
        }}
        data-testid="python-status"
      >
        {status === null ? 'looking…' : status.ok ? shortPythonName(status) : 'none found'}{' '}
        <span aria-hidden="true">⚙</span>
      </button>
      {missing && (
        <p className="field__error python-picker__missing" role="alert" data-testid="python-missing">
          {status.message}
        </p>
      )}
      {open && (
        <div className="advanced__panel" id="python-settings" role="group" aria-label="Python settings">
          <div className="field">
            <label className="field__label" htmlFor="python-interpreter">
              Interpreter (a command or a path; empty: python3)
            </label>
            <input
              id="python-interpreter"
              className="input input--code"
              type="text"
              spellCheck={false}
              placeholder="python3"
              value={draft}
              maxLength={MAX_INTERPRETER_CHARS}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commit}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commit();
                }
              }}
            />
            <p className="field__hint">
              {status?.ok
                ? `${status.name}, at ${status.executable}. Start methods here: ${status.startMethods.join(', ')} (default ${status.defaultStartMethod}).`
                : 'Python 3.9 or newer, e.g. /usr/bin/python3.13 or a virtual environment’s bin/python.'}
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
