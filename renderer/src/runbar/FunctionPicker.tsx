/**
 * Which function of the task module each task calls: an exported function of
 * tasks.ts, a top-level function of tasks.py (the names come from the host's
 * check of the code).
 */
import { useApp } from '../app/app-context';
import { checkedNow } from '../editor/check-code';
import { useLanguage } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';
import { Field } from './Field';

interface Props {
  id: string;
  label: string;
  value: string | null;
  /** Offer "none" (for the initializer). */
  allowNone?: boolean;
  /** Shows a reopened run's setting: no check against the editor's code. */
  readOnly?: boolean;
  error?: string | null;
  onChange(value: string | null): void;
}

export function FunctionPicker({ id, label, value, allowNone, readOnly, error, onChange }: Props) {
  const { codeCheck, workspace } = useApp();
  useStoreVersion(codeCheck);
  const python = useLanguage() === 'python';
  // Names from a check of other code (an example just loaded, a check on its way) say nothing
  // about this code: judge nothing until its own check answers.
  const exports = readOnly || !checkedNow(codeCheck, workspace) ? null : codeCheck.exports;
  const names = exports ? [...exports] : value ? [value] : [];
  const missing = value !== null && value !== '' && exports !== null && !exports.includes(value);
  if (value && !names.includes(value)) names.unshift(value);
  const stale = codeCheck.stale ? ' (fix the code errors first)' : '';
  const message =
    error ??
    (missing
      ? python
        ? `tasks.py has no top-level function "${value}"${stale}: write def ${value}(…):.`
        : `tasks.ts does not export "${value}"${stale}: write export function ${value}(…).`
      : null);
  return (
    <Field id={id} label={label} error={message}>
      <select
        id={id}
        className="input input--select"
        value={value ?? ''}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        {allowNone && <option value="">none</option>}
        {!allowNone && names.length === 0 && (
          <option value="">{python ? 'no functions' : 'no exported functions'}</option>
        )}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
            {exports !== null && !exports.includes(name)
              ? python
                ? ' (not defined)'
                : ' (not exported)'
              : ''}
          </option>
        ))}
      </select>
    </Field>
  );
}
