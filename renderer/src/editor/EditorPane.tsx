/**
 * The editor panel: the file's tab (tasks.ts, main.ts, tasks.py, main.py),
 * what the editor holds (tasks or a whole program, TypeScript or Python), the
 * code's check status, and the editor.
 */
import { fileNameOf } from '../../../shared/code-slots';
import { useApp } from '../app/app-context';
import { useCodeKind, useLanguage } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';
import { CodeEditor } from './CodeEditor';
import { CodeSwitch } from './CodeSwitch';

export function EditorPane({ onReady }: { onReady(): void }) {
  const { codeCheck } = useApp();
  useStoreVersion(codeCheck);
  const language = useLanguage();
  const kind = useCodeKind();
  const problems = codeCheck.diagnostics.length;
  const exports = codeCheck.exports;
  const offers = language === 'python' ? 'functions' : 'exports';
  return (
    <section className="pane editor-pane" aria-label="Editor">
      <div className="pane__header">
        <div className="editor-tab" aria-hidden="true" data-testid="editor-file">
          {fileNameOf(language, kind)}
        </div>
        <CodeSwitch />
        <span className="pane__detail" data-testid="code-status" data-problems={problems}>
          {codeCheck.isTooLong
            ? 'too long to check, run or save'
            : problems > 0
              ? `${problems} syntax error${problems === 1 ? '' : 's'}`
              : exports && kind === 'tasks'
                ? `${offers}: ${exports.join(', ') || 'nothing'}`
                : ''}
        </span>
        <div className="pane__actions pane__hint">
          Ctrl+Enter runs · F6 next pane · Ctrl+M: Tab moves focus
        </div>
      </div>
      <div className="pane__body">
        <CodeEditor onReady={onReady} />
      </div>
    </section>
  );
}
