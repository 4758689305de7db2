/** Running real CPython programs, traced: see runner.ts for the design. */
export { findPython, describePython, type PythonInterpreter, type FindPythonResult } from './interpreter';
export { checkPythonSyntax, checkPythonSource, type PythonSourceCheck } from './syntax-check';
export { runPython, PythonRun, NOTHING_TO_TRACE } from './runner';
export type {
  PythonRunEvent,
  PythonRunOptions,
  PythonRunOutcome,
  PythonRunResult,
  RunnerEvent,
} from './run-types';
export type { TracerEvent, TracerEventType, TracerHello, PythonErrorInfo } from './tracer-events';
export { listGroup, endGroup, GroupWatch, type GroupMember } from './process-group';
export { defaultTracerDir } from './paths';
