/**
 * What a Python run streams and returns. The stream is the tracer's events
 * (tracer-events.ts), in causal order, plus what only the host can see: raw
 * pipe output, which processes wrote events and when they ended, the
 * program's exit, the output cap.
 */
import type { Diagnostic } from '../../../shared/api';
import type { GroupMember } from './process-group';
import type { PythonInterpreter } from './interpreter';
import type { PythonErrorInfo, TracerEvent } from './tracer-events';

export type RunnerEvent =
  /** Output that bypassed sys.stdout/sys.stderr (os.write, C code, child programs): writer unknown. */
  | { type: 'raw-output'; stream: 'stdout' | 'stderr'; text: string; at: number }
  /** Output was cut off at the run's limit: said once. */
  | { type: 'output-truncated'; lines: number; chars: number; at: number }
  /** A Python process introduced itself (its interpreter's GIL state included). */
  | { type: 'process-connected'; pid: number; ppid: number; python: string; gil: boolean; at: number }
  /** It has ended and everything it wrote has been read. */
  | { type: 'process-disconnected'; pid: number; at: number }
  /** The program (the process the runner started) exited. */
  | { type: 'program-exited'; pid: number; code: number | null; signal: string | null; at: number }
  /** Something the learner should know about the tracing itself. */
  | { type: 'runner-warning'; message: string; at: number };

export type PythonRunEvent = TracerEvent | RunnerEvent;

export type PythonRunOutcome = 'ok' | 'error' | 'syntax-error' | 'stopped' | 'process-limit' | 'failed';

export interface PythonRunResult {
  outcome: PythonRunOutcome;
  /** One line for the status bar when the outcome is not 'ok'. */
  message: string | null;
  /** The program's syntax error, found before anything ran. */
  syntaxError: Diagnostic | null;
  exitCode: number | null;
  signal: string | null;
  /** An exception that ended the program, with the user's line. */
  uncaught: PythonErrorInfo | null;
  /** True when the program created at least one executor. */
  traced: boolean;
  /** "…nothing to trace" when it never did. */
  note: string | null;
  outputTruncated: boolean;
  /** Processes of the program's group still running after it exited; the runner ended them. */
  strays: GroupMember[];
  /** Processes that could not be ended (after Stop, the limit, or the strays): none, normally. */
  leftover: GroupMember[];
  /** Epoch ms when the program was started (null when it never was). */
  startedAt: number | null;
  wallMs: number;
}

export interface PythonRunOptions {
  python: PythonInterpreter;
  /** The program's source, run unchanged. */
  source: string;
  /** The name the program has in tracebacks and errors. */
  fileName?: string;
  /** The caller has already checked the source's syntax (checkPythonSyntax): skip it here. */
  syntaxChecked?: boolean;
  /** More files for the program's folder, by name (e.g. the tasks.py a generated main.py imports). */
  files?: Record<string, string>;
  onEvent: (event: PythonRunEvent) => void;
  /** End the run (with a message) when its process group holds more processes than this. */
  maxProcesses?: number;
  /** Called with each count of the group's live processes (about every 100 ms). */
  onProcessCount?: (members: GroupMember[]) => void;
  /** Per-process memory ceiling (RLIMIT_DATA), where the platform has one. */
  memoryLimitMb?: number;
  outputLineLimit?: number;
  outputCharLimit?: number;
  /**
   * "module.function": trace each call of it made in the program's own process,
   * as a task of its own (the serial baseline of Python task mode).
   */
  serial?: string;
  /** Run without the tracer (for overhead measurements). Default true. */
  trace?: boolean;
  /** The tracer folder, when bundled elsewhere. */
  tracerDir?: string;
}
