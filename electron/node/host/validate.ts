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

export interface PreparedRun {
  spec: RunSpec;
  js: string;
  inputs: unknown[];
  initargs: unknown[];
  taskCount: number;
}

export type Validation = { ok: true; run: PreparedRun } | { ok: false; diagnostics: Diagnostic[] };

export async function validateRun(input: unknown): Promise<Validation> {
  const parsed = runSpecSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      diagnostics: parsed.error.issues.map((issue) => ({
        source: 'settings',
        message: `${issue.path.join('.') || 'run settings'}: ${issue.message}`,
      })),
    };
  }
  const spec = parsed.data;
  const diagnostics: Diagnostic[] = [];

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

  const compiled = await compileTaskModule(spec.code);
  if (!compiled.ok) {
    diagnostics.push(...compiled.diagnostics);
  } else {
    for (const [role, name] of [
      ['task function', spec.fn],
      ['initializer', spec.initializer],
    ] as const) {
      if (name !== null && !compiled.exports.includes(name)) {
        diagnostics.push({
          source: 'code',
          message:
            `${USER_FILE} does not export "${name}" (the ${role}). Task functions travel to the workers ` +
            `by name, so they must be exported at the top level: \`export function ${name}(…)\`. ` +
            `Exported now: ${compiled.exports.join(', ') || 'nothing'}.`,
        });
      }
    }
  }
  if (diagnostics.length > 0 || !compiled.ok || !inputs.ok || !initargs.ok) {
    return { ok: false, diagnostics };
  }
  return {
    ok: true,
    run: { spec, js: compiled.js, inputs: inputs.values, initargs: initargs.values, taskCount },
  };
}
