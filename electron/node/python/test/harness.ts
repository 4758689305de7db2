/**
 * Shared by the Python tests: the interpreter they run (`python3`, or
 * $PYTHON), a run that records its whole event stream, and readers for it.
 * Without an interpreter the Python suites skip, saying why once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPython } from '../interpreter';
import { runPython, type PythonRun } from '../runner';
import type { PythonRunEvent, PythonRunOptions, PythonRunResult } from '../run-types';

const found = await findPython(process.env.PYTHON || undefined);
export const python = found.ok ? found.python : null;
export const noPython = !found.ok;
if (!found.ok) console.warn(`Python tests skipped: ${found.message}`);

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

export interface RecordedRun {
  run: PythonRun;
  events: PythonRunEvent[];
  result: PythonRunResult;
}

/** Run a program to its end, recording every event. */
export async function runProgram(
  source: string,
  options: Partial<Omit<PythonRunOptions, 'python' | 'source'>> = {},
  whileRunning?: (run: PythonRun, events: PythonRunEvent[]) => void,
): Promise<RecordedRun> {
  if (!python) throw new Error('no python');
  const events: PythonRunEvent[] = [];
  const run = runPython({
    python,
    source,
    ...options,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  whileRunning?.(run, events);
  const result = await run.finished;
  return { run, events, result };
}

export function ofType<T extends PythonRunEvent['type']>(
  events: readonly PythonRunEvent[],
  type: T,
): Extract<PythonRunEvent, { type: T }>[] {
  return events.filter((e): e is Extract<PythonRunEvent, { type: T }> => e.type === type);
}

/** The PID of the program itself (the process the runner started). */
export function programPid(events: readonly PythonRunEvent[]): number {
  const exited = ofType(events, 'program-exited')[0];
  if (!exited) throw new Error('the program never exited');
  return exited.pid;
}

/** Lines a process printed (tagged output), in order, blank lines left out. */
export function printedBy(events: readonly PythonRunEvent[], pid: number, stream = 'stdout'): string[] {
  const text = ofType(events, 'output')
    .filter((e) => e.pid === pid && e.stream === stream)
    .map((e) => e.text)
    .join('');
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Distinct PIDs in order of first appearance. */
export function distinct(pids: readonly number[]): number[] {
  return [...new Set(pids)];
}

/** The PIDs that ran tasks: one timeline lane each. */
export function lanePids(events: readonly PythonRunEvent[]): number[] {
  return distinct(ofType(events, 'task-started').map((e) => e.pid));
}

/** Resolves when `predicate` holds for the events so far (checked as they arrive). */
export function waitForEvents(
  events: PythonRunEvent[],
  predicate: (events: PythonRunEvent[]) => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (predicate(events)) resolve();
      else setTimeout(check, 10);
    };
    check();
  });
}
