/**
 * The code editor: Monaco with one model per language and kind (tasks.ts,
 * main.ts, tasks.py, main.py — each keeps its own undo history), TypeScript
 * IntelliSense for the worker's world and a whole program's `./pool`, Python
 * highlighting, host diagnostics as markers, and the workspace's code as its
 * value (changes from outside, like loading an example, are undoable).
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import type { editor } from 'monaco-editor';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../app/app-context';
import { fileNameOf } from '../../../shared/code-slots';
import { useCode, useCodeKind, useLanguage, usePythonSetting, useTheme } from '../app/hooks';
import { FONT_MONO } from '../theme/fonts';
import { useZoom } from '../theme/zoom';
import { attachEditor } from './editor-bridge';
import { MARKER_OWNER, toMarkers } from './markers';
import type { Monaco } from './monaco-setup';
import { useCodeCheck } from './use-code-check';

export function CodeEditor({ onReady }: { onReady: () => void }) {
  const { workspace, codeCheck } = useApp();
  const code = useCode();
  const language = useLanguage();
  const kind = useCodeKind();
  const python = usePythonSetting();
  const file = fileNameOf(language, kind);
  const theme = useTheme();
  const zoom = useZoom();
  const [mounted, setMounted] = useState<{ editor: editor.IStandaloneCodeEditor; monaco: Monaco } | null>(
    null,
  );
  const onReadyRef = useRef(onReady);

  useCodeCheck(code, `${language}:${kind}:${language === 'python' ? (python ?? '') : ''}`);

  const onChange = useCallback(
    (value: string | undefined) => workspace.update({ code: value ?? '' }),
    [workspace],
  );
  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel: `Code editor (${file})`,
      fontFamily: FONT_MONO,
      fontSize: Math.round(15 * zoom),
      lineHeight: Math.round(22 * zoom),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      automaticLayout: true,
      tabSize: language === 'python' ? 4 : 2,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      padding: { top: 8, bottom: 8 },
      accessibilitySupport: 'auto',
    }),
    [zoom, file, language],
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
        path={`file:///${file}`}
        language={language}
        value={code}
        onChange={onChange}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onMount={onMount}
        loading={<div className="code-editor__loading">Loading the editor…</div>}
        options={options}
      />
    </div>
  );
}
