/**
 * A reopened run's code, read-only, over the editor: what produced the run
 * on screen, not what the editor holds now. (The editor stays underneath,
 * with its undo history, until Back to live run.)
 */
import Editor from '@monaco-editor/react';
import type { editor } from 'monaco-editor';
import { useMemo } from 'react';
import { useTheme } from '../app/hooks';
import { FONT_MONO } from '../theme/fonts';
import { useZoom } from '../theme/zoom';

export function SavedCode({ runId, code }: { runId: string; code: string }) {
  const theme = useTheme();
  const zoom = useZoom();
  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: 'Code of the saved run (tasks.ts, read-only)',
      readOnly: true,
      domReadOnly: true,
      fontFamily: FONT_MONO,
      fontSize: Math.round(15 * zoom),
      lineHeight: Math.round(22 * zoom),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      renderLineHighlight: 'none',
      padding: { top: 8, bottom: 8 },
    }),
    [zoom],
  );
  return (
    <div className="code-editor saved-code" data-testid="saved-code">
      <Editor
        // Its own model, apart from the editor's tasks.ts and its undo history.
        path={`file:///saved-runs/${runId}/tasks.ts`}
        language="typescript"
        value={code}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={options}
      />
    </div>
  );
}
