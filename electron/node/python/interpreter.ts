/**
 * Finding the user's CPython: `python3` on PATH, or the path chosen in
 * settings. The interpreter is asked for its own facts (probe.py), and runs
 * then use its real executable (`sys.executable`), so a launcher script
 * (pyenv shim, Windows py) is resolved once, with the user's environment,
 * before runs scrub the environment.
 */
import { execFile } from 'node:child_process';
import { z } from 'zod';
import { defaultTracerDir, helperScript } from './paths';

export const MIN_PYTHON = [3, 9] as const;
const PROBE_TIMEOUT_MS = 20_000;

const factsSchema = z.object({
  executable: z.string(),
  version: z.string(),
  versionLine: z.string(),
  implementation: z.string(),
  freeThreaded: z.boolean(),
  gilEnabled: z.boolean(),
  startMethods: z.array(z.string()),
  defaultStartMethod: z.string(),
  userBase: z.string().nullable(),
  platform: z.string(),
  resourceLimits: z.boolean(),
});

export type PythonInterpreter = z.infer<typeof factsSchema> & {
  /** What the user asked for (`python3` or a path). */
  requested: string;
  /** 'free-threaded' for a 3.13t+ build (whether or not the GIL got re-enabled). */
  build: 'GIL' | 'free-threaded';
};

export type FindPythonResult = { ok: true; python: PythonInterpreter } | { ok: false; message: string };

const HOW_TO_GET_ONE =
  'install Python 3.9 or newer from https://www.python.org/downloads/ (Debian/Ubuntu: sudo apt-get install python3) ' +
  'or choose an interpreter in Settings';

/** Find and describe the interpreter; on failure, one sentence saying what is wrong and what to do. */
export async function findPython(
  requested?: string,
  tracerDir = defaultTracerDir(),
): Promise<FindPythonResult> {
  const command = requested?.trim() || 'python3';
  let stdout: string;
  try {
    stdout = await run(command, ['-I', helperScript(tracerDir, 'probe.py')]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES')
      return {
        ok: false,
        message: requested?.trim()
          ? `No Python interpreter at ${command}: ${HOW_TO_GET_ONE}.`
          : `No Python interpreter was found (python3 is not on PATH): ${HOW_TO_GET_ONE}.`,
      };
    return {
      ok: false,
      message: `${command} could not be run as Python (${firstLine(error)}): ${HOW_TO_GET_ONE}.`,
    };
  }
  const parsed = factsSchema.safeParse(parseJsonLine(stdout));
  if (!parsed.success)
    return { ok: false, message: `${command} did not answer like CPython 3.9 or newer: ${HOW_TO_GET_ONE}.` };
  const facts = parsed.data;
  const [major = 0, minor = 0] = facts.version.split('.').map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1]))
    return {
      ok: false,
      message: `${command} is Python ${facts.version}, too old for the playground: ${HOW_TO_GET_ONE}.`,
    };
  return {
    ok: true,
    python: { ...facts, requested: command, build: facts.freeThreaded ? 'free-threaded' : 'GIL' },
  };
}

/** "Python 3.11.7 (CPython, GIL)", "Python 3.13.1 (CPython, free-threaded, GIL disabled)". */
export function describePython(python: PythonInterpreter): string {
  const build =
    python.build === 'GIL' ? 'GIL' : `free-threaded, GIL ${python.gilEnabled ? 're-enabled' : 'disabled'}`;
  const name = python.implementation === 'cpython' ? 'CPython' : python.implementation;
  return `Python ${python.version} (${name}, ${build})`;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        if (stderr.trim()) error.message = stderr.trim();
        reject(error);
      } else resolve(stdout);
    });
  });
}

export function parseJsonLine(stdout: string): unknown {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('{'));
  if (!line) return null;
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return null;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').filter(Boolean).pop() ?? text;
}
