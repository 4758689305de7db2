/**
 * The driver process of a whole TypeScript program: `child_process.fork`ed
 * by the browser host, a `utilityProcess` under Electron — never the host or
 * the renderer. It imports the program, gives it the pool (`./pool`,
 * program-api.ts), calls its `main()` — the TypeScript form of Python's
 * `if __name__ == "__main__":`; the workers import the same module and never
 * call it — and records the run's log, which it streams to the host.
 *
 * Then, as a Python program's end does, it waits for every executor not
 * shut down yet, and says how main() ended.
 */
import { ForkLauncher } from '../../pool';
import { OutputCap } from '../python/output-cap';
import { guardMemory, heapLimitArgs } from '../host/memory-guard';
import { OUTPUT_CHAR_LIMIT, OUTPUT_LINE_LIMIT } from '../host/recorder';
import { createProgramApi } from './program-api';
import { PROGRAM_API_KEY } from './pool-module';
import { ProgramRecorder } from './program-recorder';
import type { DriverMessage, EndedMessage, StartMessage } from './protocol';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
const realExit = process.exit.bind(process);

function send(message: DriverMessage, done?: () => void): void {
  if (port) {
    port.postMessage(message);
    // The message leaves on another thread: give it a moment before exiting.
    if (done) setTimeout(done, 50);
  } else {
    process.send?.(message, undefined, {}, () => done?.());
  }
}

function onMessage(handler: (message: unknown) => void): void {
  if (port) port.on('message', (event) => handler(event.data));
  else process.on('message', handler);
}

// The host went away: so does the program (its workers follow: no worker outlives its parent).
if (port) port.on('close', () => realExit(1));
else process.on('disconnect', () => realExit(1));

onMessage((message) => {
  const start = message as StartMessage;
  if (start?.t === 'start') void run(start);
});

async function run(start: StartMessage): Promise<void> {
  process.setSourceMapsEnabled(true);
  const recorder = new ProgramRecorder(start.runId, start.epoch, (batch) =>
    send({ t: 'events', events: batch.events }),
  );
  const output = captureOutput(recorder, start.moduleUrl);
  const env: NodeJS.ProcessEnv = { ...start.workerEnv };
  // A utility process's children are Electron binaries: they must run as plain Node.
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  const launcher = guardMemory(
    new ForkLauncher({ script: start.workerScript, env, cwd: start.workerCwd }),
    start.memoryLimitMb,
  );
  const api = createProgramApi({
    moduleUrl: start.moduleUrl,
    launcher,
    workerExecArgv: heapLimitArgs(start.memoryLimitMb),
    recorder,
  });
  (globalThis as Record<symbol, unknown>)[Symbol.for(PROGRAM_API_KEY)] = api.exports;
  installSleep(output.flush);

  let ended: EndedMessage = { t: 'ended', ok: true };
  const fail = (error: unknown): EndedMessage => ({
    t: 'ended',
    ok: false,
    error: describeError(error, start.moduleUrl),
  });
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    output.flush();
    recorder.flush();
    send(ended, () => realExit(0));
  };
  // An error nobody catches ends the program, as in Python (after its pools are waited for).
  process.on('uncaughtException', (error) => {
    ended = fail(error);
    finish();
  });
  process.on('unhandledRejection', (error) => {
    ended = fail(error);
    finish();
  });
  // process.exit() in main(): what was printed and recorded still reaches the host.
  process.exit = ((code?: number | string | null) => {
    if (code !== undefined && code !== null && Number(code) !== 0)
      ended = { t: 'ended', ok: false, error: { name: 'Exit', message: `process.exit(${code})`, stack: '' } };
    finish();
    return undefined as never;
  }) as typeof process.exit;

  try {
    const program = (await import(start.moduleUrl)) as { main?: unknown };
    if (typeof program.main !== 'function') throw new TypeError('main.ts does not export a function main()');
    await (program.main as () => unknown)();
  } catch (error) {
    ended = fail(error);
  }
  try {
    await api.shutdownAll();
  } catch (error) {
    if (ended.ok) ended = fail(error);
  }
  finish();
}

/** The program's own prints become the caller's lines of the log, line by line, capped like workers' output. */
function captureOutput(recorder: ProgramRecorder, moduleUrl: string) {
  const cap = new OutputCap(OUTPUT_LINE_LIMIT, OUTPUT_CHAR_LIMIT);
  const pending = { stdout: '', stderr: '' };
  let announced = false;
  const emit = (stream: 'stdout' | 'stderr', text: string): void => {
    const verdict = cap.admit(text);
    if (verdict === 'keep') recorder.driver(relativePaths(text, moduleUrl), stream);
    else if (!announced) {
      announced = true;
      recorder.recordNow({ type: 'output-truncated', dropped: 0 });
    }
  };
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk).toString(
                typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
              )
            : String(chunk);
      const joined = pending[stream] + text;
      const cut = joined.lastIndexOf('\n') + 1;
      pending[stream] = joined.slice(cut);
      if (cut > 0) emit(stream, joined.slice(0, cut));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof process.stdout.write;
  }
  return {
    flush(): void {
      for (const stream of ['stdout', 'stderr'] as const) {
        if (pending[stream]) emit(stream, pending[stream]);
        pending[stream] = '';
      }
    },
  };
}

/** A blocking sleep(ms) in main() too, as in the workers (it holds this process, like time.sleep). */
function installSleep(flush: () => void): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const g = globalThis as { sleep?: unknown };
  g.sleep ??= (ms: number): void => {
    const duration = Number(ms);
    if (!Number.isFinite(duration) || duration < 0)
      throw new RangeError(`sleep(ms) needs a number of milliseconds >= 0, got ${String(ms)}`);
    flush();
    Atomics.wait(cell, 0, 0, duration);
  };
}

function describeError(error: unknown, moduleUrl: string): { name: string; message: string; stack: string } {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message.slice(0, 10_000),
      stack: relativePaths(error.stack ?? '', moduleUrl).slice(0, 20_000),
    };
  }
  return { name: 'Error', message: String(error).slice(0, 10_000), stack: '' };
}

/** Stacks name the program's file as the learner knows it (main.ts), not by its private folder. */
function relativePaths(text: string, moduleUrl: string): string {
  const folderUrl = moduleUrl.slice(0, moduleUrl.lastIndexOf('/') + 1);
  const folder = decodeURIComponent(new URL(folderUrl).pathname);
  return text.split(folderUrl).join('').split(folder).join('');
}
