/**
 * `npm run bench [-- --only dispatch,map] [-- --no-python] [-- --no-peers] [-- --no-tracer] [-- --reps 3]`
 *
 * Runs our ProcessPoolExecutor (electron/pool, public API only), the Node
 * peers workerpool and tinypool (child-process mode) and CPython's
 * ProcessPoolExecutor (reference/py_pool.py, when `python3` is present) on the
 * same workloads, one workload at a time: the Node systems take turns within
 * every repetition, then CPython runs its repetitions. Prints machine facts
 * and the load average before and after, every figure as the median with its
 * spread, our ratio against each peer and the targets; writes the raw figures
 * to bench/results/latest.json. Last, what the Python tracer of program mode
 * adds per task to CPython's own pool (python-tracer.ts), traced and untraced
 * in turns. A benchmark, not a test: a missed target is
 * reported, never an exit status.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAsCompleted } from './as-completed';
import { type BenchConfig, DEFAULT_CONFIG } from './config';
import { benchCold } from './cold';
import { benchCpu } from './cpu';
import { benchDispatch } from './dispatch';
import { benchMap } from './map';
import type { NodeFigures } from './measure';
import { OURS } from './ours';
import { PEERS } from './peers';
import { probePython, pythonExecutable, type PythonInfo, runPythonWorkload } from './python';
import {
  benchPythonTracer,
  DEFAULT_TRACER_BENCH,
  renderTracerReport,
  type TracerBenchFigures,
} from './python-tracer';
import { findPython } from '../electron/node/python';
import { renderReport } from './report';
import type { BenchSystem } from './systems';
import { evaluateTargets, type Results, type SystemId, type Workload, WORKLOADS } from './targets';

const NODE_WORKLOADS: Record<
  Workload,
  (cfg: BenchConfig, systems: readonly BenchSystem[]) => Promise<NodeFigures>
> = {
  cold: benchCold,
  dispatch: benchDispatch,
  map: benchMap,
  cpu: benchCpu,
  as_completed: benchAsCompleted,
};

/** A 1-minute load average at or above this before we start means someone else is busy here. */
const BUSY_LOAD = 0.5;

const USAGE =
  `usage: npm run bench [-- --only ${WORKLOADS.join(',')}] [-- --no-python] [-- --no-peers] ` +
  '[-- --no-tracer] [-- --reps N]';

interface Args {
  only: Workload[];
  python: boolean;
  peers: boolean;
  /** Measure the Python tracer's cost per task (needs python3). */
  tracer: boolean;
  /** Overrides every repetition count (at least 3 gives a median and a spread). */
  reps: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: [...WORKLOADS], python: true, peers: true, tracer: true, reps: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (!v) fail(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--no-python') {
      args.python = false;
    } else if (flag === '--no-tracer') {
      args.tracer = false;
    } else if (flag === '--no-peers') {
      args.peers = false;
    } else if (flag === '--reps') {
      const reps = Number(value());
      if (!Number.isInteger(reps) || reps < 1) fail('--reps needs a whole number >= 1');
      args.reps = reps;
    } else if (flag === '--only') {
      const names = value()
        .split(',')
        .map((s) => s.trim().replace(/-/g, '_'))
        .filter(Boolean);
      const unknown = names.filter((n) => !(WORKLOADS as readonly string[]).includes(n));
      if (unknown.length > 0) fail(`unknown workload(s) ${unknown.join(', ')}; have ${WORKLOADS.join(', ')}`);
      // Keep the canonical order whatever order they were given in.
      args.only = WORKLOADS.filter((w) => names.includes(w));
    } else {
      fail(`unknown argument ${arg}`);
    }
  }
  return args;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

function loadAverage(): number[] {
  return os.loadavg().map((x) => Math.round(x * 100) / 100);
}

interface MachineFacts {
  platform: string;
  cpus: number;
  available_parallelism: number;
  cpu_model: string;
  mem_gb: number;
  loadavg_start: number[];
  node: string;
  python: string | null;
  python_executable: string | null;
  python_start_method: string | null;
  python_missing: string | null;
  node_extra_ca_certs: string | null;
}

function machineFacts(py: PythonInfo | null, pyMissing: string | null): MachineFacts {
  const cpus = os.cpus();
  return {
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    available_parallelism: os.availableParallelism(),
    cpu_model: cpus[0]?.model ?? 'unknown',
    mem_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadavg_start: loadAverage(),
    node: process.version,
    python: py ? `${py.implementation} ${py.python}` : null,
    python_executable: py ? pythonExecutable() : null,
    python_start_method: py?.start_method ?? null,
    python_missing: pyMissing,
    node_extra_ca_certs: process.env.NODE_EXTRA_CA_CERTS ?? null,
  };
}

function printMachine(m: MachineFacts, systems: readonly BenchSystem[], cfg: BenchConfig): void {
  const load = m.loadavg_start.join(' ');
  console.log(
    `machine: ${m.platform}, ${m.cpus} cpus (availableParallelism ${m.available_parallelism}), ` +
      `${m.cpu_model}, ${m.mem_gb} GB RAM`,
  );
  console.log(`load average at start: ${load} (1, 5, 15 min)`);
  if (m.loadavg_start[0]! >= BUSY_LOAD) {
    console.log(
      `warning: other processes are using this ${m.cpus}-cpu machine: expect noisy figures ` +
        '(the CPU speedup most of all); the systems take turns, so ratios suffer less than figures',
    );
  }
  console.log('systems (each with its own serialization of arguments and results):');
  for (const s of systems) {
    console.log(`  ${s.id.padEnd(10)} ${s.version.padEnd(7)} ${s.serialization}; ${s.config}`);
  }
  console.log(
    m.python
      ? `  ${'CPython'.padEnd(10)} ${m.python.split(' ').pop()!.padEnd(7)} pickle over multiprocessing pipes; ` +
          `ProcessPoolExecutor, default context = ${m.python_start_method} (${m.python_executable})`
      : `  CPython    skipped — ${m.python_missing}`,
  );
  console.log(`node:    ${m.node}`);
  console.log(
    m.node_extra_ca_certs
      ? `env:     NODE_EXTRA_CA_CERTS=${m.node_extra_ca_certs} is set: every Node process, each of the ` +
          'workers included, starts slower; cold start is also measured without it'
      : 'env:     NODE_EXTRA_CA_CERTS is not set',
  );
  console.log(
    `repetitions: ${cfg.reps} of dispatch and map, ${cfg.slowReps} of cpu and as_completed, each ` +
      `lasting at least ${cfg.minRepMs} ms (a rep repeats its pass until then); ${cfg.coldReps} cold ` +
      'starts, one start each',
  );
}

/** Numbers rounded for the JSON file (6 significant digits is plenty for a timing). */
function roundForJson(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)
    ? Number(value.toPrecision(6))
    : value;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cfg: BenchConfig =
    args.reps === null ? DEFAULT_CONFIG : { ...DEFAULT_CONFIG, reps: args.reps, slowReps: args.reps };
  const started = performance.now();
  const systems: BenchSystem[] = [OURS, ...(args.peers ? PEERS : [])];

  let pyInfo: PythonInfo | null = null;
  let pyMissing: string | null = null;
  if (args.python) {
    const probe = probePython();
    if ('info' in probe) pyInfo = probe.info;
    else pyMissing = `${probe.missing} (install python3 or set PYTHON=... to compare with CPython)`;
  } else {
    pyMissing = '--no-python';
  }
  const machine = machineFacts(pyInfo, pyMissing);
  printMachine(machine, systems, cfg);
  console.log(`workloads: ${args.only.join(', ')}\n`);

  const results: Results = {};
  for (const s of systems) results[s.id] = {};
  if (pyInfo) results.cpython = {};
  const errors: string[] = [];
  const seconds: Record<string, number> = {};
  for (const workload of args.only) {
    let t = performance.now();
    try {
      const figures = await NODE_WORKLOADS[workload](cfg, systems);
      for (const s of systems) if (figures[s.id]) results[s.id]![workload] = figures[s.id];
    } catch (error) {
      errors.push(
        `node/${workload}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    seconds[`node_${workload}`] = Math.round(performance.now() - t) / 1000;
    if (results.cpython) {
      t = performance.now();
      try {
        results.cpython[workload] = await runPythonWorkload(workload, cfg);
      } catch (error) {
        errors.push(`cpython/${workload}: ${error instanceof Error ? error.message : String(error)}`);
      }
      seconds[`cpython_${workload}`] = Math.round(performance.now() - t) / 1000;
    }
  }

  let tracer: TracerBenchFigures | null = null;
  if (args.python && args.tracer) {
    const t = performance.now();
    const found = await findPython(process.env.PYTHON || undefined);
    if (found.ok) {
      try {
        tracer = await benchPythonTracer(found.python, {
          ...DEFAULT_TRACER_BENCH,
          reps: Math.max(3, args.reps ?? DEFAULT_TRACER_BENCH.reps),
        });
      } catch (error) {
        errors.push(`python tracer: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      errors.push(`python tracer: ${found.message}`);
    }
    seconds.python_tracer = Math.round(performance.now() - t) / 1000;
  }

  const missing: Partial<Record<SystemId, string>> = {};
  if (!args.peers) missing.workerpool = missing.tinypool = '--no-peers';
  if (pyMissing) missing.cpython = pyMissing;
  const totalS = Math.round(performance.now() - started) / 1000;
  const loadEnd = loadAverage();
  console.log('');
  console.log(renderReport({ results, missing }));
  if (tracer) {
    console.log(`\nPython tracer (program mode) — ${tracer.python}`);
    for (const line of renderTracerReport(tracer)) console.log(line);
  }
  console.log(
    `\nwall time per workload (s): ${Object.entries(seconds)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; total ${totalS} s`,
  );
  console.log(`load average at start ${machine.loadavg_start.join(' ')}, at end ${loadEnd.join(' ')}`);

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}latest.json`;
  const targets = evaluateTargets(results).map((r) => ({
    id: r.target.id,
    label: r.target.label,
    value: r.value,
    limit: r.limit,
    verdict: r.verdict,
    straddles: r.straddles,
    ...(r.note ? { note: r.note } : {}),
  }));
  const systemsInfo = systems.map(({ id, version, serialization, config }) => ({
    id,
    version,
    serialization,
    config,
  }));
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { ...machine, loadavg_end: loadEnd },
        systems: systemsInfo,
        config: cfg,
        results,
        targets,
        tracer,
        seconds,
        errors,
      },
      roundForJson,
      2,
    ) + '\n',
  );
  console.log(`raw figures: ${file}`);

  if (errors.length > 0) {
    console.error(`\n${errors.length} workload(s) failed:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
