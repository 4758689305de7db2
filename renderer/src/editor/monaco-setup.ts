/**
 * Monaco, bundled (no CDN): its web workers come from our own build through
 * `self.MonacoEnvironment`, @monaco-editor/react is pointed at this copy,
 * and the TypeScript service is told about the worker's world and about
 * `./pool`, which whole programs import. Python gets Monaco's highlighting.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { POOL_MODULE_TYPES, POOL_MODULE_TYPES_PATH } from './pool-module-types';
import { WORKER_GLOBALS, WORKER_GLOBALS_PATH } from './worker-globals';

export type Monaco = typeof monaco;

let done = false;

export function setupMonaco(): Monaco {
  if (done) return monaco;
  done = true;
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === 'typescript' || label === 'javascript') return new TsWorker();
      return new EditorWorker();
    },
  };
  loader.config({ monaco });
  defineThemes();

  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ['es2023', 'esnext.disposable'],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    isolatedModules: true,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  ts.typescriptDefaults.addExtraLib(WORKER_GLOBALS, WORKER_GLOBALS_PATH);
  // What a whole program imports from './pool' (main.ts sits beside it).
  ts.typescriptDefaults.addExtraLib(POOL_MODULE_TYPES, POOL_MODULE_TYPES_PATH);
  ts.typescriptDefaults.setEagerModelSync(true);
  return monaco;
}

/**
 * Monaco's own themes, with the colours that fall short of WCAG AA text
 * contrast (4.5:1) on their background replaced: dark comments and line
 * numbers. `EDITOR_THEMES` names them for each app theme.
 */
export const EDITOR_THEMES = { dark: 'playground-dark', light: 'playground-light' } as const;

function defineThemes(): void {
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    rules: [{ token: 'comment', foreground: '7ca668' }],
    colors: {
      'editorLineNumber.foreground': '#8c8c8c',
      'editorLineNumber.dimmedForeground': '#8c8c8c',
    },
  });
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: {
      'editorLineNumber.foreground': '#5f6368',
      'editorLineNumber.dimmedForeground': '#5f6368',
    },
  });
}

export { monaco };
