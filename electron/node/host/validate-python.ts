/**
 * What is checked before a Python run starts: that there is an interpreter
 * (and which), that the code compiles — a syntax error comes back at its
 * line and nothing runs — and, for task functions, that the run bar's
 * settings name functions the module defines.
 */
import type { Diagnostic } from '../../../shared/api';
import type { RunSpec } from '../../../shared/run-spec';
import { checkPythonSource, type PythonInterpreter } from '../python';
import { pythonFor } from './interpreters';
import { pythonTaskProgram } from './python-task-program';
import { checkDriveSettings, missingFunctions } from './validate';

export interface PreparedPythonRun {
  spec: RunSpec;
  python: PythonInterpreter;
  /** main.py as it runs. */
  source: string;
  /** tasks.py, in task mode. */
  files?: Record<string, string>;
  taskCount: number;
  inputCount: number;
  /** Workers to hold from the start (task mode: the pool's size); a program grows its hold as it runs. */
  workersAtStart: number;
  /** The serial baseline: "tasks.<fn>", traced call by call in the program's own process. */
  serial?: string;
}

export type PythonValidation =
  { ok: true; run: PreparedPythonRun } | { ok: false; diagnostics: Diagnostic[] };

export async function validatePythonRun(spec: RunSpec): Promise<PythonValidation> {
  const found = await pythonFor(spec.python ?? null);
  if (!found.ok) return { ok: false, diagnostics: [{ source: 'settings', message: found.message }] };
  const { python } = found;
  if (spec.kind === 'program') {
    const checked = await check(python, spec.code, 'main.py');
    if ('diagnostics' in checked) return { ok: false, diagnostics: checked.diagnostics };
    return {
      ok: true,
      run: { spec, python, source: spec.code, taskCount: 0, inputCount: 0, workersAtStart: 0 },
    };
  }

  const diagnostics: Diagnostic[] = [];
  const drive = checkDriveSettings(spec, diagnostics);
  if (spec.startMethod !== null && !python.startMethods.includes(spec.startMethod)) {
    diagnostics.push({
      source: 'settings',
      message: `Start method: ${spec.startMethod} is not available on this system (Python here offers ${python.startMethods.join(', ')}).`,
    });
  }
  const checked = await check(python, spec.code, 'tasks.py');
  if ('diagnostics' in checked) diagnostics.push(...checked.diagnostics);
  else diagnostics.push(...missingFunctions(spec, checked.functions, 'tasks.py', 'py'));
  if (diagnostics.length > 0 || !drive) return { ok: false, diagnostics };
  return {
    ok: true,
    run: {
      spec,
      python,
      source: pythonTaskProgram(spec),
      files: { 'tasks.py': spec.code },
      taskCount: drive.taskCount,
      inputCount: drive.inputs.length,
      workersAtStart: spec.mode === 'serial' ? 0 : Math.min(spec.maxWorkers, drive.taskCount),
      ...(spec.mode === 'serial' ? { serial: `tasks.${spec.fn}` } : {}),
    },
  };
}

async function check(
  python: PythonInterpreter,
  code: string,
  file: string,
): Promise<{ functions: string[] } | { diagnostics: Diagnostic[] }> {
  try {
    const { error, functions } = await checkPythonSource(python, code, file);
    return error ? { diagnostics: [error] } : { functions };
  } catch (error) {
    return {
      diagnostics: [
        { source: 'code', message: `Python could not check ${file}: ${(error as Error).message}` },
      ],
    };
  }
}
