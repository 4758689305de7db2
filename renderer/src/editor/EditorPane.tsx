/**
/**
 * The editor panel: the file's tab (tasks.ts, main.ts, tasks.py, main.py),
 * what the editor holds (tasks or a whole program, TypeScript or Python), the
 * code's check status, and the editor — or, while a saved run is reopened,
 * that run's code, read-only.
 */
import { fileNameOf } from '../../../shared/code-slots';
import { useApp } from '../app/app-context';
import { useCodeKind, useLanguage, useSavedRun } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';
import { CodeEditor } from './CodeEditor';
import { CodeSwitch } from './CodeSwitch';
import { SavedCode } from './SavedCode';

export function EditorPane({ onReady }: { onReady(): void }) {
  const { codeCheck } = useApp();
  const saved = useSavedRun();
  useStoreVersion(codeCheck);
  const language = useLanguage();
  const kind = useCodeKind();
  const problems = codeCheck.diagnostics.length;
  const exports = codeCheck.exports;
  const offers = language === 'python' ? 'functions' : 'exports';
  return (
    <section className="pane editor-pane" aria-label="Editor" data-pane="editor">
      <div className="pane__header">
        <div className="editor-tab" aria-hidden="true" data-testid="editor-file">
          {saved
            ? fileNameOf(
                saved.loaded.run.spec.language ?? 'typescript',
                saved.loaded.run.spec.kind ?? 'tasks',
              )
            : fileNameOf(language, kind)}
        </div>
        {!saved && <CodeSwitch />}
        {saved ? (
          <span className="pane__detail" data-testid="saved-code-status">
            the code of the saved run · read-only
          </span>
        ) : (
          <span className="pane__detail" data-testid="code-status" data-problems={problems}>
            {codeCheck.isTooLong
              ? 'too long to check, run or save'
              : problems > 0
                ? `${problems} syntax error${problems === 1 ? '' : 's'}`
                : exports && kind === 'tasks'
                  ? `${offers}: ${exports.join(', ') || 'nothing'}`
                  : ''}
          </span>
        )}
        <div className="pane__actions pane__hint">
          Ctrl+Enter runs · F6 next pane · Ctrl+M: Tab moves focus
        </div>
      </div>
      <div className="pane__body">
        <CodeEditor onReady={onReady} />
        {saved && <SavedCode runId={saved.loaded.run.id} code={saved.loaded.run.spec.code} />}
      </div>
    </section>
  );
}
