/**
 * Runs a user's whole Python program under CPython, traced, and streams what
 * happened.
 *
 *   host (this file) ──spawn, own session/process group──► python3 main.py
 *     │  ▲                                                  │ fork / spawn / forkserver
 *     │  ├── stdout/stderr pipes: raw output (untagged) ◄───┤
 *     │  └── TraceReader, every 10 ms: each process's ◄─────┼── workers, forkserver:
 *     │        memory-mapped event files, JSON lines         │   task-started/-finished,
 *     │        (tracer-events.ts)                            │   output tagged with PID
 *     └── GroupWatch: counts the group's processes; Stop / limit → endGroup()
 *
 * Steps: syntax check (nothing runs on an error) → private folder (work/ holds
 * main.py and is the program's cwd, HOME and TMPDIR; the event files go to a
 * private folder in shared memory where there is one) → spawn with a scrubbed environment whose PYTHONPATH names the tracer →
 * events in causal order (causal-order.ts), output capped → the program exits
 * → its processes' last events drain → anything left in the group is ended
 * and reported → the folder is removed.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statfsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CausalOrder } from './causal-order';
import { OutputCap } from './output-cap';
import { defaultTracerDir } from './paths';
import { endGroup, GroupWatch, listGroup, signalGroup, type GroupMember } from './process-group';
import { pythonEnvironment } from './python-env';
import type { PythonRunEvent, PythonRunOptions, PythonRunResult, RunnerEvent } from './run-types';
import { checkPythonSyntax } from './syntax-check';
import { TraceReader } from './trace-reader';
import type { PythonErrorInfo, TracerEvent } from './tracer-events';

/** After the program exits, how long its other processes get to finish and their events to drain. */
const DRAIN_MS = 1_000;
export const NOTHING_TO_TRACE =
  'The program never created a ProcessPoolExecutor or ThreadPoolExecutor: there was nothing to trace.';

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Programs still running, by process group. The groups are detached, so they
 * would outlive this process: if it exits first (Ctrl+C on the host, a test
 * runner giving up), they are killed with it.
 */
const runningGroups = new Set<number>();
process.on('exit', () => {
  for (const pgid of runningGroups) signalGroup(pgid, 'SIGKILL');
});

export class PythonRun {
  readonly finished: Promise<PythonRunResult>;
  #pgid: number | null = null;
  #stopping: Promise<GroupMember[]> | null = null;
  #stopRequested = false;
  #limitMessage: string | null = null;

  constructor(private readonly options: PythonRunOptions) {
    this.finished = this.#run();
  }

  /** The program's PID, which is also its process group's id (null before it started). */
  get pid(): number | null {
    return this.#pgid;
  }

  /**
   * End the program at once because it went over a limit the caller keeps
   * (the host's cap on processes): the run ends as 'process-limit' with
   * `message`. The first reason given is the one reported.
   */
  limit(message: string): Promise<GroupMember[]> {
    this.#limitMessage ??= message;
    return this.#end(0);
  }

  /** End every process of the program (SIGTERM, then SIGKILL); resolves with any left (none expected). */
  stop(): Promise<GroupMember[]> {
    this.#stopRequested = true;
    return this.#end(300);
  }

  #end(graceMs: number): Promise<GroupMember[]> {
    if (this.#pgid === null) return Promise.resolve([]);
    this.#stopping ??= endGroup(this.#pgid, graceMs);
    return this.#stopping;
  }

  async #run(): Promise<PythonRunResult> {
    const { options } = this;
    const fileName = options.fileName ?? 'main.py';
    const tracerDir = options.tracerDir ?? defaultTracerDir();
    const result: PythonRunResult = {
      outcome: 'ok',
      message: null,
      syntaxError: null,
      exitCode: null,
      signal: null,
      uncaught: null,
      traced: false,
      note: null,
      outputTruncated: false,
      strays: [],
      leftover: [],
      startedAt: null,
      wallMs: 0,
    };
    if (process.platform === 'win32')
      return fail(result, 'Running Python programs needs Linux or macOS (it ends them by process group).');
    try {
      if (!options.syntaxChecked)
        result.syntaxError = await checkPythonSyntax(options.python, options.source, fileName, tracerDir);
    } catch (error) {
      return fail(result, `Python could not check the program: ${(error as Error).message}`);
    }
    if (result.syntaxError) {
      result.outcome = 'syntax-error';
      result.message = result.syntaxError.message;
      return result;
    }
    if (this.#stopRequested) return { ...result, outcome: 'stopped', message: 'Stopped before it started.' };

    const root = await mkdtemp(join(tmpdir(), 'pool-python-'));
    const traceDir = await mkdtemp(join(sharedMemoryDir() ?? root, 'pool-python-trace-'));
    try {
      return await this.#runIn(root, traceDir, fileName, options.trace === false ? null : tracerDir, result);
    } finally {
      await rm(traceDir, { recursive: true, force: true }).catch(() => {});
      await rm(root, { recursive: true, force: true }).catch(() => {});
    }
  }

  async #runIn(
    root: string,
    traceDir: string,
    fileName: string,
    tracerDir: string | null,
    result: PythonRunResult,
  ): Promise<PythonRunResult> {
    const { options } = this;
    const workDir = join(root, 'work');
    await mkdir(workDir, { mode: 0o700 });
    await writeFile(join(workDir, fileName), options.source, { mode: 0o600 });
    for (const [name, text] of Object.entries(options.files ?? {}))
      await writeFile(join(workDir, name), text, { mode: 0o600 });
    // Tracebacks name the program by its own name, not by the private folder's
    // path (as Python sees it: macOS's temporary folder is behind a symlink).
    const privatePath = `File "${await realpath(workDir)}/`;
    const relative = (text: string): string =>
      text.includes(privatePath) ? text.split(privatePath).join('File "') : text;
    const emit = (event: PythonRunEvent): void => {
      if (event.type === 'output' || event.type === 'raw-output') event.text = relative(event.text);
      options.onEvent(event);
    };
    const emitRunner = (event: RunnerEvent): void => emit(event);
    const cap = new OutputCap(options.outputLineLimit, options.outputCharLimit);
    const admitOutput = (text: string, at: number): boolean => {
      const verdict = cap.admit(text);
      if (verdict === 'first-drop') {
        const { lines, chars } = cap.limits;
        emitRunner({ type: 'output-truncated', lines, chars, at });
      }
      return verdict === 'keep';
    };

    let mainPid = -1;
    const warned = new Set<string>();
    const warn = (message: string): void => {
      if (warned.has(message)) return;
      warned.add(message);
      emitRunner({ type: 'runner-warning', message, at: now() });
    };
    let reader: TraceReader | null = null;
    const order = new CausalOrder(
      (event: TracerEvent) => {
        if (event.type === 'output' && !admitOutput(event.text, event.at)) return;
        if (event.type === 'executor-created' || event.type === 'task-submitted') result.traced = true;
        if (event.type === 'uncaught-exception' && event.pid === mainPid) result.uncaught = event.error;
        emit(event);
      },
      (pid) => reader?.hasConnected(pid) ?? false,
    );
    if (tracerDir !== null)
      reader = new TraceReader(traceDir, {
        onHello: (hello) =>
          emitRunner({
            type: 'process-connected',
            pid: hello.pid,
            ppid: hello.ppid,
            python: hello.python,
            gil: hello.gil,
            at: hello.at,
          }),
        onEvent: (event) => order.push(event),
        onClose: (pid) => {
          emitRunner({ type: 'process-disconnected', pid, at: now() });
          order.closed(pid);
        },
        onProblem: (message) => warn(`The tracer wrote ${message}.`),
      });

    const env = pythonEnvironment({
      workDir,
      python: options.python,
      tracerDir,
      traceDir,
      memoryLimitMb: options.memoryLimitMb,
      serial: options.serial,
    });
    result.startedAt = now();
    const child = spawn(options.python.executable, [fileName], {
      cwd: workDir,
      env,
      detached: true, // its own session and process group: Stop ends the whole tree
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: string | null; error?: Error }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const pipesClosed = Promise.all(
      (['stdout', 'stderr'] as const).map(
        (stream) =>
          new Promise<void>((resolve) => {
            const pipe = child[stream];
            pipe.setEncoding('utf8');
            pipe.on('data', (text: string) => {
              const at = now();
              if (admitOutput(text, at)) emitRunner({ type: 'raw-output', stream, text, at });
            });
            pipe.once('close', () => resolve());
          }),
      ),
    );
    if (child.pid !== undefined) {
      mainPid = child.pid;
      this.#pgid = child.pid;
      runningGroups.add(child.pid);
    }
    if (this.#stopRequested) void this.stop();
    const watch = this.#watch();

    const exit = await exited;
    watch?.stop();
    if (exit.error) {
      reader?.close();
      return fail(result, `${options.python.executable} could not be started: ${exit.error.message}`);
    }
    result.exitCode = exit.code;
    result.signal = exit.signal;
    const exitedAt = now();

    // The program is gone; its other processes get a moment to finish and be read.
    const drained = Promise.all([pipesClosed, reader ? reader.whenIdle(DRAIN_MS) : Promise.resolve(true)]);
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
    if (this.#stopping) result.leftover = await this.#stopping;
    else {
      // Processes the program started and left running (outside any pool, or
      // whose parent died): ended here, and said so.
      result.strays = await listGroup(mainPid);
      if (result.strays.length > 0) result.leftover = await this.#end(0);
    }
    await Promise.race([pipesClosed, new Promise((resolve) => setTimeout(resolve, 200))]);
    runningGroups.delete(mainPid);
    reader?.close(); // a last read: whatever the ended processes wrote
    order.flush();
    // Last in the stream, after every event the program's processes sent.
    emitRunner({ type: 'program-exited', pid: mainPid, code: exit.code, signal: exit.signal, at: exitedAt });
    result.outputTruncated = cap.truncated;
    result.wallMs = now() - result.startedAt;
    return this.#conclude(result);
  }

  #watch(): GroupWatch | null {
    const { maxProcesses, onProcessCount } = this.options;
    if (this.#pgid === null || (maxProcesses === undefined && !onProcessCount)) return null;
    return new GroupWatch(this.#pgid, (members) => {
      onProcessCount?.(members);
      if (maxProcesses !== undefined && members.length > maxProcesses && this.#limitMessage === null) {
        void this.limit(
          `The program started more than ${maxProcesses} processes at once (${members.length} seen), ` +
            'so it was stopped: is something starting processes in a loop?',
        );
      }
    });
  }

  #conclude(result: PythonRunResult): PythonRunResult {
    if (this.#limitMessage !== null) {
      result.outcome = 'process-limit';
      result.message = this.#limitMessage;
    } else if (this.#stopRequested) {
      result.outcome = 'stopped';
      result.message = result.leftover.length
        ? `Stopped, but ${result.leftover.length} process(es) could not be ended: ${pids(result.leftover)}.`
        : 'Stopped: every process of the program was ended.';
    } else if (result.exitCode !== 0) {
      result.outcome = 'error';
      result.message = describeFailure(result.exitCode, result.signal, result.uncaught);
    } else if (result.strays.length > 0) {
      result.message = `The program left ${result.strays.length} process(es) running (${pids(result.strays)}); they were ended.`;
    }
    if (!result.traced && result.outcome !== 'stopped') result.note = NOTHING_TO_TRACE;
    return result;
  }
}

/** Start a run; its `finished` promise settles (never rejects) with the result. */
export function runPython(options: PythonRunOptions): PythonRun {
  return new PythonRun(options);
}

function describeFailure(
  code: number | null,
  signal: string | null,
  uncaught: PythonErrorInfo | null,
): string {
  if (uncaught) {
    const where = uncaught.line === null ? '' : ` (line ${uncaught.line})`;
    return `${uncaught.type}: ${uncaught.message}${where}`;
  }
  if (signal) return `The program was ended by ${signal}.`;
  return `The program exited with code ${code}.`;
}

/** Below this much free space in /dev/shm (containers often give it 64 MB), use the temporary folder. */
const SHARED_MEMORY_MIN_FREE = 256 * 1024 * 1024;

/** Linux's shared-memory folder, when roomy: the event files never touch a disk there. */
function sharedMemoryDir(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    accessSync('/dev/shm', constants.W_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    return bavail * bsize >= SHARED_MEMORY_MIN_FREE ? '/dev/shm' : null;
  } catch {
    return null;
  }
}

function fail(result: PythonRunResult, message: string): PythonRunResult {
  return { ...result, outcome: 'failed', message };
}

function pids(members: GroupMember[]): string {
  return members.map((m) => `PID ${m.pid} (${m.name})`).join(', ');
}
