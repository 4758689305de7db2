/**
 * Turns the two figure sets (ours, CPython's) into the printed table: every
 * figure, the ratio ours / CPython, and pass/fail marks against the targets.
 * Pure: no I/O, no clocks.
 */

export const WORKLOADS = ['cold', 'dispatch', 'map', 'cpu', 'as_completed'] as const;
export type Workload = (typeof WORKLOADS)[number];

/** One workload's record as measured (numbers, plus arrays and strings kept for the JSON file). */
export type WorkloadRecord = Readonly<Record<string, unknown>>;
export type Figures = Partial<Record<Workload, WorkloadRecord>>;

export interface Metric {
  workload: Workload;
  key: string;
  /** CPython's key when it differs (a variant only we measure, compared with CPython's plain figure). */
  pyKey?: string;
  label: string;
}

export const METRICS: readonly Metric[] = [
  { workload: 'cold', key: 'ms_first', label: 'fresh executor → first result, first rep (ms)' },
  { workload: 'cold', key: 'ms_median', label: 'fresh executor → first result, median (ms)' },
  {
    workload: 'cold',
    key: 'noca_ms_first',
    pyKey: 'ms_first',
    label: "  same, workers' env WITHOUT NODE_EXTRA_CA_CERTS, first (ms)",
  },
  {
    workload: 'cold',
    key: 'noca_ms_median',
    pyKey: 'ms_median',
    label: "  same, workers' env WITHOUT NODE_EXTRA_CA_CERTS, median (ms)",
  },
  { workload: 'cold', key: 'shutdown_ms_median', label: 'shutdown(wait) after it, median (ms)' },
  {
    workload: 'cold',
    key: 'warm_ms_first',
    label: 'worker already started & idle → first result, first (ms)',
  },
  {
    workload: 'cold',
    key: 'warm_ms_median',
    label: 'worker already started & idle → first result, median (ms)',
  },
  { workload: 'dispatch', key: 'seq_us_per_task', label: 'one submit + result at a time (µs/task)' },
  { workload: 'dispatch', key: 'us_per_task', label: 'submit all, then await all (µs/task)' },
  { workload: 'map', key: 'items_per_s_c1', label: 'chunksize 1 (items/s)' },
  { workload: 'map', key: 'items_per_s_c16', label: 'chunksize 16 (items/s)' },
  { workload: 'map', key: 'items_per_s_c256', label: 'chunksize 256 (items/s)' },
  { workload: 'cpu', key: 'primes_n', label: 'calibrated n of countPrimes(n)' },
  { workload: 'cpu', key: 'task_s_serial_mean', label: 'one task, serial in-process (s)' },
  { workload: 'cpu', key: 'serial_s', label: 'all tasks serial in-process (s)' },
  { workload: 'cpu', key: 'pool1_s', label: 'pool, 1 worker (s)' },
  { workload: 'cpu', key: 'pool2_s', label: 'pool, 2 workers (s)' },
  { workload: 'cpu', key: 'speedup1', label: 'speedup, 1 worker over serial (×)' },
  { workload: 'cpu', key: 'speedup2', label: 'speedup, 2 workers over serial (×)' },
  { workload: 'cpu', key: 'pool2_task_s_mean', label: 'one task inside a worker, 2 workers (s)' },
  { workload: 'cpu', key: 'pool2_tasks_per_worker', label: 'tasks run by each worker, 2 workers' },
  { workload: 'as_completed', key: 'delay_ms_mean', label: 'delivery delay, mean (ms)' },
  { workload: 'as_completed', key: 'delay_ms_median', label: 'delivery delay, median (ms)' },
  { workload: 'as_completed', key: 'delay_ms_p95', label: 'delivery delay, p95 (ms)' },
  { workload: 'as_completed', key: 'delay_ms_max', label: 'delivery delay, max (ms)' },
  {
    workload: 'as_completed',
    key: 'floor_delay_ms_mean',
    label: '  floor: bare fork children, same schedule, mean (ms)',
  },
  {
    workload: 'as_completed',
    key: 'floor_delay_ms_median',
    label: '  floor: bare fork children, same schedule, median (ms)',
  },
  { workload: 'as_completed', key: 'wall_s', label: 'wall time (s)' },
  { workload: 'as_completed', key: 'ideal_wall_s', label: 'ideal wall time, sum of sleeps / 2 (s)' },
];

export const SECTION_TITLES: Record<Workload, string> = {
  cold: 'cold start, max_workers=2',
  dispatch: 'dispatch, 2 warmed workers, no-op tasks',
  map: 'map(noop) over N items, 2 warmed workers',
  cpu: 'CPU-bound: count primes by trial division, ~0.5 s per task',
  as_completed: 'as_completed: tasks sleep a seeded-random 0-20 ms, 2 workers',
};

export interface Target {
  id: string;
  workload: Workload;
  key: string;
  /** `ratio`: ours / CPython against the limit; `absolute`: our own figure against it. */
  kind: 'ratio' | 'absolute';
  op: '<=' | '>=';
  limit: number;
  label: string;
}

export const TARGETS: readonly Target[] = [
  {
    id: 'dispatch-seq',
    workload: 'dispatch',
    key: 'seq_us_per_task',
    kind: 'ratio',
    op: '<=',
    limit: 0.5,
    label: 'one-at-a-time µs/task ≤ 0.5× CPython',
  },
  {
    id: 'dispatch-all',
    workload: 'dispatch',
    key: 'us_per_task',
    kind: 'ratio',
    op: '<=',
    limit: 0.6,
    label: 'submit-all µs/task ≤ 0.6× CPython',
  },
  {
    id: 'map-c1',
    workload: 'map',
    key: 'items_per_s_c1',
    kind: 'ratio',
    op: '>=',
    limit: 2,
    label: 'map chunksize 1 items/s ≥ 2× CPython',
  },
  {
    id: 'map-c256',
    workload: 'map',
    key: 'items_per_s_c256',
    kind: 'ratio',
    op: '>=',
    limit: 1.5,
    label: 'map chunksize 256 items/s ≥ 1.5× CPython',
  },
  {
    id: 'cpu-speedup2',
    workload: 'cpu',
    key: 'speedup2',
    kind: 'absolute',
    op: '>=',
    limit: 1.95,
    label: '2 workers ≥ 1.95× faster than serial',
  },
  {
    id: 'as-completed-delay',
    workload: 'as_completed',
    key: 'delay_ms_mean',
    kind: 'absolute',
    op: '<=',
    limit: 0.1,
    label: 'as_completed delay ≤ 0.1 ms mean',
  },
];

export type Verdict = 'pass' | 'fail' | 'n/a';

export interface TargetResult {
  target: Target;
  /** The figure compared with the limit: a ratio or our own value. */
  value: number | null;
  verdict: Verdict;
  /** Why there is no verdict. */
  note?: string;
}

/** A finite number at `figures[workload][key]`, else undefined. */
export function figure(
  figures: Figures | null | undefined,
  workload: Workload,
  key: string,
): number | undefined {
  const value = figures?.[workload]?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** ours / CPython; null when either is missing or CPython's is 0. */
export function ratio(ours: number | undefined, cpython: number | undefined): number | null {
  if (ours === undefined || cpython === undefined || cpython === 0) return null;
  return ours / cpython;
}

export function meets(value: number, op: Target['op'], limit: number): boolean {
  return op === '<=' ? value <= limit : value >= limit;
}

export function evaluateTarget(target: Target, ours: Figures, cpython: Figures | null): TargetResult {
  const mine = figure(ours, target.workload, target.key);
  if (mine === undefined) return { target, value: null, verdict: 'n/a', note: 'workload not run' };
  let value: number | null = mine;
  if (target.kind === 'ratio') {
    if (!cpython) return { target, value: null, verdict: 'n/a', note: 'CPython not available' };
    value = ratio(mine, figure(cpython, target.workload, target.key));
    if (value === null) return { target, value: null, verdict: 'n/a', note: 'no CPython figure' };
  }
  return { target, value, verdict: meets(value, target.op, target.limit) ? 'pass' : 'fail' };
}

export function evaluateTargets(ours: Figures, cpython: Figures | null): TargetResult[] {
  return TARGETS.map((t) => evaluateTarget(t, ours, cpython));
}

/** A readable number: grouped thousands, about 3 significant digits below 10. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000)
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  if (abs === 0) return '0';
  return value.toPrecision(3).replace(/^(-?)0\./, '$10.');
}

export function formatRatio(value: number | null): string {
  if (value === null) return '—';
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}×`;
}

function formatCell(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value.join('+');
  if (typeof value === 'string') return value;
  return '—';
}

const MARK: Record<Verdict, string> = { pass: '✔ pass', fail: '✘ FAIL', 'n/a': '· n/a' };

function describeLimit(target: Target): string {
  const op = target.op === '<=' ? '≤' : '≥';
  return target.kind === 'ratio' ? `ratio ${op} ${target.limit}` : `${op} ${target.limit}`;
}

function table(rows: string[][], header: string[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Footnotes for figures that need one, only when those figures are present. */
export function reportNotes(ours: Figures, cpython: Figures | null): string[] {
  const notes: string[] = [];
  if (figure(ours, 'cold', 'ms_first') !== undefined) {
    notes.push(
      "ours' first cold rep includes the one-time esbuild bundle of the pool's worker entry " +
        '(the pool runs from its TypeScript sources here).',
    );
  }
  if (figure(ours, 'cold', 'noca_ms_median') !== undefined && cpython?.cold) {
    notes.push(
      "the WITHOUT NODE_EXTRA_CA_CERTS rows compare with CPython's ordinary cold figures (its forked " +
        'workers do not start a new interpreter, so that variable does not concern them).',
    );
  }
  for (const [side, figures] of [
    ['ours', ours],
    ['CPython', cpython],
  ] as const) {
    const serial = figure(figures, 'cpu', 'task_s_serial_mean');
    const inWorker = figure(figures, 'cpu', 'pool2_task_s_mean');
    if (serial !== undefined && inWorker !== undefined && inWorker > serial * HOST_SLOWDOWN) {
      notes.push(
        `${side}: with 2 workers one task took ${formatNumber(inWorker)} s inside its worker against ` +
          `${formatNumber(serial)} s serial: the host gave the two workers less than two full cores ` +
          'then, so that speedup measures the machine more than the pool.',
      );
    }
  }
  return notes;
}

/** In-worker CPU task time this much above the serial one means the cores were not all ours. */
export const HOST_SLOWDOWN = 1.15;

export interface ReportInput {
  ours: Figures;
  cpython: Figures | null;
  /** Why CPython has no column (shown instead of its figures). */
  cpythonMissing?: string;
}

/** The full printed report: one table of every figure, then the targets. */
export function renderReport({ ours, cpython, cpythonMissing }: ReportInput): string {
  const results = evaluateTargets(ours, cpython);
  const header = ['figure', 'ours', 'CPython', 'ours/CPython', 'target'];
  const rows: string[][] = [];
  for (const workload of WORKLOADS) {
    const metrics = METRICS.filter(
      (m) =>
        m.workload === workload &&
        (ours[workload]?.[m.key] !== undefined || (!m.pyKey && cpython?.[workload]?.[m.key] !== undefined)),
    );
    if (metrics.length === 0) continue;
    rows.push([`[${workload}] ${SECTION_TITLES[workload]}`, '', '', '', '']);
    for (const m of metrics) {
      const mine = ours[workload]?.[m.key];
      const theirs = cpython?.[workload]?.[m.pyKey ?? m.key];
      const r =
        typeof mine === 'number' && typeof theirs === 'number'
          ? formatRatio(ratio(mine, theirs))
          : Array.isArray(mine)
            ? ''
            : '—';
      const result = results.find((t) => t.target.workload === workload && t.target.key === m.key);
      const mark = result ? `${describeLimit(result.target)} ${MARK[result.verdict]}` : '';
      rows.push([`  ${m.label}`, formatCell(mine), formatCell(theirs), r, mark]);
    }
  }
  const out = table(rows, header);
  if (!cpython) out.push('', `CPython: not measured (${cpythonMissing ?? 'not available'})`);
  const notes = reportNotes(ours, cpython);
  if (notes.length > 0) out.push('', ...notes.map((n) => `note: ${n}`));
  out.push('', 'targets:');
  for (const r of results) {
    const value =
      r.value === null
        ? (r.note ?? '')
        : r.target.kind === 'ratio'
          ? `ours/CPython = ${formatRatio(r.value)}`
          : `ours = ${formatNumber(r.value)}`;
    out.push(`  ${MARK[r.verdict].padEnd(6)}  ${r.target.label.padEnd(42)} ${value}`);
  }
  const counted = results.filter((r) => r.verdict !== 'n/a');
  const passed = counted.filter((r) => r.verdict === 'pass').length;
  out.push(`  ${passed} of ${counted.length} evaluated targets pass`);
  return out.join('\n');
}
