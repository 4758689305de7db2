/**
 * In place of the driving settings when the editor holds a whole program:
 * what Run does with it.
 */
import { useLanguage } from '../app/hooks';

export function ProgramSummary() {
  const language = useLanguage();
  return (
    <p className="runbar__program" data-testid="program-summary">
      {language === 'python' ? (
        <>
          Run runs <code>main.py</code> as written, under your CPython: every pool it makes is traced.
        </>
      ) : (
        <>
          Run calls <code>main()</code> of <code>main.ts</code> in a driver process of its own; its workers
          import the same file for its task functions and never call <code>main()</code>.
        </>
      )}
    </p>
  );
}
