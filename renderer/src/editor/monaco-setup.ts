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

export { monaco };
