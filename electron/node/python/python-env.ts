/**
 * The environment a user's Python program runs in: scrubbed like the
 * TypeScript workers' (no tokens, keys or proxies of whoever started the app;
 * HOME and TMPDIR in the run's private folder), plus what the tracer needs.
 */
import type { PythonInterpreter } from './interpreter';

const KEEP = ['PATH', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ'];

export interface PythonEnvOptions {
  workDir: string;
  python: PythonInterpreter;
  /** The folder holding sitecustomize.py; null runs the program untraced. */
  tracerDir: string | null;
  /** The private directory the tracer writes its event files into. */
  traceDir: string;
  memoryLimitMb?: number;
  /** "module.function" to trace call by call in the program's own process (the serial baseline). */
  serial?: string;
}

export function pythonEnvironment(options: PythonEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HOME: options.workDir,
    TMPDIR: options.workDir,
    // Output is tagged and streamed by the tracer; the raw pipes stay unbuffered too.
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  for (const key of KEEP) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.LANG ??= 'C.UTF-8';
  // HOME moved: keep `pip install --user` packages importable.
  if (options.python.userBase) env.PYTHONUSERBASE = options.python.userBase;
  if (options.tracerDir !== null) {
    env.PYTHONPATH = options.tracerDir;
    env.POOL_PLAYGROUND_TRACE = options.traceDir;
    if (options.serial) env.POOL_PLAYGROUND_SERIAL = options.serial;
  }
  if (options.memoryLimitMb !== undefined)
    env.POOL_PLAYGROUND_MEMORY_LIMIT_MB = String(Math.max(1, Math.floor(options.memoryLimitMb)));
  return env;
}
