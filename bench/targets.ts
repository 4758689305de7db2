/**
 * The targets our pool is held to, and how a run is judged against them.
 * A verdict is taken on the median; a spread (min–max over repetitions) that
 * reaches across the limit is reported, since the verdict may then flip from
 * one run to the next. Pure: no I/O, no clocks.
 */
import { ratioSummary, type Summary, summarize } from './stats';

export const WORKLOADS = ['cold', 'dispatch', 'map', 'cpu', 'as_completed'] as const;
export type Workload = (typeof WORKLOADS)[number];

export const SYSTEMS = ['ours', 'workerpool', 'tinypool', 'cpython'] as const;
export type SystemId = (typeof SYSTEMS)[number];
export type PeerId = Exclude<SystemId, 'ours'>;
export const PEER_IDS: readonly PeerId[] = ['workerpool', 'tinypool', 'cpython'];

export const SYSTEM_NAMES: Record<SystemId, string> = {
  ours: 'ours',
  workerpool: 'workerpool',
  tinypool: 'tinypool',
  cpython: 'CPython',
};

/** One workload's record as measured: numbers, arrays of numbers (one per repetition), strings. */
export type WorkloadRecord = Readonly<Record<string, unknown>>;
export type Figures = Partial<Record<Workload, WorkloadRecord>>;
/** Every system's figures. */
export type Results = Partial<Record<SystemId, Figures>>;

type Op = '<=' | '>=';

interface TargetBase {
  id: string;
  workload: Workload;
  key: string;
  op: Op;
  limit: number;
  label: string;
}

export type Target =
  /** ours / peer (median over repetitions) against `limit`. */
  | (TargetBase & { kind: 'ratio'; peer: PeerId })
  /** Our own figure against `limit`. */
  | (TargetBase & { kind: 'absolute' })
  /** Our figure against another of our figures (`baseKey`, measured in the same run) plus `limit`. */
  | (TargetBase & { kind: 'offset'; baseKey: string; baseLabel: string });

const vs = (
  id: string,
  workload: Workload,
  key: string,
  what: string,
  op: Op,
  peer: PeerId,
  limit: number,
): Target => ({
  id: `${id}-${peer}`,
  workload,
  key,
  kind: 'ratio',
  peer,
  op,
  limit,
  label: `${what} ${op === '<=' ? '≤' : '≥'} ${limit === 1 ? '' : `${limit}× `}${SYSTEM_NAMES[peer]}'s`,
});

export const TARGETS: readonly Target[] = [
  vs('dispatch-seq', 'dispatch', 'seq_us_per_task', 'one-at-a-time µs/task', '<=', 'workerpool', 1),
  vs('dispatch-seq', 'dispatch', 'seq_us_per_task', 'one-at-a-time µs/task', '<=', 'cpython', 0.5),
  vs('dispatch-all', 'dispatch', 'us_per_task', 'submit-all µs/task', '<=', 'workerpool', 1),
  vs('dispatch-all', 'dispatch', 'us_per_task', 'submit-all µs/task', '<=', 'tinypool', 1),
  vs('dispatch-all', 'dispatch', 'us_per_task', 'submit-all µs/task', '<=', 'cpython', 0.6),
  vs('map-c1', 'map', 'items_per_s_c1', 'map chunksize 1 items/s', '>=', 'workerpool', 1),
  vs('map-c1', 'map', 'items_per_s_c1', 'map chunksize 1 items/s', '>=', 'tinypool', 1),
  vs('map-c1', 'map', 'items_per_s_c1', 'map chunksize 1 items/s', '>=', 'cpython', 2),
  vs('map-c16', 'map', 'items_per_s_c16', 'map chunksize 16 items/s', '>=', 'workerpool', 1),
  vs('map-c16', 'map', 'items_per_s_c16', 'map chunksize 16 items/s', '>=', 'tinypool', 1),
  vs('map-c16', 'map', 'items_per_s_c16', 'map chunksize 16 items/s', '>=', 'cpython', 1),
  vs('map-c256', 'map', 'items_per_s_c256', 'map chunksize 256 items/s', '>=', 'workerpool', 1),
  vs('map-c256', 'map', 'items_per_s_c256', 'map chunksize 256 items/s', '>=', 'tinypool', 1),
  vs('map-c256', 'map', 'items_per_s_c256', 'map chunksize 256 items/s', '>=', 'cpython', 1.5),
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
    kind: 'offset',
    baseKey: 'floor_delay_ms_mean',
    baseLabel: 'the bare-fork floor',
    op: '<=',
    limit: 0.03,
    label: 'as_completed mean delay ≤ bare-fork JSON floor + 0.03 ms',
  },
];

export type Verdict = 'pass' | 'fail' | 'n/a';

export interface TargetResult {
  target: Target;
  /** The figure judged (a ratio, or our own figure), over the repetitions. */
  value: Summary | null;
  /** The limit it is judged against (for `offset`: the base figure's median + limit). */
  limit: number;
  verdict: Verdict;
  /** The spread reaches across the limit: another run may well judge otherwise. */
  straddles: boolean;
  /** Why there is no verdict. */
  note?: string;
}

export function meets(value: number, op: Op, limit: number): boolean {
  return op === '<=' ? value <= limit : value >= limit;
}

function judged(target: Target, value: Summary, limit: number): TargetResult {
  const verdict = meets(value.median, target.op, limit) ? 'pass' : 'fail';
  const straddles = value.n > 1 && meets(value.min, target.op, limit) !== meets(value.max, target.op, limit);
  return { target, value, limit, verdict, straddles };
}

export function evaluateTarget(target: Target, results: Results): TargetResult {
  const none = (note: string): TargetResult => ({
    target,
    value: null,
    limit: target.limit,
    verdict: 'n/a',
    straddles: false,
    note,
  });
  const ours = results.ours?.[target.workload];
  const mine = ours?.[target.key];
  if (summarize(mine) === undefined) return none('workload not run');
  switch (target.kind) {
    case 'absolute':
      return judged(target, summarize(mine)!, target.limit);
    case 'offset': {
      const base = summarize(ours?.[target.baseKey]);
      if (!base) return none(`${target.baseLabel} not measured`);
      return judged(target, summarize(mine)!, base.median + target.limit);
    }
    case 'ratio': {
      const peer = results[target.peer];
      if (!peer) return none(`${SYSTEM_NAMES[target.peer]} not measured`);
      const value = ratioSummary(mine, peer[target.workload]?.[target.key]);
      if (!value) return none(`no ${SYSTEM_NAMES[target.peer]} figure`);
      return judged(target, value, target.limit);
    }
  }
}

export function evaluateTargets(results: Results): TargetResult[] {
  return TARGETS.map((t) => evaluateTarget(t, results));
}
