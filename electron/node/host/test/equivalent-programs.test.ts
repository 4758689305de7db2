/**
 * The equivalent programs are programs: for every kind of inputs expression
 * the app accepts (and for every mode and option that changes the program),
 * the TypeScript program type-checks against the real pool with the
 * TypeScript compiler, and the Python program compiles with python3.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../shared/examples';
import { parseInputs } from '../../../../shared/inputs';
import { pythonProgram, typescriptProgram } from '../../../../shared/program-text';
import { DEFAULT_RUN_SPEC, LIMITS, RUN_MODES, type RunSpec } from '../../../../shared/run-spec';

type DriverSpec = Omit<RunSpec, 'code'>;

/** Inputs covering every part of the inputs syntax (see shared/inputs.ts). */
const INPUTS = [
  'range(5)',
  'range(100000)',
  'range(2, 10)',
  'range(10, -10, -3)',
  'range(0)',
  '[2_000_000] * 8',
  '[1.6, ...[0.2] * 8]',
  '[[0] * 3] * 2',
  'range(3) * 2',
  '[...range(3), 10, ...[7, 8]]',
  '[range(3), 5]',
  '[]',
  '[[]]',
  '[5, 2, 3, 4, 1]',
  '(1, 2)',
  '(5)',
  '[1, 2, 3,]',
  '[-1, +2, 0.5, .5, 5., 1e3, 1.5E-3, 007, 0x1F, 0b101, 0o17, 1_000.5, -0, 1e21, 123456789012345678901234]',
  '[Infinity, -Infinity, NaN]',
  '[true, false, True, False, null, None, undefined]',
  `["a", 'b', "it's", 'say "hi"', "tab\\t", "line\\nbreak", "\\u00e9", "é", "\\u2028", "\\ud800", "back\\\\slash", ""]`,
  '[{a: 1}, {"b c": [1, 2]}, {1: "one"}, {__proto__: 1}, {}, {nested: {deep: [true]}}]',
  '[1, // one\n 2, # two\n /* three */ 3]',
  '[[1, "a"], [2, "b"]]',
  '[[[[0] * 2] * 2] * 2]',
];

/** Settings that change the program's shape, each combined with every mode. */
const VARIANTS: Partial<DriverSpec>[] = [
  {},
  { chunksize: 4, timeoutSec: 2.5 },
  { initializer: 'setUp', initargs: "['hello', 2]", maxTasksPerChild: 3 },
  { initializer: 'setUp', initargs: 'range(2)' },
  { initializer: 'setUp', initargs: '[]' },
  { shutdown: { afterResults: 2, wait: false, cancelFutures: true }, timeoutSec: 1 },
  { shutdown: { afterResults: 1, wait: true, cancelFutures: false } },
  { shutdown: { afterResults: null, wait: false, cancelFutures: true } },
];

const TASKS = `export function work(x: unknown): unknown { return x; }
export function setUp(...args: unknown[]): void { void args; }
`;

function specs(): DriverSpec[] {
  const out: DriverSpec[] = [];
  for (const inputs of INPUTS) {
    expect(parseInputs(inputs, LIMITS.maxInputs).ok, inputs).toBe(true);
    for (const mode of RUN_MODES) out.push({ ...DEFAULT_RUN_SPEC, fn: 'work', mode, inputs });
  }
  for (const variant of VARIANTS) {
    for (const mode of RUN_MODES)
      out.push({ ...DEFAULT_RUN_SPEC, fn: 'work', mode, inputs: 'range(3)', ...variant });
  }
  // And every example of the gallery as shipped.
  // The run bar's examples (a whole program has no equivalent program: it is one).
  return [...out, ...EXAMPLES.filter((e) => e.spec.kind === 'tasks').map((e) => e.spec)];
}

const POOL_INDEX = fileURLToPath(new URL('../../../pool/index.ts', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the equivalent programs', () => {
  it('type-check as TypeScript against the real pool, for every inputs expression, mode and option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-programs-'));
    dirs.push(dir);
    const all = specs();
    writeFileSync(
      join(dir, 'pool.ts'),
      `export * from ${JSON.stringify(POOL_INDEX.replace(/\.ts$/, ''))};\n`,
    );
    // What a task module has in a worker besides Node: the blocking sleep().
    writeFileSync(join(dir, 'worker-globals.d.ts'), 'declare function sleep(ms: number): void;\n');
    const examples = new Map(EXAMPLES.map((e) => [e.spec, e]));
    const files = all.map((spec, i) => {
      // Each program beside its own task module: the example's, or one with work() and setUp().
      const sub = join(dir, `p${i}`);
      const example = examples.get(spec);
      writeFileSync(`${sub}-tasks.ts`, example ? example.code : TASKS);
      const main = typescriptProgram(spec).replace("from './tasks'", `from './p${i}-tasks'`);
      writeFileSync(`${sub}-main.ts`, main);
      return `${sub}-main.ts`;
    });
    const program = ts.createProgram([...files, join(dir, 'worker-globals.d.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noUnusedLocals: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter(
        (d) =>
          d.file === undefined || files.includes(d.file.fileName) || d.file.fileName.endsWith('-tasks.ts'),
      )
      .map((d) => {
        const where = d.file
          ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
          : '';
        const i = Number(/p(\d+)-/.exec(where)?.[1] ?? -1);
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}\n${i >= 0 ? typescriptProgram(all[i]!) : ''}`;
      });
    expect(problems.slice(0, 3)).toEqual([]);
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  if (!python) console.warn('Python programs not compiled: python3 was not found on this machine.');

  it.skipIf(!python)('compile as Python, for every inputs expression, mode and option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-programs-py-'));
    dirs.push(dir);
    const files = specs().map((spec, i) => {
      const file = join(dir, `main_${i}.py`);
      writeFileSync(file, pythonProgram(spec));
      return file;
    });
    const check = spawnSync(
      'python3',
      [
        '-c',
        'import sys\nfor p in sys.argv[1:]:\n    compile(open(p, encoding="utf-8").read(), p, "exec")',
        ...files,
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
