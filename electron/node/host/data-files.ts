/**
 * File operations of the data folder. The folder is private to the user
 * (0700, files 0600: saved code and runs are the user's work). Every write
 * goes to a temporary file named for the writing process and is renamed into
 * place, so a crash mid-write leaves the previous version intact, and two
 * hosts sharing the folder never write the same temporary file.
 */
import { chmod, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../../pool/parent/owned-temp-dir';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

let writes = 0;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // An existing folder (made by an older version, or by hand) is made private too.
  await chmod(dir, DIR_MODE);
}

export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
  const tmp = `${path}.${process.pid}.${++writes}.tmp`;
  try {
    await writeFile(tmp, text, { mode: FILE_MODE });
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export type ReadJson =
  { kind: 'missing' } | { kind: 'unreadable'; why: string } | { kind: 'ok'; value: unknown };

/** A JSON file: missing, not JSON (truncated, garbage), or its parsed value. */
export async function readJson(path: string): Promise<ReadJson> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', why: (error as Error).message };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { kind: 'unreadable', why: `not valid JSON: ${printable((error as Error).message)}` };
  }
}

/** A parser message quotes the file: keep it short and free of control characters. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

/**
 * Move a damaged file aside as `<name>.corrupt-<time>` (never delete the
 * user's data). Returns the new path, or null when the file is already gone
 * (another host sharing the folder moved it first).
 */
export async function setAside(path: string): Promise<string | null> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(path), `${basename(path)}.corrupt-${stamp}`);
  try {
    await rename(path, target);
    return target;
  } catch {
    return null;
  }
}

/** Make the files of a folder private (files written by older versions were 0644). */
export async function makeFilesPrivate(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map((n) => chmod(join(dir, n), FILE_MODE).catch(() => undefined)),
  );
}

/**
 * Temporary files left by a writer that died between write and rename.
 * Only those whose process is gone are removed: another host may be writing.
 */
export async function cleanStaleTemporaryFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => {
        const pid = /\.(\d+)\.\d+\.tmp$/.exec(name)?.[1];
        return pid !== undefined && Number(pid) !== process.pid && !isProcessAlive(Number(pid));
      })
      .map((name) => rm(join(dir, name), { force: true })),
  );
}
