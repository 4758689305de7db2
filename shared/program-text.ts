/**
 * The "equivalent program" view: the driver code a run corresponds to, in
 * TypeScript (this app's pool) and in Python (the seed's style). Both print
 * what the run's terminal shows.
 */
import type { RunSpec } from './run-spec';

type DriverSpec = Omit<RunSpec, 'code' | 'python'>;

function pyNumber(sec: number): string {
  return Number.isInteger(sec) ? `${sec}` : `${sec}`;
}

/** Inputs as the program writes them: `range(5)` stays, Python-only literals become JS. */
function tsInputs(inputs: string): string {
  const trimmed = inputs.trim();
  const range = /^range\(([^)]*)\)$/.exec(trimmed);
  if (range) return `range(${range[1]})`;
  return trimmed
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null');
}

function pyInputs(inputs: string): string {
  return inputs
    .trim()
    .replace(/\btrue\b/g, 'True')
    .replace(/\bfalse\b/g, 'False')
    .replace(/\b(null|undefined)\b/g, 'None')
    .replace(/\[\.\.\.(range\([^)]*\))\]/g, 'list($1)');
}

export function typescriptProgram(spec: DriverSpec): string {
  const options = [`taskModule: './tasks.ts'`];
  if (spec.mode !== 'serial') options.push(`maxWorkers: ${spec.maxWorkers}`);
  if (spec.initializer)
    options.push(`initializer: ${spec.initializer}`, `initargs: ${spec.initargs.trim() || '[]'}`);
  if (spec.maxTasksPerChild !== null) options.push(`maxTasksPerChild: ${spec.maxTasksPerChild}`);
  const timeout = spec.timeoutSec === null ? '' : `{ timeoutMs: ${spec.timeoutSec * 1000} }`;
  const imports = [spec.fn, spec.initializer].filter(Boolean).join(', ');
  const usesRange = /range\(/.test(spec.inputs);
  const head = [
    `import { ProcessPoolExecutor${spec.mode === 'as_completed' ? ', asCompleted' : ''} } from './pool';`,
    `import { ${imports} } from './tasks';`,
    ...(usesRange ? [`import { range } from './range'; // Python's range(): 0, 1, … n-1`] : []),
    '',
    `const inputs = ${tsInputs(spec.inputs)};`,
    '',
  ];
  if (spec.mode === 'serial') {
    return [
      ...head.filter((l) => !l.includes('ProcessPoolExecutor')),
      '// The baseline: one call after another, in this one process.',
      `for (const x of inputs) {`,
      `  console.log(${spec.fn}(x));`,
      `}`,
      '',
    ].join('\n');
  }
  const pool = [`await using executor = new ProcessPoolExecutor({ ${options.join(', ')} });`];
  switch (spec.mode) {
    case 'submit':
      return [
        ...head,
        ...pool,
        `const futures = inputs.map((x) => executor.submit(${spec.fn}, x));`,
        `for (const f of futures) {`,
        `  console.log(await f.result(${timeout})); // wait for the result`,
        `}`,
        '',
      ].join('\n');
    case 'map': {
      const mapOptions = [
        spec.chunksize > 1 ? `chunksize: ${spec.chunksize}` : '',
        spec.timeoutSec === null ? '' : `timeoutMs: ${spec.timeoutSec * 1000}`,
      ]
        .filter(Boolean)
        .join(', ');
      return [
        ...head,
        ...pool,
        `for await (const result of executor.map(${spec.fn}, inputs${mapOptions ? `, { ${mapOptions} }` : ''})) {`,
        `  console.log(result); // results come in input order`,
        `}`,
        '',
      ].join('\n');
    }
    case 'as_completed':
      return [
        ...head,
        ...pool,
        `const futures = inputs.map((x) => executor.submit(${spec.fn}, x));`,
        `for await (const f of asCompleted(futures${timeout ? `, ${timeout}` : ''})) {`,
        `  console.log('Result:', await f.result()); // in completion order`,
        `}`,
        '',
      ].join('\n');
  }
}

export function pythonProgram(spec: DriverSpec): string {
  const args = [`max_workers=${spec.maxWorkers}`];
  // How CPython starts the workers, when not its default (fork, spawn, forkserver).
  if (spec.startMethod) args.push(`mp_context=multiprocessing.get_context("${spec.startMethod}")`);
  if (spec.initializer)
    args.push(`initializer=${spec.initializer}`, `initargs=tuple(${pyInputs(spec.initargs || '[]')})`);
  if (spec.maxTasksPerChild !== null) args.push(`max_tasks_per_child=${spec.maxTasksPerChild}`);
  const timeout = spec.timeoutSec === null ? '' : `timeout=${pyNumber(spec.timeoutSec)}`;
  const imports = [spec.fn, spec.initializer].filter(Boolean).join(', ');
  const head = [
    ...(spec.startMethod ? ['import multiprocessing'] : []),
    `from concurrent.futures import ProcessPoolExecutor${spec.mode === 'as_completed' ? ', as_completed' : ''}`,
    `from tasks import ${imports}`,
    '',
    'if __name__ == "__main__":',
  ];
  const inputs = pyInputs(spec.inputs);
  if (spec.mode === 'serial') {
    return [
      `from tasks import ${spec.fn}`,
      '',
      'if __name__ == "__main__":',
      `    # The baseline: the built-in map(), one call after another in this process.`,
      `    for result in map(${spec.fn}, ${inputs}):`,
      `        print(result)`,
      '',
    ].join('\n');
  }
  const pool = `    with ProcessPoolExecutor(${args.join(', ')}) as executor:`;
  switch (spec.mode) {
    case 'submit':
      return [
        ...head,
        pool,
        `        futures = [executor.submit(${spec.fn}, i) for i in ${inputs}]`,
        '',
        `        for f in futures:`,
        `            print(f.result(${timeout}))  # Wait for the result`,
        '',
      ].join('\n');
    case 'map': {
      const extra = [spec.chunksize > 1 ? `chunksize=${spec.chunksize}` : '', timeout]
        .filter(Boolean)
        .join(', ');
      return [
        ...head,
        pool,
        `        for result in executor.map(${spec.fn}, ${inputs}${extra ? `, ${extra}` : ''}):`,
        `            print(result)  # results come in input order`,
        '',
      ].join('\n');
    }
    case 'as_completed':
      return [
        ...head,
        pool,
        `        futures = [executor.submit(${spec.fn}, i) for i in ${inputs}]`,
        '',
        `        for f in as_completed(futures${timeout ? `, ${timeout}` : ''}):`,
        `            print("Result:", f.result())`,
        '',
      ].join('\n');
  }
}
