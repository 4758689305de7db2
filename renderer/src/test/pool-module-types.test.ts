/**
 * The editor's IntelliSense for whole TypeScript programs: the programs the
 * app offers type-check against the declarations of `./pool` and of the
 * worker's world, as Monaco checks them — no red underline on a program the
 * gallery gives a learner — and a mistake is still caught.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  FIRST_COMPLETED_TS,
  SEED_AS_COMPLETED_TS,
  SEED_MAP_TS,
  SEED_SUBMIT_TS,
} from '../../../shared/program-examples';
import { POOL_MODULE_TYPES } from '../editor/pool-module-types';
import { WORKER_GLOBALS } from '../editor/worker-globals';

/** Type errors of main.ts beside pool.d.ts and the worker globals, with the editor's compiler options. */
function typeErrors(program: string): string[] {
  const files: Record<string, string> = {
    '/main.ts': program,
    '/pool.d.ts': POOL_MODULE_TYPES,
    '/worker-globals.d.ts': WORKER_GLOBALS,
  };
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
    strict: true,
    noEmit: true,
    isolatedModules: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? read(name);
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) => {
    const text = host.readFile(name);
    return text === undefined ? undefined : ts.createSourceFile(name, text, version);
  };
  const checked = ts.createProgram(['/main.ts', '/worker-globals.d.ts'], options, host);
  return ts.getPreEmitDiagnostics(checked).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("the editor's types for a whole TypeScript program", () => {
  it.each([
    ['submit', SEED_SUBMIT_TS],
    ['map', SEED_MAP_TS],
    ['as_completed', SEED_AS_COMPLETED_TS],
    ['wait(FIRST_COMPLETED)', FIRST_COMPLETED_TS],
  ])('the %s program type-checks', (_name, program) => {
    expect(typeErrors(program)).toEqual([]);
  });

  it('still catches a mistake: a task called with the wrong argument type', () => {
    const errors = typeErrors(`import { ProcessPoolExecutor } from './pool';
export function square(n: number): number { return n * n; }
export async function main(): Promise<void> {
  await using executor = new ProcessPoolExecutor({ maxWorkers: 2 });
  const f = executor.submit(square, 'three');
  const text: string = await f.result();
}
`);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/'string' is not assignable to parameter of type 'number'/);
  });
});
