/**
 * `npm run bench [-- --only dispatch,map] [-- --no-python]`
 *
 * Runs our ProcessPoolExecutor (electron/pool, public API only) and CPython's
 * (reference/py_pool.py, when `python3` is present) on the same workloads,
 * one workload at a time, ours first; prints machine facts, every figure, the
 * ratio ours / CPython and the targets; writes the raw figures to
 * bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchAsCompleted } from './as-completed';
import { type BenchConfig, DEFAULT_CONFIG, type FigureSet } from './config';
import { benchCold } from './cold';
import { benchCpu } from './cpu';
import { benchDispatch } from './dispatch';
import { benchMap } from './map';
import { probePython, pythonExecutable, type PythonInfo, runPythonWorkload } from './python';
import { evaluateTargets, type Figures, renderReport, type Workload, WORKLOADS } from './report';

const OURS: Record<Workload, (cfg: BenchConfig) => Promise<FigureSet>> = {
  cold: benchCold,
  dispatch: benchDispatch,
  map: benchMap,
  cpu: benchCpu,
  as_completed: benchAsCompleted,
};

/** A 1-minute load average at or above this before we start means someone else is busy here. */
const BUSY_LOAD = 0.5;

const USAGE = `usage: npm run bench [-- --only ${WORKLOADS.join(',')}] [-- --no-python]`;

interface Args {
  only: Workload[];
  python: boolean;
}

function parseArgs(argv: string[]): Args {
  let only: Workload[] = [...WORKLOADS];
  let python = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--no-python') {
      python = false;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) fail('--only needs a comma-separated list of workloads');
      const names = value
        .split(',')
        .map((s) => s.trim().replace(/-/g, '_'))
        .filter(Boolean);
      const unknown = names.filter((n) => !(WORKLOADS as readonly string[]).includes(n));
      if (unknown.length > 0) fail(`unknown workload(s) ${unknown.join(', ')}; have ${WORKLOADS.join(', ')}`);
      // Keep the canonical order whatever order they were given in.
      only = WORKLOADS.filter((w) => names.includes(w));
    } else {
      fail(`unknown argument ${arg}`);
    }
  }
  return { only, python };
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

interface MachineFacts {
  platform: string;
  cpus: number;
  available_parallelism: number;
  cpu_model: string;
  mem_gb: number;
  loadavg: number[];
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
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    python: py ? `${py.implementation} ${py.python}` : null,
    python_executable: py ? pythonExecutable() : null,
    python_start_method: py?.start_method ?? null,
    python_missing: pyMissing,
    node_extra_ca_certs: process.env.NODE_EXTRA_CA_CERTS ?? null,
  };
}

function printMachine(m: MachineFacts): void {
  const load = m.loadavg.join(' ');
  console.log(
    `machine: ${m.platform}, ${m.cpus} cpus (availableParallelism ${m.available_parallelism}), ` +
      `${m.cpu_model}, ${m.mem_gb} GB RAM, load average ${load}`,
  );
  console.log(`node:    ${m.node}`);
  console.log(
    m.python
      ? `python:  ${m.python} (${m.python_executable}, ProcessPoolExecutor default context = ${m.python_start_method})`
      : `python:  skipped — ${m.python_missing}`,
  );
  if (m.loadavg[0]! >= BUSY_LOAD) {
    console.log(
      `warning: load average ${load} before the first workload: other processes are using this ` +
        `${m.cpus}-cpu machine, expect noisy figures (the CPU speedup most of all)`,
    );
  }
  console.log(
    m.node_extra_ca_certs
      ? `env:     NODE_EXTRA_CA_CERTS=${m.node_extra_ca_certs} is set: every Node process, each of our ` +
          'workers included, starts slower; cold start is also measured without it'
      : 'env:     NODE_EXTRA_CA_CERTS is not set',
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cfg = DEFAULT_CONFIG;
  const started = performance.now();

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
  printMachine(machine);
  console.log(`workloads: ${args.only.join(', ')}\n`);

  const ours: Figures = {};
  const cpython: Figures | null = pyInfo ? {} : null;
  const errors: string[] = [];
  const seconds: Record<string, number> = {};
  for (const workload of args.only) {
    let t = performance.now();
    try {
      ours[workload] = await OURS[workload](cfg);
    } catch (error) {
      errors.push(
        `ours/${workload}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    seconds[`ours_${workload}`] = Math.round(performance.now() - t) / 1000;
    if (cpython) {
      t = performance.now();
      try {
        cpython[workload] = await runPythonWorkload(workload, cfg);
      } catch (error) {
        errors.push(`cpython/${workload}: ${error instanceof Error ? error.message : String(error)}`);
      }
      seconds[`cpython_${workload}`] = Math.round(performance.now() - t) / 1000;
    }
  }

  const totalS = Math.round(performance.now() - started) / 1000;
  console.log('');
  console.log(renderReport({ ours, cpython, cpythonMissing: pyMissing ?? undefined }));
  console.log(
    `\nwall time per workload (s): ${Object.entries(seconds)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; total ${totalS} s; load average now ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = `${dir}latest.json`;
  const targets = evaluateTargets(ours, cpython).map((r) => ({
    id: r.target.id,
    label: r.target.label,
    value: r.value,
    verdict: r.verdict,
    ...(r.note ? { note: r.note } : {}),
  }));
  writeFileSync(
    file,
    JSON.stringify(
      { date: new Date().toISOString(), machine, config: cfg, ours, cpython, targets, seconds, errors },
      null,
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
