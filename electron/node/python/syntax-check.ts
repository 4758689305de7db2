/**
 * A Python syntax error, found before anything runs: the interpreter compiles
 * the source (what `python3 -m py_compile` does) under the user's file name,
 * and the error comes back with its line and column.
 */
import { spawn } from 'node:child_process';
import { z } from 'zod';
import type { Diagnostic } from '../../../shared/api';
import { parseJsonLine, type PythonInterpreter } from './interpreter';
import { defaultTracerDir, helperScript } from './paths';

const CHECK_TIMEOUT_MS = 20_000;

const answerSchema = z.union([
  z.object({ ok: z.literal(true), functions: z.array(z.string()).default([]) }),
  z.object({
    ok: z.literal(false),
    type: z.string(),
    message: z.string(),
    line: z.number().int().nullable(),
    column: z.number().int().nullable(),
    endLine: z.number().int().nullable(),
    endColumn: z.number().int().nullable(),
    text: z.string().nullable(),
  }),
]);

/** null when the source compiles; else the error, phrased like Python's, at its place. */
export async function checkPythonSyntax(
  python: PythonInterpreter,
  source: string,
  fileName = 'main.py',
  tracerDir = defaultTracerDir(),
): Promise<Diagnostic | null> {
  return (await checkPythonSource(python, source, fileName, tracerDir)).error;
}

export interface PythonSourceCheck {
  /** The syntax error, at its place; null when the source compiles. */
  error: Diagnostic | null;
  /** The module's top-level functions (the task functions it offers), when it compiles. */
  functions: string[];
}

/** Compile the source (nothing runs): its syntax error, or the names of its top-level functions. */
export async function checkPythonSource(
  python: PythonInterpreter,
  source: string,
  fileName = 'main.py',
  tracerDir = defaultTracerDir(),
): Promise<PythonSourceCheck> {
  const stdout = await compileIn(
    python.executable,
    helperScript(tracerDir, 'check_syntax.py'),
    fileName,
    source,
  );
  const parsed = answerSchema.safeParse(parseJsonLine(stdout));
  if (!parsed.success) throw new Error(`the syntax check gave no answer: ${stdout.slice(0, 200)}`);
  const answer = parsed.data;
  if (answer.ok) return { error: null, functions: answer.functions };
  const where = answer.line === null ? fileName : `${fileName}, line ${answer.line}`;
  const diagnostic: Diagnostic = { source: 'code', message: `${answer.type}: ${answer.message} (${where})` };
  if (answer.line !== null) diagnostic.line = answer.line;
  if (answer.column !== null) diagnostic.column = Math.max(1, answer.column);
  if (answer.endLine !== null && answer.endColumn !== null && answer.endLine >= (answer.line ?? 0)) {
    const sameLine = answer.endLine === answer.line;
    if (!sameLine || answer.endColumn > (answer.column ?? 0)) {
      diagnostic.endLine = answer.endLine;
      diagnostic.endColumn = answer.endColumn;
    }
  }
  return { error: diagnostic, functions: [] };
}

function compileIn(executable: string, script: string, fileName: string, source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, ['-I', script, fileName], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: CHECK_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`the syntax check failed (exit ${code}): ${stderr.trim().slice(-300)}`));
    });
    child.stdin.on('error', () => {}); // a child that exits early closes its stdin: the close handler reports it
    child.stdin.end(source, 'utf8');
  });
}
