/** Renaming a run in place: Enter or leaving the box saves, Escape cancels. */
import { useRef, useState } from 'react';

interface Props {
  name: string;
  onSave(name: string): void;
  onCancel(): void;
}

export function RenameField({ name, onSave, onCancel }: Props) {
  const [text, setText] = useState(name);
  const done = useRef(false);
  const save = (): void => {
    if (done.current) return;
    done.current = true;
    if (text.trim() === '' || text.trim() === name) onCancel();
    else onSave(text.trim());
  };
  return (
    <input
      className="input history-item__rename"
      value={text}
      aria-label="Run name"
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={save}
      data-testid="rename-input"
    />
  );
}
