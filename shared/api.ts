/**
 * The one interface between the renderer and a host. In Electron the preload
 * implements it over IPC; in the browser host a WebSocket client does. The
 * renderer imports nothing else from the host side.
 */
import type { RunEvent, RunEventBatch, RunOutcome } from './run-events';
import type { CodeSlot } from './code-slots';
import type { CodeKind, Language, RunSpec } from './run-spec';
import type { RunTiming } from './run-stats';

export interface HostInfo {
  kind: 'electron' | 'web';
  /** Logical CPUs available to the pool (os.availableParallelism()). */
  cpus: number;
  platform: string;
  node: string;
  electron: string | null;
  appVersion: string;
}

/** A problem found before anything ran. Lines and columns are 1-based. */
export interface Diagnostic {
  source: 'code' | 'inputs' | 'initargs' | 'settings';
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface CodeCheck {
  diagnostics: Diagnostic[];
  /** Names the module exports (candidates for the function picker). */
  exports: string[];
}

/** What the code in the editor is, for checking it as such. */
export interface CodeCheckOptions {
  language: Language;
  kind: CodeKind;
  /** Python: the interpreter to check with (a command or a path); null for `python3`. */
  python: string | null;
}

/** The Python interpreter runs would use, as the app shows it; or why there is none. */
export type PythonStatus =
  | {
      ok: true;
      /** "Python 3.11.7 (CPython, GIL)". */
      name: string;
      version: string;
      build: 'GIL' | 'free-threaded';
      gilEnabled: boolean;
      executable: string;
      startMethods: string[];
      defaultStartMethod: string;
    }
  /** One sentence: what is wrong, and how to get an interpreter. */
  | { ok: false; message: string };

/** Extra facts kept with a run in the history. */
export interface RunMeta {
  name?: string;
  /** Runs made together (a sweep, the repeats of Run × N) share a group id. */
  group?: string;
  /** What the learner predicted before pressing Run. */
  prediction?: { wallSec?: number | null; order?: string | null };
  /** The gallery example the code and settings were loaded from (the name says when the code was edited). */
  exampleId?: string;
  /** Set on a run opened from a shared file: the file's name. */
  importedFrom?: string;
}

export type StartRunResult = { ok: true; runId: string } | { ok: false; diagnostics: Diagnostic[] };

export interface Workspace {
  /** The format version (see shared/saved-format.ts and WORKSPACE_VERSION). */
  version: 4;
  /** The code on screen: `spec.language`'s, of `spec.kind`. */
  code: string;
  /** The run settings (the interpreter is the workspace's own setting, `python`). */
  spec: Omit<RunSpec, 'code' | 'python'>;
  /** The code of the other languages and kinds, kept while another is on screen. */
  stash: Partial<Record<CodeSlot, string>>;
  /** The Python interpreter chosen in settings (a command or a path); null for `python3`. */
  python: string | null;
  exampleId: string | null;
  theme: 'dark' | 'light';
  /** Pane sizes by layout id. */
  layout: Record<string, number[]>;
  prediction: { wallSec: number | null; order: string | null };
  savedAt: number;
}

export interface SavedRunSummary {
  id: string;
  name: string;
  createdAt: number;
  spec: RunSpec;
  meta: RunMeta;
  outcome: RunOutcome | 'running';
  wallMs: number | null;
  taskCount: number;
  workerCount: number;
  /**
   * What tells a busy machine from a lesson (shared/busy-machine.ts), worked
   * out from the run's events when the host lists its runs.
   */
  timing?: RunTiming;
}

export interface SavedRun extends SavedRunSummary {
  events: RunEvent[];
}

/**
 * Something the host found wrong with the saved data (a damaged workspace or
 * run file, kept aside under another name): shown to the user until dismissed.
 */
export interface DataNotice {
  id: string;
  message: string;
  /** Where the damaged file was moved, when it was. */
  keptAs: string | null;
  /** When it was found (epoch ms). */
  at: number;
}

export interface PlaygroundApi {
  getInfo(): Promise<HostInfo>;
  /**
   * Compile only (nothing runs): syntax diagnostics and the names the code
   * offers as task functions (TypeScript exports, Python top-level functions).
   * Without options: TypeScript task functions.
   */
  checkCode(code: string, options?: CodeCheckOptions): Promise<CodeCheck>;
  /** The Python interpreter a run would use (`python3`, or the one chosen in settings). */
  pythonStatus(python: string | null): Promise<PythonStatus>;
  /**
   * Validate, transpile and start a run. One active run at a time: a new one stops the old; of
   * several calls in flight only the newest starts (the others are refused). Refused too when the
   * host's cap on worker processes (all clients together) would be passed.
   */
  startRun(spec: RunSpec, meta?: RunMeta): Promise<StartRunResult>;
  /** Stop the active run: terminate its workers now, kill them if they linger. */
  stopRun(runId: string): Promise<void>;
  /**
   * Shutdown: the active run's caller calls shutdown(wait, cancel_futures) with the run's settings
   * now. False when it cannot (no such active run, the serial baseline, already over).
   */
  shutdownRun(runId: string): Promise<boolean>;
  /** Run events, batched; returns the unsubscribe function. */
  onRunEvents(listener: (batch: RunEventBatch) => void): () => void;
  loadWorkspace(): Promise<Workspace | null>;
  saveWorkspace(workspace: Workspace): Promise<void>;
  listRuns(): Promise<SavedRunSummary[]>;
  getRun(id: string): Promise<SavedRun | null>;
  renameRun(id: string, name: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  /** Problems found in the saved data that the user has not dismissed yet. */
  dataNotices(): Promise<DataNotice[]>;
  /** The user has seen this notice: it is not shown again (in any tab). */
  dismissDataNotice(id: string): Promise<void>;
}

/** The request methods of PlaygroundApi (everything but the event subscription). */
export const API_METHODS = [
  'getInfo',
  'checkCode',
  'pythonStatus',
  'startRun',
  'stopRun',
  'shutdownRun',
  'loadWorkspace',
  'saveWorkspace',
  'listRuns',
  'getRun',
  'renameRun',
  'deleteRun',
  'dataNotices',
  'dismissDataNotice',
] as const satisfies readonly RequestMethod[];

export type ApiMethod = (typeof API_METHODS)[number];

type RequestMethod = Exclude<keyof PlaygroundApi, 'onRunEvents'>;
/** Fails to compile when a request method of PlaygroundApi is missing from API_METHODS. */
export type ApiMethodsAreComplete = Holds<[RequestMethod] extends [ApiMethod] ? true : false>;
type Holds<T extends true> = T;

/**
 * A PlaygroundApi whose requests go to a host through `invoke` — the
 * preload's IPC or the browser's WebSocket — and whose run events come from
 * `onRunEvents`. Every method of API_METHODS becomes `(...params) =>
 * invoke(method, params)`.
 */
export function remoteApi(
  invoke: (method: ApiMethod, params: unknown[]) => Promise<unknown>,
  onRunEvents: PlaygroundApi['onRunEvents'],
): PlaygroundApi {
  const requests = Object.fromEntries(
    API_METHODS.map((method) => [method, (...params: unknown[]) => invoke(method, params)]),
  );
  // The one unchecked step of either transport: a host answers each method with
  // that method's result (it implements this same interface, and checks every
  // call's arguments on its side).
  return { ...(requests as Omit<PlaygroundApi, 'onRunEvents'>), onRunEvents };
}
