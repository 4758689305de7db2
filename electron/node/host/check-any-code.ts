/**
 * The editor's check as you type, for whatever the editor holds: TypeScript
 * task functions or a whole TypeScript program (esbuild), Python task
 * functions or a whole Python program (the learner's own interpreter
 * compiles it). Nothing runs. Without an interpreter, Python code is not
 * checked here: the run bar says why, and Run refuses with the same words.
 */
import type { CodeCheck, CodeCheckOptions } from '../../../shared/api';
import { fileNameOf } from '../../../shared/code-slots';
import { checkPythonSource } from '../python';
import { compileProgram } from '../program/compile-program';
import { checkCode } from './compile';
import { pythonFor } from './interpreters';

export async function checkAnyCode(code: string, options?: CodeCheckOptions): Promise<CodeCheck> {
  if (!options || (options.language === 'typescript' && options.kind === 'tasks')) return checkCode(code);
  if (options.language === 'typescript') {
    const compiled = await compileProgram(code);
    return { diagnostics: compiled.ok ? [] : compiled.diagnostics, exports: compiled.exports };
  }
  const found = await pythonFor(options.python);
  if (!found.ok) return { diagnostics: [], exports: [] };
  try {
    const { error, functions } = await checkPythonSource(
      found.python,
      code,
      fileNameOf('python', options.kind),
    );
    return { diagnostics: error ? [error] : [], exports: functions };
  } catch {
    // The interpreter could not even compile (it died, timed out): Run will say so.
    return { diagnostics: [], exports: [] };
  }
}
