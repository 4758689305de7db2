/**
 * Turns a whole TypeScript program (main.ts) into the module its driver and
 * its workers import: esbuild strips the types (the editor type-checks),
 * bundles the program with the pool module in place of `./pool`
 * (pool-module.ts), keeps function names (task functions travel by name)
 * and an inline source map (stacks name main.ts and its lines). Syntax
 * errors and imports that cannot be found come back at their line; nothing
 * runs when there are any.
 */
import type { Plugin } from 'esbuild';
import type { Diagnostic } from '../../../shared/api';
import { buildUserModule, type CompileResult } from '../host/compile';
import { POOL_MODULE_SOURCE } from './pool-module';

export const PROGRAM_FILE = 'main.ts';

export type ProgramCompile = CompileResult;

/** `./pool` (as the equivalent programs write it) and `pool` both name the playground's pool. */
const poolModule: Plugin = {
  name: 'pool-playground-pool',
  setup(b) {
    b.onResolve({ filter: /^(\.\/)?pool$/ }, () => ({ path: 'pool', namespace: 'pool-playground' }));
    b.onLoad({ filter: /.*/, namespace: 'pool-playground' }, () => ({
      contents: POOL_MODULE_SOURCE,
      loader: 'js',
    }));
  },
};

export async function compileProgram(code: string): Promise<ProgramCompile> {
  return buildUserModule(code, PROGRAM_FILE, {
    bundle: true,
    keepNames: true,
    outfile: 'main.mjs',
    plugins: [poolModule],
  });
}

/** The program's problems before it runs: its syntax, and a `main` to call. */
export function programProblems(compiled: ProgramCompile): Diagnostic[] {
  if (!compiled.ok) return compiled.diagnostics;
  if (compiled.exports.includes('main')) return [];
  return [
    {
      source: 'code',
      message:
        `${PROGRAM_FILE} does not export a function main(). The driver process calls main() — the ` +
        'TypeScript form of Python\'s `if __name__ == "__main__":` — and the worker processes import ' +
        'the same file for its task functions without calling it: `export async function main() { … }`.',
    },
  ];
}
