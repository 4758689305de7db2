/**
 * Python task mode runs the "equivalent Python program" the app shows
 * (shared/program-text.ts) as main.py, beside the learner's tasks.py: what
 * runs is exactly what is on screen.
 */
import { pythonProgram } from '../../../shared/program-text';
import type { RunSpec } from '../../../shared/run-spec';

export function pythonTaskProgram(spec: RunSpec): string {
  return pythonProgram(spec);
}
