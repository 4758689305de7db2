/** The collapsible "equivalent program" panel under the editor. */
import { useState } from 'react';
import { ProgramTabs, ProgramView, type ProgramLanguage } from './ProgramView';

interface Props {
  collapsed: boolean;
  onToggle(): void;
}

export function ProgramPane({ collapsed, onToggle }: Props) {
  const [language, setLanguage] = useState<ProgramLanguage>('typescript');
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
        {!collapsed && <ProgramTabs language={language} onChange={setLanguage} />}
      </div>
      {!collapsed && (
        <div className="pane__body program-body">
          <ProgramView language={language} />
        </div>
      )}
    </section>
  );
}
