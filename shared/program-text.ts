/**
 * The "equivalent program" view: the driver code a run corresponds to, in
 * TypeScript (this app's pool) and in Python (the seed's style). Both are
 * whole programs that run as they are (beside the task module and the pool)
 * and print what the run's terminal shows: the inputs are written from
 * their syntax tree (inputs-code.ts), and an early shutdown, a timeout, an
 * initializer and max tasks per child appear as the run uses them.
 */
import { parseInputsTree, type InputsNode } from './inputs';
import { inputsAsPython, inputsAsTypeScript, TYPESCRIPT_HELPERS } from './inputs-code';
import { DEFAULT_SHUTDOWN, type RunSpec } from './run-spec';

type DriverSpec = Omit<RunSpec, 'code' | 'python'>;

/** Lines with indentation: `add(depth, ...lines)`. */
class Lines {
  readonly #lines: string[] = [];
  constructor(readonly unit: string) {}
  add(depth: number, ...lines: string[]): this {
    for (const line of lines) this.#lines.push(line === '' ? '' : this.unit.repeat(depth) + line);
    return this;
  }
  text(): string {
    return `${this.#lines.join('\n')}\n`;
  }
}

function tree(text: string, fallback: string): InputsNode | null {
  const parsed = parseInputsTree(text.trim() === '' ? fallback : text);
  return parsed.ok ? parsed.tree : null;
}

const py = (value: boolean): string => (value ? 'True' : 'False');
/** Seconds as Python writes them, and as milliseconds for TypeScript (`timeoutMs`). */
const ms = (sec: number): number => Math.round(sec * 1000 * 1000) / 1000;

/** What the run does about shutting down, as the program needs it. */
function shutdownParts(spec: DriverSpec) {
  const { afterResults, wait, cancelFutures } = spec.shutdown;
  const early = spec.mode !== 'serial' && afterResults !== null;
  const custom =
    spec.mode !== 'serial' &&
    afterResults === null &&
    (wait !== DEFAULT_SHUTDOWN.wait || cancelFutures !== DEFAULT_SHUTDOWN.cancelFutures);
  return { afterResults, wait, cancelFutures: spec.mode !== 'serial' && cancelFutures, early, custom };
}

// ───────────────────────────── TypeScript ─────────────────────────────

export function typescriptProgram(spec: DriverSpec): string {
  const inputsTree = tree(spec.inputs, '[]');
  const inputs = inputsTree ? inputsAsTypeScript(inputsTree) : null;
  const initargsTree = spec.initializer ? tree(spec.initargs, '[]') : null;
  const initargs = initargsTree ? inputsAsTypeScript(initargsTree) : null;
  const helpers = new Set([...(inputs?.helpers ?? []), ...(initargs?.helpers ?? [])]);
  const s = shutdownParts(spec);
  const out = new Lines('  ');

  const poolNames = ['ProcessPoolExecutor'];
  if (spec.mode === 'as_completed') poolNames.push('asCompleted');
  if (s.cancelFutures) poolNames.push('CancelledError');
  if (spec.mode !== 'serial') out.add(0, `import { ${poolNames.join(', ')} } from './pool';`);
  const taskNames = spec.mode === 'serial' ? [spec.fn] : [spec.fn, spec.initializer].filter(Boolean);
  out.add(0, `import { ${taskNames.join(', ')} } from './tasks';`, '');
  out.add(
    0,
    inputs
      ? `const inputs: unknown[] = ${inputs.code};`
      : 'const inputs: unknown[] = []; // the inputs in the run bar do not parse yet: fix them there',
    '',
  );

  if (spec.mode === 'serial') {
    out.add(0, '// The baseline: one call after another, in this one process.', 'for (const x of inputs) {');
    out.add(1, `console.log(${spec.fn}(x));`).add(0, '}');
  } else {
    const options = [`taskModule: './tasks.ts'`, `maxWorkers: ${spec.maxWorkers}`];
    if (spec.initializer) {
      options.push(`initializer: ${spec.initializer}`, `initargs: ${initargs ? initargs.code : '[]'}`);
    }
    if (spec.maxTasksPerChild !== null) options.push(`maxTasksPerChild: ${spec.maxTasksPerChild}`);
    if (s.custom) {
      out.add(
        0,
        `// Shutdown, pressed during the run, calls executor.shutdown({ wait: ${s.wait}, cancelFutures: ${s.cancelFutures} }).`,
      );
    }
    out.add(0, `await using executor = new ProcessPoolExecutor({ ${options.join(', ')} });`);
    typescriptDriver(out, spec, s);
  }
  for (const name of ['range', 'repeat'] as const) {
    if (helpers.has(name)) out.add(0, '', ...TYPESCRIPT_HELPERS[name].split('\n'));
  }
  return out.text();
}

function typescriptDriver(out: Lines, spec: DriverSpec, s: ReturnType<typeof shutdownParts>): void {
  const timeoutMs = spec.timeoutSec === null ? null : ms(spec.timeoutSec);
  const count = s.early ? ['let n = 0;'] : [];
  // After the N-th result, as the run's settings say.
  const shutdownAfter = (depth: number): void => {
    if (!s.early) return;
    out.add(depth, `if (++n === ${s.afterResults}) {`);
    out.add(depth + 1, `await executor.shutdown({ wait: ${s.wait}, cancelFutures: ${s.cancelFutures} });`);
    out.add(depth + 1, "console.log('shutdown() returned');").add(depth, '}');
  };
  // With cancel_futures a result may be a cancelled future: say so and go on.
  const print = (depth: number, expression: string, comment: string): void => {
    if (!s.cancelFutures) {
      out.add(depth, `console.log(${expression});${comment}`);
      return;
    }
    out.add(depth, 'try {').add(depth + 1, `console.log(${expression});${comment}`);
    out.add(depth, '} catch (error) {', `  if (!(error instanceof CancelledError)) throw error;`);
    out.add(depth + 1, "console.log('cancelled');").add(depth, '}');
  };
  switch (spec.mode) {
    case 'submit':
      if (timeoutMs !== null) {
        out.add(0, `const deadline = performance.now() + ${timeoutMs}; // the timeout, for all the results`);
      }
      out.add(0, `const futures = inputs.map((x) => executor.submit(${spec.fn}, x));`, ...count);
      out.add(0, 'for (const f of futures) {');
      print(
        1,
        timeoutMs === null
          ? 'await f.result()'
          : 'await f.result({ timeoutMs: Math.max(0, deadline - performance.now()) })',
        ' // wait for the result',
      );
      shutdownAfter(1);
      out.add(0, '}');
      return;
    case 'map': {
      const options = [
        spec.chunksize > 1 ? `chunksize: ${spec.chunksize}` : '',
        timeoutMs === null ? '' : `timeoutMs: ${timeoutMs}`,
      ].filter(Boolean);
      const call = `executor.map(${spec.fn}, inputs${options.length ? `, { ${options.join(', ')} }` : ''})`;
      const depth = s.cancelFutures ? 1 : 0;
      out.add(0, ...count);
      if (s.cancelFutures) out.add(0, 'try {');
      out.add(depth, `for await (const result of ${call}) {`);
      out.add(depth + 1, 'console.log(result); // results come in input order');
      shutdownAfter(depth + 1);
      out.add(depth, '}');
      if (s.cancelFutures) {
        out.add(0, '} catch (error) {', '  if (!(error instanceof CancelledError)) throw error;');
        out.add(1, "console.log('CancelledError: the remaining results were cancelled');").add(0, '}');
      }
      return;
    }
    case 'as_completed': {
      const options = timeoutMs === null ? '' : `, { timeoutMs: ${timeoutMs} }`;
      out.add(0, `const futures = inputs.map((x) => executor.submit(${spec.fn}, x));`, ...count);
      out.add(0, `for await (const f of asCompleted(futures${options})) {`);
      print(1, "'Result:', await f.result()", ' // in completion order');
      shutdownAfter(1);
      out.add(0, '}');
      return;
    }
    case 'serial':
      return;
  }
}

// ───────────────────────────── Python ─────────────────────────────

export function pythonProgram(spec: DriverSpec): string {
  const inputsTree = tree(spec.inputs, '[]');
  const inputs = inputsTree ? inputsAsPython(inputsTree) : '[]  # the inputs in the run bar do not parse yet';
  const s = shutdownParts(spec);
  const out = new Lines('    ');
  const timed = spec.timeoutSec !== null && spec.mode === 'submit';

  if (spec.mode === 'serial') {
    out.add(0, `from tasks import ${spec.fn}`, '', 'if __name__ == "__main__":');
    out.add(1, '# The baseline: the built-in map(), one call after another in this process.');
    out.add(1, `for result in map(${spec.fn}, ${inputs}):`).add(2, 'print(result)');
    return out.text();
  }
  const names = [...(s.cancelFutures ? ['CancelledError'] : []), 'ProcessPoolExecutor'];
  if (spec.mode === 'as_completed') names.push('as_completed');
  if (spec.startMethod) out.add(0, 'import multiprocessing');
  if (timed) out.add(0, 'import time');
  out.add(0, `from concurrent.futures import ${names.join(', ')}`);
  out.add(0, `from tasks import ${[spec.fn, spec.initializer].filter(Boolean).join(', ')}`, '');
  out.add(0, 'if __name__ == "__main__":');

  const args = [`max_workers=${spec.maxWorkers}`];
  // How CPython starts the workers, when not its default (fork, spawn, forkserver).
  if (spec.startMethod) args.push(`mp_context=multiprocessing.get_context("${spec.startMethod}")`);
  if (spec.initializer)
    args.push(`initializer=${spec.initializer}`, `initargs=${pythonTuple(spec.initargs)}`);
  if (spec.maxTasksPerChild !== null) args.push(`max_tasks_per_child=${spec.maxTasksPerChild}`);
  if (s.custom) {
    out.add(
      1,
      `# Shutdown, pressed during the run, calls executor.shutdown(wait=${py(s.wait)}, cancel_futures=${py(s.cancelFutures)}).`,
    );
  }
  out.add(1, `with ProcessPoolExecutor(${args.join(', ')}) as executor:`);
  pythonDriver(out, spec, s, inputs);
  return out.text();
}

function pythonDriver(
  out: Lines,
  spec: DriverSpec,
  s: ReturnType<typeof shutdownParts>,
  inputs: string,
): void {
  const timeout = spec.timeoutSec === null ? null : String(spec.timeoutSec);
  const loop = (iterable: string, name: string): string =>
    s.early ? `for n, ${name} in enumerate(${iterable}, start=1):` : `for ${name} in ${iterable}:`;
  const shutdownAfter = (depth: number): void => {
    if (!s.early) return;
    out.add(depth, `if n == ${s.afterResults}:`);
    out.add(depth + 1, `executor.shutdown(wait=${py(s.wait)}, cancel_futures=${py(s.cancelFutures)})`);
    out.add(depth + 1, 'print("shutdown() returned")');
  };
  const print = (depth: number, expression: string, comment: string): void => {
    if (!s.cancelFutures) {
      out.add(depth, `print(${expression})${comment}`);
      return;
    }
    out.add(depth, 'try:').add(depth + 1, `print(${expression})${comment}`);
    out.add(depth, 'except CancelledError:').add(depth + 1, 'print("cancelled")');
  };
  switch (spec.mode) {
    case 'submit':
      out.add(2, `futures = [executor.submit(${spec.fn}, i) for i in ${inputs}]`, '');
      if (timeout !== null)
        out.add(2, `deadline = time.monotonic() + ${timeout}  # the timeout, for all the results`);
      out.add(2, loop('futures', 'f'));
      print(
        3,
        timeout === null ? 'f.result()' : 'f.result(timeout=deadline - time.monotonic())',
        '  # Wait for the result',
      );
      shutdownAfter(3);
      return;
    case 'map': {
      const extra = [
        timeout === null ? '' : `timeout=${timeout}`,
        spec.chunksize > 1 ? `chunksize=${spec.chunksize}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const depth = s.cancelFutures ? 3 : 2;
      if (s.cancelFutures) out.add(2, 'try:');
      out.add(depth, loop(`executor.map(${spec.fn}, ${inputs}${extra ? `, ${extra}` : ''})`, 'result'));
      out.add(depth + 1, 'print(result)  # results come in input order');
      shutdownAfter(depth + 1);
      if (s.cancelFutures) {
        out
          .add(2, 'except CancelledError:')
          .add(3, 'print("CancelledError: the remaining results were cancelled")');
      }
      return;
    }
    case 'as_completed':
      out.add(2, `futures = [executor.submit(${spec.fn}, i) for i in ${inputs}]`, '');
      if (s.cancelFutures) {
        out.add(
          2,
          '# CPython keeps waiting for a future cancelled by shutdown() until the timeout;',
          '# this pool hands it back at once (see the pool README).',
        );
      }
      out.add(2, loop(`as_completed(futures${timeout === null ? '' : `, timeout=${timeout}`})`, 'f'));
      print(3, '"Result:", f.result()', '');
      shutdownAfter(3);
      return;
    case 'serial':
      return;
  }
}

/** initargs as a Python tuple: `("hello",)`, `(1, 2)`, or tuple(...) of anything else. */
function pythonTuple(text: string): string {
  const node = tree(text, '[]');
  if (!node) return '()  # the initializer arguments do not parse yet';
  if (node.kind === 'list' && node.items.every((item) => !item.spread)) {
    const items = node.items.map((item) => inputsAsPython(item.node, false));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  return `tuple(${inputsAsPython(node)})`;
}
