/**
 * A number box that keeps what the learner typed, even when it is not a
 * number yet: the run settings keep their last good value, the message says
 * what is wrong, and Run is refused until it is fixed.
 */
import { useState } from 'react';
import { useApp } from '../app/app-context';
import { Field } from './Field';
import type { SpecField } from './run-form';

interface Props {
  id: string;
  field: SpecField;
  label: string;
  value: number | null;
  /** Empty means "none" (null) instead of being an error. */
  optional?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  error?: string | null;
  hint?: string;
  onCommit(value: number | null): void;
}

export function NumberField({
  id,
  field,
  label,
  value,
  optional,
  placeholder,
  min,
  max,
  step,
  error,
  hint,
  onCommit,
}: Props) {
  const { drafts } = useApp();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [committed, setCommitted] = useState(value);
  const [draftError, setDraftError] = useState<string | null>(null);

  // The value changed from outside (an example was loaded): show it.
  if (!Object.is(committed, value)) {
    setCommitted(value);
    setText(value === null ? '' : String(value));
    if (draftError !== null) {
      setDraftError(null);
      drafts.set(field, null);
    }
  }

  const change = (next: string, badInput: boolean): void => {
    setText(next);
    const trimmed = next.trim();
    let problem: string | null = null;
    let parsed: number | null = null;
    if (badInput) {
      problem = `${label} must be a number.`;
    } else if (trimmed === '') {
      if (!optional) problem = `${label} is needed.`;
    } else {
      parsed = Number(trimmed);
      if (!Number.isFinite(parsed)) problem = `${label} must be a number.`;
    }
    setDraftError(problem);
    drafts.set(field, problem);
    if (problem === null) {
      setCommitted(parsed);
      onCommit(parsed);
    }
  };

  const message = draftError ?? error ?? null;
  return (
    <Field id={id} label={label} error={message} hint={hint}>
      <input
        id={id}
        className="input input--number"
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-invalid={message ? true : undefined}
        aria-describedby={message || hint ? `${id}-message` : undefined}
        onChange={(e) => change(e.target.value, e.target.validity.badInput)}
      />
    </Field>
  );
}
