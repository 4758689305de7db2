/**
 * Writes a run's task module into the session's private temporary folder.
 * Workers import `entry.mjs`, which re-exports the user's module and adds the
 * playground's one helper: the serial baseline runner, which calls the task
 * function on every input one after another inside a single process — the
 * analogue of Python's built-in map() — and times each call.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SERIAL_RUNNER = '__playgroundSerial';

const ENTRY_SOURCE = `export * from './tasks.mjs';
import * as tasks from './tasks.mjs';

const clock = () => performance.timeOrigin + performance.now();

export async function ${SERIAL_RUNNER}(fnName, inputs) {
  const fn = tasks[fnName];
  if (typeof fn !== 'function') throw new TypeError(\`"\${fnName}" is not a function exported by tasks.ts\`);
  const calls = [];
  for (const input of inputs) {
    const started = clock();
    try {
      let value = fn(input);
      if (value && typeof value.then === 'function') value = await value;
      calls.push({ ok: true, value, started, finished: clock() });
    } catch (error) {
      const finished = clock();
      const e = error instanceof Error ? error : new Error(String(error));
      calls.push({ ok: false, error: { name: e.name, message: e.message, stack: e.stack ?? '' }, started, finished });
      break;
    }
  }
  return calls;
}
`;

export interface WrittenTaskModule {
  /** file: URL of the module workers import. */
  entryUrl: string;
  entryPath: string;
}

export async function writeTaskModule(dir: string, js: string): Promise<WrittenTaskModule> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'tasks.mjs'), js);
  const entryPath = join(dir, 'entry.mjs');
  await writeFile(entryPath, ENTRY_SOURCE);
  return { entryUrl: pathToFileURL(entryPath).href, entryPath };
}
