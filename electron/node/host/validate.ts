/**
 * Everything that is checked before a run starts, each problem phrased for
 * the learner with where it is: settings, inputs, initargs, or the code
 * (line and column). A run with any problem does not start.
 */
import type { Diagnostic } from '../../../shared/api';
import { parseInputs } from '../../../shared/inputs';
import { LIMITS, runSpecSchema, type RunSpec } from '../../../shared/run-spec';
import { compileTaskModule, USER_FILE } from './compile';

/** Most tasks one run may create (map: chunks). */
export const MAX_TASKS = 100_000;

/** TypeScript task functions, driven through this app's pool by the run bar's settings. */
export interface PreparedRun {
  spec: RunSpec;
  js: string;
  inputs: unknown[];
  initargs: unknown[];
  taskCount: number;
}

export type Validation = { ok: true; run: PreparedRun } | { ok: false; diagnostics: Diagnostic[] };

/** The spec, checked against its schema (each problem said for the learner), or the problems. */
export function parseSpec(
  input: unknown,
): { ok: true; spec: RunSpec } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = runSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return {
    ok: false,
    diagnostics: parsed.error.issues.map((issue) => ({
      source: 'settings',
      message: `${issue.path.join('.') || 'run settings'}: ${issue.message}`,
    })),
  };
}

export async function validateRun(input: unknown): Promise<Validation> {
  const parsed = parseSpec(input);
  if (!parsed.ok) return parsed;
  const { spec } = parsed;
  const diagnostics: Diagnostic[] = [];
  const drive = checkDriveSettings(spec, diagnostics);

  const compiled = await compileTaskModule(spec.code);
  if (!compiled.ok) {
    diagnostics.push(...compiled.diagnostics);
  } else {
    diagnostics.push(...missingFunctions(spec, compiled.exports, USER_FILE, 'ts'));
  }
  if (diagnostics.length > 0 || !compiled.ok || !drive) {
    return { ok: false, diagnostics };
  }
  return { ok: true, run: { spec, js: compiled.js, ...drive } };
}

/** What the run bar's settings drive: the inputs, the initializer's arguments, how many tasks. */
export interface DriveSettings {
  inputs: unknown[];
  initargs: unknown[];
  taskCount: number;
}

/** The inputs and initializer arguments parsed, and the task count checked (problems go to `diagnostics`). */
export function checkDriveSettings(spec: RunSpec, diagnostics: Diagnostic[]): DriveSettings | null {
  const inputs = parseInputs(spec.inputs, LIMITS.maxInputs);
  if (!inputs.ok)
    diagnostics.push({ source: 'inputs', message: `Inputs: ${inputs.error}`, column: inputs.offset + 1 });
  const initargs = parseInputs(spec.initargs.trim() === '' ? '[]' : spec.initargs, 1000);
  if (!initargs.ok) {
    diagnostics.push({
      source: 'initargs',
      message: `Initializer arguments: ${initargs.error}`,
      column: initargs.offset + 1,
    });
  }
  let taskCount = 0;
  if (inputs.ok) {
    const n = inputs.values.length;
    taskCount = spec.mode === 'map' ? Math.ceil(n / spec.chunksize) : n;
    if (taskCount > MAX_TASKS) {
      const hint =
        spec.mode === 'map'
          ? `use a chunksize of at least ${Math.ceil(n / MAX_TASKS)}`
          : `use map with a chunksize of at least ${Math.ceil(n / MAX_TASKS)}`;
      diagnostics.push({
        source: 'inputs',
        message: `That would be ${taskCount.toLocaleString('en')} tasks; one run can have at most ${MAX_TASKS.toLocaleString('en')}: ${hint}.`,
      });
    }
  }

  if (!inputs.ok || !initargs.ok || taskCount > MAX_TASKS) return null;
  return { inputs: inputs.values, initargs: initargs.values, taskCount };
}

/** The task function and initializer the settings name, when the module does not offer them. */
export function missingFunctions(
  spec: Pick<RunSpec, 'fn' | 'initializer'>,
  offered: readonly string[],
  file: string,
  language: 'ts' | 'py',
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [role, name] of [
    ['task function', spec.fn],
    ['initializer', spec.initializer],
  ] as const) {
    if (name === null || offered.includes(name)) continue;
    problems.push({
      source: 'code',
      message:
        language === 'ts'
          ? `${file} does not export "${name}" (the ${role}). Task functions travel to the workers ` +
            `by name, so they must be exported at the top level: \`export function ${name}(…)\`. ` +
            `Exported now: ${offered.join(', ') || 'nothing'}.`
          : `${file} has no top-level function "${name}" (the ${role}). Task functions travel to the ` +
            `worker processes by name (pickled by their qualified name), so they must be defined at the ` +
            `top level: \`def ${name}(…):\`. Defined now: ${offered.join(', ') || 'nothing'}.`,
    });
  }
  return problems;
}
