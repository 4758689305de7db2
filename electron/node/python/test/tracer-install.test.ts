/**
 * The tracer's installation, seen from a plain interpreter (no runner): it
 * keeps the sitecustomize the interpreter already had, and when it cannot
 * reach the host it says so once and the program's output is untouched.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { defaultTracerDir } from '../paths';
import { noPython, python } from './harness';

const scratch = mkdtempSync(join(tmpdir(), 'tracer-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runPlain(
  program: string,
  env: Record<string, string>,
): { stdout: string; stderr: string; status: number | null } {
  const file = join(scratch, 'program.py');
  writeFileSync(file, program);
  const result = spawnSync(python!.executable, [file], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env },
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe.skipIf(noPython)('installing the tracer', () => {
  test('the sitecustomize the interpreter already had still runs, once', () => {
    const other = join(scratch, 'other-site');
    mkdirSync(other);
    writeFileSync(
      join(other, 'sitecustomize.py'),
      'import builtins\nbuiltins.SITE_RUNS = getattr(builtins, "SITE_RUNS", 0) + 1\n',
    );
    const { stdout, stderr, status } = runPlain('print("site ran", SITE_RUNS)\n', {
      PYTHONPATH: [defaultTracerDir(), other].join(delimiter),
    });
    expect({ stdout, stderr, status }).toEqual({ stdout: 'site ran 1\n', stderr: '', status: 0 });
  });

  test('a failing original sitecustomize is reported as site.py would, and the program runs', () => {
    const other = join(scratch, 'failing-site');
    mkdirSync(other);
    writeFileSync(join(other, 'sitecustomize.py'), 'raise RuntimeError("broken site")\n');
    const { stdout, stderr, status } = runPlain('print("still here")\n', {
      PYTHONPATH: [defaultTracerDir(), other].join(delimiter),
    });
    expect(status).toBe(0);
    expect(stdout).toBe('still here\n');
    expect(stderr).toBe(
      'Error in sitecustomize; set PYTHONVERBOSE for traceback:\nRuntimeError: broken site\n',
    );
  });

  test('when its events cannot be written, output reaches the terminal unchanged and the tracer says so once', () => {
    const { stdout, stderr, status } = runPlain(
      `from concurrent.futures import ThreadPoolExecutor
print("before the pool")
with ThreadPoolExecutor(max_workers=2) as executor:
    print(list(executor.map(abs, [-1, -2, -3])))
print("after the pool")
`,
      {
        PYTHONPATH: defaultTracerDir(),
        POOL_PLAYGROUND_TRACE: join(scratch, 'no-such-folder'),
      },
    );
    expect(status).toBe(0);
    expect(stdout).toBe('before the pool\n[1, 2, 3]\nafter the pool\n');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^pool-playground tracer \(pid \d+\): cannot write its events to .* no longer traced\.$/,
    );
  });
});
