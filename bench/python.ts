/**
 * The CPython side: runs reference/py_pool.py (CPython's own
 * ProcessPoolExecutor, default context) once per workload and reads its JSON
 * line. `PYTHON` overrides the interpreter (default `python3`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchConfig, FigureSet } from './config';

const SCRIPT = fileURLToPath(new URL('./reference/py_pool.py', import.meta.url));
const WORKLOAD_TIMEOUT_MS = 120_000;

export interface PythonInfo {
  python: string;
  implementation: string;
  start_method: string;
  cpus: number;
}

export function pythonExecutable(): string {
  return process.env.PYTHON || 'python3';
}

/** The interpreter's facts, or the reason it cannot be used. */
export function probePython(): { info: PythonInfo } | { missing: string } {
  const exe = pythonExecutable();
  const res = spawnSync(exe, [SCRIPT, '--info'], { encoding: 'utf8', timeout: 30_000 });
  if (res.error) return { missing: `${exe}: ${res.error.message}` };
  if (res.status !== 0) return { missing: `${exe} exited with ${res.status}: ${res.stderr.trim()}` };
  try {
    return { info: JSON.parse(res.stdout.trim()) as PythonInfo };
  } catch {
    return { missing: `${exe} printed no facts: ${res.stdout.trim()}` };
  }
}

function flags(cfg: BenchConfig): string[] {
  return [
    `--min-rep-ms=${cfg.minRepMs}`,
    `--cold-reps=${cfg.coldReps}`,
    `--reps=${cfg.reps}`,
    `--slow-reps=${cfg.slowReps}`,
    `--dispatch-seq-n=${cfg.dispatchSeqN}`,
    `--dispatch-all-n=${cfg.dispatchAllN}`,
    `--map-sizes=${cfg.mapSizes.map(([c, n]) => `${c}:${n}`).join(',')}`,
    `--cpu-tasks=${cfg.cpuTasks}`,
    `--cpu-task-s=${cfg.cpuTaskS}`,
    `--ac-n=${cfg.acN}`,
    `--ac-sleep-max-ms=${cfg.acSleepMaxMs}`,
    `--seed=${cfg.seed}`,
  ];
}

/** Run one workload in a fresh interpreter; resolves with its figures. */
export function runPythonWorkload(workload: string, cfg: BenchConfig): Promise<FigureSet> {
  return new Promise((resolve, reject) => {
    const child = spawn(pythonExecutable(), [SCRIPT, `--only=${workload}`, ...flags(cfg)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: WORKLOAD_TIMEOUT_MS,
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) {
        reject(new Error(`py_pool.py ${workload} failed (code ${code}, signal ${signal}): ${out.trim()}`));
        return;
      }
      const { system: _system, workload: _workload, ...figures } = JSON.parse(line) as FigureSet;
      resolve(figures);
    });
  });
}
