/**
 * The collapsible "equivalent program" panel under the editor: the driver
 * program the run bar's settings stand for, in TypeScript and in Python (for
 * Python task functions, the very program that runs). A whole program needs
 * none: it is in the editor.
 */
import { useState } from 'react';
import { useCodeKind, useLanguage } from '../app/hooks';
import { ProgramTabs, ProgramView, type ProgramLanguage } from './ProgramView';

interface Props {
  collapsed: boolean;
  onToggle(): void;
}

export function ProgramPane({ collapsed, onToggle }: Props) {
  const codeLanguage = useLanguage();
  const kind = useCodeKind();
  // The tab follows the code's language when that changes; the learner can pick the other.
  const [choice, setChoice] = useState<{ for: ProgramLanguage; tab: ProgramLanguage }>({
    for: codeLanguage,
    tab: codeLanguage,
  });
  const language = choice.for === codeLanguage ? choice.tab : codeLanguage;
  const program = kind === 'program';
  return (
    <section className="pane program-pane" aria-label="Equivalent program" data-pane="program">
      <div className="pane__header">
        <button
          type="button"
          className="pane__toggle"
          aria-expanded={!collapsed}
          onClick={onToggle}
          data-testid="program-toggle"
        >
          <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
          <h2 className="pane__title">Equivalent program</h2>
        </button>
        {!collapsed && !program && (
          <ProgramTabs language={language} onChange={(tab) => setChoice({ for: codeLanguage, tab })} />
        )}
        {!collapsed && !program && codeLanguage === 'python' && language === 'python' && (
          <span className="pane__detail">main.py: this is what Run runs, beside your tasks.py</span>
        )}
      </div>
      {!collapsed && (
        <div className="pane__body program-body">
          {program ? (
            <p className="program__note" data-testid="program-note">
              The editor holds the whole program, and Run runs it as written.
            </p>
          ) : (
            <ProgramView language={language} />
          )}
        </div>
      )}
    </section>
  );
}
