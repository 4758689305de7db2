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
import { EDITOR_THEMES, type Monaco } from './monaco-setup';
import { useCodeCheck } from './use-code-check';
import { runErrorLocation } from './run-error';
import { sameCode } from '../../../shared/examples';

/** Markers for where the last run failed (apart from the host's syntax diagnostics). */
const RUN_MARKER_OWNER = 'pool-run';

export function CodeEditor({ onReady }: { onReady: () => void }) {
  const { workspace, codeCheck, session } = useApp();
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

  // Where the finished run failed, while the code is still the code it ran.
  useEffect(() => {
    if (!mounted) return;
    const { editor: instance, monaco } = mounted;
    const decorations = instance.createDecorationsCollection();
    let shown = '';
    const apply = (): void => {
      const model = instance.getModel();
      if (!model) return;
      const run = session.model;
      const at =
        session.phase === 'finished' && run.spec && sameCode(run.spec.code, model.getValue())
          ? runErrorLocation(run)
          : null;
      const key = at ? `${run.runId}:${at.line}:${at.column}` : '';
      if (key === shown) return;
      shown = key;
      const line = at ? Math.min(at.line, model.getLineCount()) : 0;
      monaco.editor.setModelMarkers(
        model,
        RUN_MARKER_OWNER,
        at
          ? [
              {
                severity: monaco.MarkerSeverity.Error,
                message: `The run failed here: ${at.message}`,
                source: 'Pool Playground',
                startLineNumber: line,
                startColumn: Math.max(1, at.column),
                endLineNumber: line,
                endColumn: model.getLineMaxColumn(line),
              },
            ]
          : [],
      );
      decorations.set(
        at
          ? [
              {
                range: new monaco.Range(line, 1, line, 1),
                options: {
                  isWholeLine: true,
                  className: 'run-error-line',
                  linesDecorationsClassName: 'run-error-gutter',
                },
              },
            ]
          : [],
      );
    };
    apply();
    const unsubscribe = session.subscribe(apply);
    const edits = instance.onDidChangeModelContent(apply);
    return () => {
      unsubscribe();
      edits.dispose();
      decorations.clear();
    };
  }, [mounted, session]);

  return (
    <div className="code-editor" data-testid="code-editor">
      <Editor
        path={`file:///${file}`}
        language={language}
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
