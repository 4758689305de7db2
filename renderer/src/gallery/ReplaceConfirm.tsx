/** Asks before an example replaces code of your own: Replace, or keep it. */
import type { ReactNode } from 'react';

export interface ReplaceConfirmProps {
  /** What loading the example does (it names the example). */
  children: ReactNode;
  /** How to get the code back afterwards. */
  hint: string;
  replaceLabel: string;
  onReplace(): void;
  onKeep(): void;
  /** Set where the question is not already inside a dialog of its own. */
  ariaLabel?: string;
}

export function ReplaceConfirm({
  children,
  hint,
  replaceLabel,
  onReplace,
  onKeep,
  ariaLabel,
}: ReplaceConfirmProps) {
  return (
    <div className="confirm" {...(ariaLabel ? { role: 'alertdialog', 'aria-label': ariaLabel } : {})}>
      <p>{children}</p>
      <p className="confirm__hint">{hint}</p>
      <div className="confirm__actions">
        <button type="button" className="btn btn--primary" onClick={onReplace} autoFocus>
          {replaceLabel}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onKeep}>
          Keep my code
        </button>
      </div>
    </div>
  );
}
