/**
 * Turns the editor's TypeScript into the task module workers import. esbuild
 * strips types (it does not type-check: the editor does that as you type) and
 * reports syntax errors with line and column; nothing runs when there are any.
 * An inline source map keeps the user's own line numbers in remote stacks.
 */
import { build, type BuildOptions, type Message } from 'esbuild';
import type { CodeCheck, Diagnostic } from '../../../shared/api';

/** The file name the user's code carries in stacks and diagnostics. */
export const USER_FILE = 'tasks.ts';

export type CompileResult =
  { ok: true; js: string; exports: string[] } | { ok: false; diagnostics: Diagnostic[]; exports: string[] };

export async function compileTaskModule(code: string): Promise<CompileResult> {
  return buildUserModule(code, USER_FILE, { bundle: false, outfile: 'tasks.mjs' });
}

/**
 * One module of the user's code through esbuild (ESM for Node, inline source
 * map, in memory): its JavaScript and exports, or its syntax errors as
 * diagnostics. `options` says what differs (bundling, plugins, the output's name).
 */
export async function buildUserModule(
  code: string,
  fileName: string,
  options: Pick<BuildOptions, 'bundle' | 'outfile' | 'keepNames' | 'plugins'>,
): Promise<CompileResult> {
  try {
    const result = await build({
      stdin: { contents: code, loader: 'ts', sourcefile: fileName, resolveDir: process.cwd() },
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
      ...options,
    });
    const output = result.outputFiles[0];
    const meta = Object.values(result.metafile.outputs)[0];
    return { ok: true, js: output?.text ?? '', exports: meta?.exports ?? [] };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!errors) throw error;
    return { ok: false, diagnostics: errors.map(toDiagnostic), exports: [] };
  }
}

export async function checkCode(code: string): Promise<CodeCheck> {
  const result = await compileTaskModule(code);
  return { diagnostics: result.ok ? [] : result.diagnostics, exports: result.exports };
}

export function toDiagnostic(message: Message): Diagnostic {
  const loc = message.location;
  const diagnostic: Diagnostic = { source: 'code', message: message.text };
  if (loc) {
    diagnostic.line = loc.line;
    diagnostic.column = loc.column + 1;
    diagnostic.endLine = loc.line;
    diagnostic.endColumn = loc.column + 1 + Math.max(1, loc.length);
  }
  return diagnostic;
}
