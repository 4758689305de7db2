/** The machine's `python3 --version`, or null where there is none (the Python specs skip, saying so). */
import { execFileSync } from 'node:child_process';

export const PYTHON3_VERSION: string | null = (() => {
  try {
    return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
