/**
 * What the editor holds: task functions the run bar drives, or a whole
 * program run as written; in TypeScript or in Python. Each of the four keeps
 * its own code (switching loses nothing).
 */
import { CODE_KINDS, LANGUAGES, type CodeKind, type Language } from '../../../shared/run-spec';
import { KIND_LABELS, LANGUAGE_LABELS } from '../../../shared/code-slots';
import { useApp } from '../app/app-context';
import { useCodeKind, useLanguage } from '../app/hooks';

const KIND_TITLES: Record<CodeKind, string> = {
  tasks: 'Task functions: the run bar drives them through a process pool (submit, map, as_completed…)',
  program: 'A whole program, run as written: it makes its own pools',
};

const LANGUAGE_TITLES: Record<Language, string> = {
  typescript: "TypeScript, on this app's ProcessPoolExecutor (Node processes)",
  python: "Python, on CPython's own ProcessPoolExecutor (your python3)",
};

export function CodeSwitch() {
  const { workspace } = useApp();
  const language = useLanguage();
  const kind = useCodeKind();
  return (
    <div className="code-switch" data-testid="code-switch">
      <Segmented
        name="code-kind"
        label="Code"
        options={CODE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k], title: KIND_TITLES[k] }))}
        value={kind}
        onChange={(k) => workspace.switchCode(language, k)}
      />
      <Segmented
        name="code-language"
        label="Language"
        options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l], title: LANGUAGE_TITLES[l] }))}
        value={language}
        onChange={(l) => workspace.switchCode(l, kind)}
      />
    </div>
  );
}

interface SegmentedProps<T extends string> {
  name: string;
  label: string;
  options: readonly { value: T; label: string; title: string }[];
  value: T;
  onChange(value: T): void;
}

function Segmented<T extends string>({ name, label, options, value, onChange }: SegmentedProps<T>) {
  return (
    <fieldset className="code-switch__group">
      <legend className="visually-hidden">{label}</legend>
      <div className="segmented segmented--compact" role="presentation">
        {options.map((option) => (
          <label
            key={option.value}
            className="segmented__option"
            title={option.title}
            data-checked={value === option.value ? 'true' : undefined}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
