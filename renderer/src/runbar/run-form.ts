/**
 * Checks the run settings as the learner types, with one plain message per
 * field. The host checks everything again before it runs anything; this
 * only makes mistakes visible at once (and keeps Run from sending them).
 */
import type { Diagnostic } from '../../../shared/api';
import { parseInputs } from '../../../shared/inputs';
import {
  INITARGS_TOO_LONG,
  INPUTS_TOO_LONG,
  MAX_INITARGS_CHARS,
  MAX_INPUTS_CHARS,
  MAX_NAME_CHARS,
} from '../../../shared/limits';
import { LIMITS, type RunSpec } from '../../../shared/run-spec';

export type DriverSpec = Omit<RunSpec, 'code' | 'python'>;
/**
 * The fields a learner types into (shutdown's "after N results" is the one typed part of `shutdown`;
 * the choices made with switches — mode, language, kind — cannot be wrong).
 */
export type SpecField =
  Exclude<keyof DriverSpec, 'mode' | 'shutdown' | 'language' | 'kind' | 'startMethod'> | 'shutdownAfter';
export type FieldErrors = Partial<Record<SpecField, string>>;

export const FIELD_LABELS: Record<SpecField, string> = {
  fn: 'Function',
  inputs: 'Inputs',
  maxWorkers: 'Max workers',
  chunksize: 'Chunksize',
  timeoutSec: 'Timeout',
  initializer: 'Initializer',
  initargs: 'Initializer arguments',
  maxTasksPerChild: 'Max tasks per child',
  memoryLimitMb: 'Memory per worker',
  shutdownAfter: 'Shut down after',
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function wholeNumber(value: number, label: string, max: number): string | null {
  if (!Number.isFinite(value)) return `${label} must be a number.`;
  if (!Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < 1) return `${label} must be at least 1.`;
  if (value > max) return `${label} can be at most ${max.toLocaleString('en')} here.`;
  return null;
}

export function specErrors(spec: DriverSpec): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: SpecField, message: string | null): void => {
    if (message) errors[field] = message;
  };
  // A whole program sets up its own pools: of the run settings, only the memory cap applies.
  if (spec.kind === 'program') {
    memoryErrors(spec, set);
    return errors;
  }
  const file = spec.language === 'python' ? 'a function of tasks.py' : 'an exported function of tasks.ts';
  if (!spec.fn) set('fn', `Pick the function to run (${file}).`);
  else if (!IDENTIFIER.test(spec.fn) || spec.fn.length > MAX_NAME_CHARS)
    set('fn', `"${spec.fn.slice(0, 40)}" is not a function name.`);

  // The host takes only so much text: say so before parsing it.
  if (spec.inputs.length > MAX_INPUTS_CHARS) set('inputs', INPUTS_TOO_LONG);
  else {
    const inputs = parseInputs(spec.inputs, LIMITS.maxInputs);
    if (!inputs.ok) set('inputs', inputs.error);
  }

  if (spec.mode !== 'serial')
    set('maxWorkers', wholeNumber(spec.maxWorkers, 'Max workers', LIMITS.maxWorkers));
  if (spec.mode === 'map') set('chunksize', wholeNumber(spec.chunksize, 'Chunksize', LIMITS.maxChunksize));
  if (spec.timeoutSec !== null) {
    if (!Number.isFinite(spec.timeoutSec) || spec.timeoutSec <= 0)
      set('timeoutSec', 'Timeout must be more than 0 seconds (leave it empty for none).');
    else if (spec.timeoutSec > LIMITS.maxTimeoutSec)
      set('timeoutSec', `Timeout can be at most ${LIMITS.maxTimeoutSec.toLocaleString('en')} seconds.`);
  }
  if (spec.initializer !== null) {
    if (!IDENTIFIER.test(spec.initializer) || spec.initializer.length > MAX_NAME_CHARS)
      set('initializer', `"${spec.initializer.slice(0, 40)}" is not a function name.`);
    if (spec.initargs.length > MAX_INITARGS_CHARS) set('initargs', INITARGS_TOO_LONG);
    else {
      const initargs = parseInputs(spec.initargs.trim() === '' ? '[]' : spec.initargs, 1000);
      if (!initargs.ok) set('initargs', initargs.error);
    }
  }
  if (spec.maxTasksPerChild !== null) {
    set(
      'maxTasksPerChild',
      wholeNumber(spec.maxTasksPerChild, 'Max tasks per child', LIMITS.maxTasksPerChild),
    );
  }
  memoryErrors(spec, set);
  const after = spec.shutdown.afterResults;
  if (spec.mode !== 'serial' && after !== null) {
    set('shutdownAfter', wholeNumber(after, 'Shut down after', LIMITS.maxInputs));
  }
  return errors;
}

function memoryErrors(spec: DriverSpec, set: (field: SpecField, message: string | null) => void): void {
  if (spec.memoryLimitMb !== null && spec.memoryLimitMb !== 0) {
    const mb = spec.memoryLimitMb;
    if (!Number.isInteger(mb)) set('memoryLimitMb', 'Memory per worker must be a whole number of MB.');
    else if (mb < LIMITS.minMemoryMb)
      set(
        'memoryLimitMb',
        `Memory per worker must be at least ${LIMITS.minMemoryMb} MB (a worker needs about 50 MB to start), or empty for no limit.`,
      );
    else if (mb > LIMITS.maxMemoryMb)
      set('memoryLimitMb', `Memory per worker can be at most ${LIMITS.maxMemoryMb.toLocaleString('en')} MB.`);
  }
}

/** Field errors as problems for the problems strip. */
export function errorsAsDiagnostics(errors: FieldErrors): Diagnostic[] {
  return (Object.entries(errors) as [SpecField, string][]).map(([field, message]) => ({
    source: field === 'inputs' ? 'inputs' : field === 'initargs' ? 'initargs' : 'settings',
    message: message.startsWith(FIELD_LABELS[field]) ? message : `${FIELD_LABELS[field]}: ${message}`,
  }));
}
