/**
 * Finding the interpreter: its version and build, and one clear sentence
 * when there is none. The missing-interpreter cases run everywhere.
 */
import { describe, expect, test } from 'vitest';
import { describePython, findPython, type PythonInterpreter } from '../interpreter';
import { checkPythonSyntax } from '../syntax-check';
import { noPython, python } from './harness';

describe('finding Python', () => {
  test('an interpreter path that does not exist: one sentence saying so and how to get one', async () => {
    const found = await findPython('/nonexistent/bin/python3');
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.message).toMatch(
      /^No Python interpreter at \/nonexistent\/bin\/python3: install Python 3\.9/,
    );
    expect(found.message).toContain('python.org');
    expect(found.message.split('. ').length).toBe(1);
  });

  test('a program that is not Python is refused in one sentence', async () => {
    const found = await findPython(process.execPath); // node, not python
    expect(found).toMatchObject({ ok: false });
    if (!found.ok) expect(found.message).toMatch(/^.* could not be run as Python .*: install Python 3\.9/);
  });

  test('the description names the version and the build', () => {
    const base = { version: '3.13.1', implementation: 'cpython' } as PythonInterpreter;
    expect(describePython({ ...base, build: 'GIL', gilEnabled: true })).toBe('Python 3.13.1 (CPython, GIL)');
    expect(describePython({ ...base, build: 'free-threaded', gilEnabled: false })).toBe(
      'Python 3.13.1 (CPython, free-threaded, GIL disabled)',
    );
  });
});

describe.skipIf(noPython)('the interpreter found', () => {
  test('reports its real executable, version, build and start methods', () => {
    expect(python!.executable).toMatch(/python/);
    expect(python!.version).toMatch(/^3\.\d+\.\d+/);
    expect(python!.versionLine.startsWith(python!.version)).toBe(true);
    expect(python!.build).toBe(python!.freeThreaded ? 'free-threaded' : 'GIL');
    expect(python!.startMethods).toContain('spawn');
    expect(python!.startMethods).toContain(python!.defaultStartMethod);
  });

  test('syntax errors come back at their line, in the user file name', async () => {
    expect(await checkPythonSyntax(python!, 'print("fine")\n')).toBeNull();
    const indentation = await checkPythonSyntax(python!, 'if True:\nprint(1)\n', 'main.py');
    expect(indentation).toMatchObject({ source: 'code', line: 2, column: 1 });
    expect(indentation?.message).toMatch(
      /^IndentationError: expected an indented block.* \(main\.py, line 2\)$/,
    );
    const unclosed = await checkPythonSyntax(python!, 'x = (1,\n', 'lesson.py');
    expect(unclosed?.message).toMatch(/\(lesson\.py, line 1\)$/);
    expect(unclosed?.line).toBe(1);
  });
});
