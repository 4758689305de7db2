/**
 * Temporary folders that say which process owns them: `<prefix><pid>-XXXXXX`
 * in the system's temporary directory. The owner removes its folder when it
 * is done (or on exit); a folder whose owner was killed before it could is
 * swept by the next process that makes one — but only once no live process
 * has that PID, since other processes (another host, a test run) may share
 * the directory.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const owned = new Set<string>();
let hooked = false;

/** Make a folder owned by this process; it is removed when the process exits, at the latest. */
export function makeOwnedTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
  owned.add(dir);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const path of owned) rmSync(path, { recursive: true, force: true });
    });
  }
  return dir;
}

/** Remove a folder made by makeOwnedTempDir, now. */
export function removeOwnedTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  owned.delete(dir);
}

/** Remove `<prefix><pid>-*` folders whose process is gone; returns the paths removed. */
export function sweepStaleTempDirs(prefix: string, dir = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = ownerOf(name, prefix);
    if (owner === null || owner === process.pid || isProcessAlive(owner)) continue;
    const path = join(dir, name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Someone else's (another user's folder in a shared /tmp): not ours to remove.
    }
  }
  return removed;
}

/** The PID in `<prefix><pid>-XXXXXX`, or null for any other name. */
export function ownerOf(name: string, prefix: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const match = /^(\d+)-[^-]+$/.exec(name.slice(prefix.length));
  return match ? Number(match[1]) : null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
