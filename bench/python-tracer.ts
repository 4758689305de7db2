/**
 * `node --import tsx bench/python-tracer.ts [--reps N]`
 *
 * What the Python tracer costs per task: reference/tracer_overhead.py runs as
 * a user's program through the Python runner, traced (events streamed live to
 * this process, validated and ordered as in the app) and untraced, alternating,
 * `reps` times each, in one invocation. Prints µs per task (median and range)
 * for one-at-a-time submit+result and for submit-all, on CPython's
 * ProcessPoolExecutor and ThreadPoolExecutor, the difference, and the target.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { describePython, findPython, runPython, type PythonInterpreter } from '../electron/node/python';
import { median, round } from './stats';

export const TRACER_TARGET_US = 50;
const BUSY_LOAD = 0.5;
const WORKLOAD = fileURLToPath(new URL('./reference/tracer_overhead.py', import.meta.url));

type Kind = 'process' | 'thread';
type Pattern = 'oneAtATime' | 'submitAll';
type Sample = Record<Kind, Record<Pattern, number>>;

export interface TracerBenchOptions {
  reps: number;
  oneAtATime: number;
  submitAll: number;
}

export const DEFAULT_TRACER_BENCH: TracerBenchOptions = { reps: 5, oneAtATime: 500, submitAll: 2000 };

async function sample(python: PythonInterpreter, source: string, trace: boolean): Promise<Sample> {
  let printed = '';
  const run = runPython({
    python,
    source,
    trace,
    onEvent: (event) => {
      if ((event.type === 'output' || event.type === 'raw-output') && event.stream === 'stdout')
        printed += event.text;
    },
  });
  const result = await run.finished;
  const line = printed.split('\n').find((l) => l.startsWith('{'));
  if (result.outcome !== 'ok' || !line)
    throw new Error(`the workload failed (${trace ? 'traced' : 'untraced'}): ${result.message ?? printed}`);
  return JSON.parse(line) as Sample;
}

export interface TracerBenchFigures {
  python: string;
  reps: number;
  /** µs per task, every repetition. */
  untraced: Sample[];
  traced: Sample[];
}

export async function benchPythonTracer(
  python: PythonInterpreter,
  options: TracerBenchOptions = DEFAULT_TRACER_BENCH,
): Promise<TracerBenchFigures> {
  const source = readFileSync(WORKLOAD, 'utf8')
    .replace('{one_at_a_time}', String(options.oneAtATime))
    .replace('{submit_all}', String(options.submitAll));
  const figures: TracerBenchFigures = {
    python: describePython(python),
    reps: options.reps,
    untraced: [],
    traced: [],
  };
  for (let rep = 0; rep < options.reps; rep++) {
    // Alternate, so a change in the machine's load falls on both sides alike.
    figures.untraced.push(await sample(python, source, false));
    figures.traced.push(await sample(python, source, true));
  }
  return figures;
}

const spread = (xs: number[]): string =>
  `${round(median(xs), 1)} (${round(Math.min(...xs), 1)}–${round(Math.max(...xs), 1)})`;

export function renderTracerReport(figures: TracerBenchFigures): string[] {
  const lines: string[] = [];
  const rows: [Kind, Pattern, string][] = [
    ['process', 'oneAtATime', 'ProcessPoolExecutor, submit+result one at a time'],
    ['process', 'submitAll', 'ProcessPoolExecutor, submit all, then results'],
    ['thread', 'oneAtATime', 'ThreadPoolExecutor, submit+result one at a time'],
    ['thread', 'submitAll', 'ThreadPoolExecutor, submit all, then results'],
  ];
  lines.push(
    `${'µs per task, median (min–max) of ' + figures.reps}`.padEnd(52) +
      'untraced'.padEnd(22) +
      'traced'.padEnd(22) +
      'added',
  );
  let worst = 0;
  for (const [kind, pattern, label] of rows) {
    const plain = figures.untraced.map((s) => s[kind][pattern]);
    const traced = figures.traced.map((s) => s[kind][pattern]);
    const added = median(traced) - median(plain);
    worst = Math.max(worst, added);
    lines.push(
      label.padEnd(52) +
        spread(plain).padEnd(22) +
        spread(traced).padEnd(22) +
        `${added >= 0 ? '+' : ''}${round(added, 1)} µs`,
    );
  }
  const verdict = worst <= TRACER_TARGET_US ? 'met' : 'NOT met';
  lines.push(
    `target: the tracer adds at most ${TRACER_TARGET_US} µs per task — ${verdict} (worst: +${round(worst, 1)} µs)`,
  );
  return lines;
}

function machineLine(): string {
  const load = os.loadavg().map((x) => round(x, 2));
  const busy = load[0]! >= BUSY_LOAD ? 'busy: others are using this machine' : 'quiet';
  return `${os.cpus().length} CPUs, load average ${load.join(' ')} (${busy})`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const repsAt = argv.indexOf('--reps');
  const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : DEFAULT_TRACER_BENCH.reps;
  if (!Number.isInteger(reps) || reps < 3) throw new Error('--reps needs a whole number, at least 3');
  const found = await findPython(process.env.PYTHON || undefined);
  if (!found.ok) {
    console.log(`Python tracer overhead: skipped. ${found.message}`);
    return;
  }
  console.log(
    `Python tracer overhead — ${describePython(found.python)}, ${found.python.defaultStartMethod} start method`,
  );
  console.log(`before: ${machineLine()}`);
  const figures = await benchPythonTracer(found.python, { ...DEFAULT_TRACER_BENCH, reps });
  for (const line of renderTracerReport(figures)) console.log(line);
  console.log(`after: ${machineLine()}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
