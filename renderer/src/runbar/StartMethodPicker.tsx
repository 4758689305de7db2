/**
 * How CPython starts the pool's worker processes: fork (copy this process),
 * spawn (a fresh interpreter that imports the program again) or forkserver
 * (fork from a clean server process). Empty: Python's own default.
 */
import { START_METHODS, type StartMethod } from '../../../shared/run-spec';
import { usePythonSetting } from '../app/hooks';
import { Field } from './Field';
import { usePythonStatus } from './use-python-status';

const TITLES: Record<StartMethod, string> = {
  fork: 'fork: each worker is a copy of the program process (fast; Linux default up to Python 3.13)',
  spawn: 'spawn: each worker is a fresh interpreter that imports the code again (slower; macOS and Windows)',
  forkserver: 'forkserver: workers are forked from a small clean server process (Linux default from 3.14)',
};

export function StartMethodPicker({
  value,
  onChange,
}: {
  value: StartMethod | null;
  onChange(value: StartMethod | null): void;
}) {
  const status = usePythonStatus(usePythonSetting(), true);
  const available = status?.ok ? status.startMethods : START_METHODS;
  const fallback = status?.ok ? ` (${status.defaultStartMethod})` : '';
  return (
    <Field id="run-start-method" label="Start method">
      <select
        id="run-start-method"
        className="input input--select"
        value={value ?? ''}
        title={value ? TITLES[value] : "Python's default start method"}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as StartMethod))}
        data-testid="start-method"
      >
        <option value="">default{fallback}</option>
        {START_METHODS.map((method) => (
          <option key={method} value={method} disabled={!available.includes(method)}>
            {method}
          </option>
        ))}
      </select>
    </Field>
  );
}
