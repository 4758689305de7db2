/**
 * Turns every system's figures into the printed report: one table with each
 * system's median and, under it, its spread (min–max over repetitions), our
 * ratio against each peer, then the targets. Pure: no I/O, no clocks.
 */
import { ratioSummary, type Summary, summarize } from './stats';
import {
  evaluateTargets,
  type Figures,
  PEER_IDS,
  type PeerId,
  type Results,
  SYSTEM_NAMES,
  SYSTEMS,
  type SystemId,
  type TargetResult,
  type Verdict,
  type Workload,
  WORKLOADS,
} from './targets';

export interface Metric {
  workload: Workload;
  key: string;
  /** The peers' key when it differs (a variant only we measure, compared with their plain figure). */
  peerKey?: string;
  /** Measured on our side only (the peers' columns stay empty). */
  oursOnly?: boolean;
  /** A setting or a shared baseline rather than a result: no ratios. */
  noRatio?: boolean;
  label: string;
}

export const METRICS: readonly Metric[] = [
  { workload: 'cold', key: 'ms_first', label: 'fresh pool → first result, first rep (ms)' },
  { workload: 'cold', key: 'ms', label: 'fresh pool → first result (ms)' },
  {
    workload: 'cold',
    key: 'noca_ms',
    peerKey: 'ms',
    label: "  same, workers' env w/o NODE_EXTRA_CA_CERTS (ms)",
  },
  { workload: 'cold', key: 'shutdown_ms', label: 'shutdown after it (ms)' },
  { workload: 'cold', key: 'warm_ms', label: 'idle, started worker → first result (ms)' },
  { workload: 'dispatch', key: 'seq_us_per_task', label: 'one submit + result at a time (µs/task)' },
  { workload: 'dispatch', key: 'us_per_task', label: 'submit all, then await all (µs/task)' },
  { workload: 'map', key: 'items_per_s_c1', label: 'chunksize 1 (items/s)' },
  { workload: 'map', key: 'items_per_s_c16', label: 'chunksize 16 (items/s)' },
  { workload: 'map', key: 'items_per_s_c256', label: 'chunksize 256 (items/s)' },
  { workload: 'cpu', key: 'primes_n', noRatio: true, label: 'calibrated n of countPrimes(n)' },
  { workload: 'cpu', key: 'task_s_serial_mean', noRatio: true, label: 'one task, serial in-process (s)' },
  { workload: 'cpu', key: 'serial_s', noRatio: true, label: 'all tasks serial in-process (s)' },
  { workload: 'cpu', key: 'pool1_s', label: 'pool, 1 worker (s)' },
  { workload: 'cpu', key: 'pool2_s', label: 'pool, 2 workers (s)' },
  { workload: 'cpu', key: 'speedup1', label: 'speedup, 1 worker over serial (×)' },
  { workload: 'cpu', key: 'speedup2', label: 'speedup, 2 workers over serial (×)' },
  { workload: 'cpu', key: 'pool2_task_s_mean', label: 'one task inside a worker, 2 workers (s)' },
  { workload: 'cpu', key: 'pool2_tasks_per_worker', label: 'tasks run by each worker, 2 workers' },
  { workload: 'as_completed', key: 'delay_ms_mean', label: 'delivery delay, mean (ms)' },
  {
    workload: 'as_completed',
    key: 'floor_delay_ms_mean',
    oursOnly: true,
    label: '  floor: 2 bare forked children, JSON IPC, mean (ms)',
  },
  {
    workload: 'as_completed',
    key: 'floor_adv_delay_ms_mean',
    oursOnly: true,
    label: "  floor: the same with 'advanced' IPC, mean (ms)",
  },
  { workload: 'as_completed', key: 'delay_ms_median', label: 'delivery delay, median (ms)' },
  {
    workload: 'as_completed',
    key: 'floor_delay_ms_median',
    oursOnly: true,
    label: '  floor: 2 bare forked children, JSON IPC, median (ms)',
  },
  { workload: 'as_completed', key: 'delay_ms_p95', label: 'delivery delay, p95 (ms)' },
  { workload: 'as_completed', key: 'delay_ms_max', label: 'delivery delay, max (ms)' },
  { workload: 'as_completed', key: 'wall_s', label: 'wall time (s)' },
  {
    workload: 'as_completed',
    key: 'ideal_wall_s',
    noRatio: true,
    label: 'ideal wall time, sum of sleeps / 2 (s)',
  },
];

export const SECTION_TITLES: Record<Workload, string> = {
  cold: 'cold start, at most 2 workers',
  dispatch: 'dispatch, 2 warmed workers, no-op tasks',
  map: 'map(noop), 2 warmed workers',
  cpu: 'CPU-bound: count primes by trial division',
  as_completed: 'as_completed: tasks sleep a seeded-random 0-20 ms, 2 workers',
};

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

/** Like formatNumber, but 3 significant digits with k / M from 10,000 up (keeps columns narrow). */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toPrecision(3)}k`;
  return formatNumber(value);
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value >= 0.01 ? value.toFixed(2) : value.toPrecision(2)}×`;
}

function formatSpread(s: Summary | undefined, format: (x: number) => string): string {
  if (!s || s.n < 2) return '';
  const lo = format(s.min);
  const hi = format(s.max);
  return lo === hi ? `±0` : `${lo}–${hi}`;
}

/** A value cell: the median (or the single figure); a list of counts (tasks per worker) joined by +. */
function formatValue(value: unknown, isList: boolean): string {
  if (isList && Array.isArray(value)) return value.join('+');
  const s = summarize(value);
  if (s) return formatCompact(s.median);
  if (typeof value === 'string') return value;
  return '—';
}

const MARK: Record<Verdict, string> = { pass: '✔ pass', fail: '✘ FAIL', 'n/a': '· n/a' };

/** Rows of one cell are section titles: printed as they are, not counted in the widths. */
function table(rows: string[][], header: string[]): string[] {
  const cellRows = rows.filter((r) => r.length > 1);
  const widths = header.map((h, i) => Math.max(h.length, ...cellRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.length === 1
      ? cells[0]!
      : cells
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
          .join('  ')
          .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/** In-worker CPU task time this much above the serial one means the cores were not all ours. */
export const HOST_SLOWDOWN = 1.15;

/** Footnotes for figures that need one, only when those figures are present. */
export function reportNotes(results: Results): string[] {
  const notes: string[] = [];
  const ours = results.ours;
  if (summarize(ours?.cold?.ms_first) !== undefined) {
    notes.push(
      "ours' first cold start includes the one-time esbuild bundle of the pool's worker entry " +
        '(the pool runs from its TypeScript sources here).',
    );
  }
  if (summarize(ours?.cold?.noca_ms) !== undefined && results.cpython?.cold) {
    notes.push(
      "CPython's column in the w/o NODE_EXTRA_CA_CERTS row is its ordinary cold start (its forked " +
        'workers start no new interpreter, so that variable does not concern them).',
    );
  }
  for (const system of SYSTEMS) {
    const figures = results[system];
    const serial = summarize(figures?.cpu?.task_s_serial_mean)?.median;
    const inWorker = summarize(figures?.cpu?.pool2_task_s_mean)?.median;
    if (serial !== undefined && inWorker !== undefined && inWorker > serial * HOST_SLOWDOWN) {
      notes.push(
        `${SYSTEM_NAMES[system]}: with 2 workers one task took ${formatNumber(inWorker)} s inside its worker ` +
          `against ${formatNumber(serial)} s serial: the host gave the two workers less than two full ` +
          'cores then, so that speedup measures the machine more than the pool.',
      );
    }
  }
  return notes;
}

export interface ReportInput {
  results: Results;
  /** Why a system has no column, when it was not measured. */
  missing?: Partial<Record<SystemId, string>>;
}

function describeResult(r: TargetResult): string {
  if (r.value === null) return r.note ?? '';
  const t = r.target;
  const spread =
    r.value.n > 1 ? ` (${formatSpread(r.value, t.kind === 'ratio' ? formatRatioBare : formatNumber)})` : '';
  const text =
    t.kind === 'ratio'
      ? `ours/${SYSTEM_NAMES[t.peer]} = ${formatRatio(r.value.median)}${spread}`
      : t.kind === 'offset'
        ? `ours = ${formatNumber(r.value.median)}${spread}, limit ${formatNumber(r.limit)}`
        : `ours = ${formatNumber(r.value.median)}${spread}`;
  return r.straddles ? `${text}; the spread crosses the limit` : text;
}

function formatRatioBare(x: number): string {
  return formatRatio(x).replace('×', '');
}

/** The full printed report: one table of every figure, the targets, and the notes. */
export function renderReport({ results, missing = {} }: ReportInput): string {
  const targetResults = evaluateTargets(results);
  const systems = SYSTEMS.filter((s) => results[s] !== undefined);
  const peers = PEER_IDS.filter((p) => results[p] !== undefined);
  const header = [
    'figure (median; spread min–max below)',
    ...systems.map((s) => SYSTEM_NAMES[s]),
    ...peers.map((p) => `ours/${SHORT[p]}`),
  ];
  const rows: string[][] = [];
  for (const workload of WORKLOADS) {
    const cell = (system: SystemId, metric: Metric): unknown =>
      system !== 'ours' && metric.oursOnly
        ? undefined
        : results[system]?.[workload]?.[system === 'ours' ? metric.key : (metric.peerKey ?? metric.key)];
    const metrics = METRICS.filter((m) => systems.some((s) => cell(s, m) !== undefined));
    if (metrics.length === 0) continue;
    rows.push([`[${workload}] ${SECTION_TITLES[workload]}`]);
    for (const m of metrics) {
      const values = systems.map((s) => cell(s, m));
      const isList = m.key.endsWith('_per_worker');
      const ratios = peers.map((p) =>
        m.oursOnly || m.noRatio || isList ? undefined : ratioSummary(cell('ours', m), cell(p, m)),
      );
      rows.push([
        `  ${m.label}`,
        ...values.map((v) => formatValue(v, isList)),
        ...ratios.map((r) => (r ? formatRatio(r.median) : '')),
      ]);
      const spreads = [
        ...values.map((v) => (isList ? '' : formatSpread(summarize(v), formatCompact))),
        ...ratios.map((r) => formatSpread(r, formatRatioBare)),
      ];
      if (spreads.some(Boolean)) rows.push(['', ...spreads]);
    }
  }
  const out = table(rows, header);
  if (peers.length > 0) {
    out.push(
      `ours/${SHORT[peers[0]!]} etc.: our figure ÷ the peer's, repetition by repetition (${peers
        .map((p) => `${SHORT[p]} = ${SYSTEM_NAMES[p]}`)
        .join(', ')}); below 1 is better for times, above 1 for rates`,
    );
  }
  for (const system of SYSTEMS) {
    if (results[system] === undefined) {
      out.push(`${SYSTEM_NAMES[system]}: not measured (${missing[system] ?? 'not run'})`);
    }
  }
  out.push('', 'targets (judged on the median):');
  for (const r of targetResults) {
    out.push(`  ${MARK[r.verdict].padEnd(6)}  ${r.target.label.padEnd(52)} ${describeResult(r)}`);
  }
  const counted = targetResults.filter((r) => r.verdict !== 'n/a');
  const passed = counted.filter((r) => r.verdict === 'pass').length;
  out.push(`  ${passed} of ${counted.length} evaluated targets pass`);
  const notes = reportNotes(results);
  if (notes.length > 0) out.push('', ...notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

const SHORT: Record<PeerId, string> = { workerpool: 'wp', tinypool: 'tp', cpython: 'Py' };

export type { Figures, Results };
