/**
 * The task module editor (tasks.ts): Monaco with TypeScript IntelliSense for
 * the worker's world, host diagnostics as markers, and the workspace's code
 * as its value (changes from outside, like loading an example, are undoable).
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import type { editor } from 'monaco-editor';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../app/app-context';
import { useCode, useTheme } from '../app/hooks';
import { FONT_MONO } from '../theme/fonts';
import { useZoom } from '../theme/zoom';
import { attachEditor } from './editor-bridge';
import { MARKER_OWNER, toMarkers } from './markers';
import { EDITOR_THEMES, type Monaco } from './monaco-setup';
import { useCodeCheck } from './use-code-check';

export const TASKS_PATH = 'file:///tasks.ts';

export function CodeEditor({ onReady }: { onReady: () => void }) {
  const { workspace, codeCheck } = useApp();
  const code = useCode();
  const theme = useTheme();
  const zoom = useZoom();
  const [mounted, setMounted] = useState<{ editor: editor.IStandaloneCodeEditor; monaco: Monaco } | null>(
    null,
  );
  const onReadyRef = useRef(onReady);

  useCodeCheck(code);

  const onChange = useCallback(
    (value: string | undefined) => workspace.update({ code: value ?? '' }),
    [workspace],
  );
  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: 'Code editor (tasks.ts)',
      fontFamily: FONT_MONO,
      fontSize: Math.round(15 * zoom),
      lineHeight: Math.round(22 * zoom),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: 2,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      padding: { top: 8, bottom: 8 },
      accessibilitySupport: 'auto',
    }),
    [zoom],
  );

  const onMount: OnMount = (instance, monaco) => {
    attachEditor(instance);
    setMounted({ editor: instance, monaco: monaco as unknown as Monaco });
    onReadyRef.current();
  };

  useEffect(() => () => attachEditor(null), []);

  // Host diagnostics → markers.
  useEffect(() => {
    if (!mounted) return;
    const apply = (): void => {
      const model = mounted.editor.getModel();
      if (!model) return;
      mounted.monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        toMarkers(mounted.monaco, model, codeCheck.diagnostics),
      );
    };
    apply();
    return codeCheck.subscribe(apply);
  }, [mounted, codeCheck]);

  return (
    <div className="code-editor" data-testid="code-editor">
      <Editor
        path={TASKS_PATH}
        defaultLanguage="typescript"
        value={code}
        onChange={onChange}
        theme={EDITOR_THEMES[theme]}
        onMount={onMount}
        loading={<div className="code-editor__loading">Loading the editor…</div>}
        options={options}
      />
    </div>
  );
}
