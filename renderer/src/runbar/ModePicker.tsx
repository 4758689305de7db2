/** How the caller drives the pool: submit, map, as_completed, or the serial baseline. */
import type { RunMode } from '../../../shared/run-spec';

const MODES: readonly { mode: RunMode; label: string; title: string }[] = [
  { mode: 'submit', label: 'submit', title: 'submit() every input, then result() in submission order' },
  { mode: 'map', label: 'map', title: 'map(): results come back in input order' },
  { mode: 'as_completed', label: 'as_completed', title: 'as_completed(): results come back as tasks finish' },
  {
    mode: 'serial',
    label: 'serial (baseline)',
    title: 'The baseline: the same calls one after another in one process',
  },
];

export function ModePicker({ value, onChange }: { value: RunMode; onChange(mode: RunMode): void }) {
  return (
    <fieldset className="field mode-picker">
      <legend className="field__label">Mode</legend>
      <div className="segmented" role="presentation">
        {MODES.map(({ mode, label, title }) => (
          <label
            key={mode}
            className="segmented__option"
            title={title}
            data-checked={value === mode ? 'true' : undefined}
          >
            <input
              type="radio"
              name="run-mode"
              value={mode}
              checked={value === mode}
              onChange={() => onChange(mode)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
