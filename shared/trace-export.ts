/**
 * Chrome Trace Event Format export (opens in Perfetto and chrome://tracing):
 * one process track per worker PID (named, in lane order), one complete
 * ('X') slice per task with its arguments and result, worker start-up as a
 * slice, and the caller's deliveries as instant events on a "caller" track.
 * Several runs export side by side, each with its own tracks, on one axis.
 * Times are microseconds since the first run's start. Each slice's args
 * also give the task's five moments in ms since its run started (queued,
 * sent, started and finished in the worker, received by the caller), and
 * `otherData.times` says what each one is.
 */
import type { RunModel } from './run-model';
import { TASK_TIMES } from './task-times';

export interface TraceEvent {
  name: string;
  ph: 'X' | 'i' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  s?: 'p' | 't' | 'g';
  cat?: string;
  args?: Record<string, unknown>;
}

export interface TraceFile {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, unknown>;
}

const us = (ms: number): number => Math.round(ms * 1000);

export interface TraceRun {
  model: RunModel;
  name: string;
}

export function chromeTrace(runs: readonly TraceRun[]): TraceFile {
  const events: TraceEvent[] = [];
  const origin = Math.min(...runs.map((r) => r.model.epoch));
  let sortIndex = 0;
  runs.forEach(({ model, name }, runIndex) => {
    const offset = model.epoch - origin;
    // A synthetic pid for the caller track, unique per run, that no real PID uses.
    const callerPid = -(runIndex + 1);
    const meta = (pid: number, label: string): void => {
      events.push({ name: 'process_name', ph: 'M', pid, tid: 0, args: { name: label } });
      events.push({ name: 'process_sort_index', ph: 'M', pid, tid: 0, args: { sort_index: sortIndex++ } });
    };
    meta(callerPid, `${name} · caller`);
    // A ThreadPoolExecutor's workers are threads of one process: one track (tid) per thread.
    const tidOf = (worker: number | null): number => model.worker(worker ?? -1)?.thread?.ordinal ?? 0;
    const named = new Set<number>();
    for (const w of model.workers) {
      if (w.pid === null) continue;
      if (w.thread) {
        if (!named.has(w.pid)) meta(w.pid, `${name} · PID ${w.pid}`);
        named.add(w.pid);
        events.push({
          name: 'thread_name',
          ph: 'M',
          pid: w.pid,
          tid: w.thread.ordinal,
          args: { name: `thread ${w.thread.ordinal} (${w.thread.name})` },
        });
      } else {
        meta(w.pid, `${name} · worker ${w.index} (PID ${w.pid})`);
      }
      if (w.ready !== null) {
        events.push({
          name: 'worker start-up',
          cat: 'worker',
          ph: 'X',
          pid: w.pid,
          tid: w.thread?.ordinal ?? 0,
          ts: us(offset + w.spawned),
          dur: us(w.ready - w.spawned),
        });
      }
    }
    for (const task of model.tasks) {
      if (task.pid === null || task.started === null || task.finished === null) continue;
      events.push({
        name: task.label,
        cat: task.state,
        ph: 'X',
        pid: task.pid,
        tid: tidOf(task.worker),
        ts: us(offset + task.started),
        dur: us(Math.max(0, task.finished - task.started)),
        args: {
          task: task.id,
          args: task.args,
          state: task.state,
          ...(task.result !== undefined ? { result: task.result } : {}),
          ...(task.error ? { error: `${task.error.name}: ${task.error.message}` } : {}),
          ...Object.fromEntries(TASK_TIMES.map((time) => [`${time.key}_ms`, time.of(task)])),
        },
      });
    }
    for (const task of model.tasks) {
      if (task.delivered === null) continue;
      events.push({
        name: `result ${task.deliveryOrder ?? ''}: ${task.label}`,
        cat: 'delivery',
        ph: 'i',
        s: 'p',
        pid: callerPid,
        tid: 0,
        ts: us(offset + task.delivered),
        args: { task: task.id, ...(task.result !== undefined ? { result: task.result } : {}) },
      });
    }
  });
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      source: 'Pool Playground',
      runs: runs.map((r) => r.name),
      times: Object.fromEntries(
        TASK_TIMES.map((time) => [`${time.key}_ms`, `${time.label}: ${time.meaning}`]),
      ),
    },
  };
}
