/**
 * The "equivalent program": the driver code this run corresponds to, in
 * TypeScript (this app's pool) and in Python (concurrent.futures), made from
 * the current settings (or a reopened run's). Read-only, highlighted by Monaco's colorizer.
 */
import { useEffect, useId, useState } from 'react';
import { pythonProgram, typescriptProgram } from '../../../shared/program-text';
import { monaco } from '../editor/monaco-setup';
import { useSavedRun, useSpec, useTheme } from '../app/hooks';

type Language = 'typescript' | 'python';

const TABS: readonly { id: Language; label: string; file: string }[] = [
  { id: 'typescript', label: 'TypeScript', file: 'main.ts' },
  { id: 'python', label: 'Python', file: 'main.py' },
];

export function ProgramTabs({ language, onChange }: { language: Language; onChange: (l: Language) => void }) {
  const id = useId();
  return (
    <div role="tablist" aria-label="Language of the equivalent program" className="tabs">
      {TABS.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${id}-${tab.id}`}
          aria-selected={language === tab.id}
          tabIndex={language === tab.id ? 0 : -1}
          className="tab"
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              const next = language === 'typescript' ? 'python' : 'typescript';
              onChange(next);
              document.getElementById(`${id}-${next}`)?.focus();
            }
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function ProgramView({ language }: { language: Language }) {
  const liveSpec = useSpec();
  // A reopened run's program is the one that ran.
  const saved = useSavedRun();
  const spec = saved?.loaded.run.spec ?? liveSpec;
  const theme = useTheme();
  const text = language === 'typescript' ? typescriptProgram(spec) : pythonProgram(spec);
  const [html, setHtml] = useState<{ text: string; html: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    monaco.editor
      .colorize(text, language, { tabSize: 4 })
      .then((result) => {
        if (!cancelled) setHtml({ text, html: result });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [text, language, theme]);

  const file = TABS.find((t) => t.id === language)!.file;
  return (
    <div
      className="program"
      role="tabpanel"
      // Focusable, so keyboard users can scroll a long program.
      tabIndex={0}
      aria-label={`Equivalent program in ${language === 'python' ? 'Python' : 'TypeScript'} (${file})`}
    >
      {html && html.text === text ? (
        <pre
          className="program__code"
          data-testid="program-text"
          dangerouslySetInnerHTML={{ __html: html.html }}
        />
      ) : (
        <pre className="program__code" data-testid="program-text">
          {text}
        </pre>
      )}
    </div>
  );
}

export type { Language as ProgramLanguage };
