/** The inputs box: JSON, a JS array, range(n), [x] * n. Checked as you type; it is data, never run. */
import { parseInputs } from '../../../shared/inputs';
import { LIMITS } from '../../../shared/run-spec';
import { Field } from './Field';

interface Props {
  value: string;
  onChange(value: string): void;
}

export function InputsField({ value, onChange }: Props) {
  const parsed = parseInputs(value, LIMITS.maxInputs);
  const error = parsed.ok ? null : `Inputs: ${parsed.error}`;
  const hint = parsed.ok
    ? `${parsed.values.length.toLocaleString('en')} input${parsed.values.length === 1 ? '' : 's'}`
    : null;
  return (
    <Field id="run-inputs" label="Inputs" error={error} hint={hint} className="field--inputs">
      <input
        id="run-inputs"
        className="input input--code"
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={value}
        placeholder="[1, 2, 3] or range(5)"
        aria-invalid={error ? true : undefined}
        aria-describedby="run-inputs-message"
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
