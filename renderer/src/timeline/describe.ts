/**
 * Words for what the timeline draws: the accessible name of each bar (what a
 * screen reader says, and what tests read) and the rows of its tooltip —
 * each time named for what it is (queued, sent, started and finished in the
 * worker, received by the caller).
 */
import type { RunModel, TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { TASK_TIMES } from '../../../shared/task-times';
import { formatMoment, formatSeconds, formatSpan } from '../../../shared/timeline-scale';
import { barState } from '../theme/palette';
import type { BlockItem } from './lane-items';
import { exitReasonText, isInstantFailure, shutdownCall } from './marks';

function outcomeText(task: TaskRecord): string | null {
  if (task.state === 'ok' && task.result !== undefined) return `result ${task.result}`;
  if (task.state === 'error' && task.error) return `${task.error.name}: ${task.error.message}`;
  return null;
}

/** e.g. `square(5): done on PID 51605, 0.05 s to 5.05 s, result 25`. */
export function barLabel(task: TaskRecord): string {
  const state = barState(task.state);
  const where = task.pid !== null ? ` on PID ${task.pid}` : '';
  const parts = [`${task.label}: ${state}${where}`];
  if (task.started !== null && task.finished !== null) {
    parts.push(`${formatSeconds(task.started)} to ${formatSeconds(task.finished)}`);
  } else if (task.started !== null) {
    parts.push(`since ${formatSeconds(task.started)}`);
  }
  const outcome = outcomeText(task);
  if (outcome) parts.push(outcome);
  if (task.deliveryOrder !== null) parts.push(`reached the caller ${ordinal(task.deliveryOrder)}`);
  return parts.join(', ');
}

export interface TooltipRow {
  label: string;
  value: string;
  tone?: 'bad' | 'good';
  /** What the value is, in a few words (shown smaller). */
  hint?: string;
}

export interface TooltipContent {
  title: string;
  state: string;
  rows: TooltipRow[];
}

export function taskTooltip(task: TaskRecord, now: number): TooltipContent {
  const rows: TooltipRow[] = [];
  rows.push({
    label: task.items > 1 ? `Arguments (${task.items} items)` : 'Argument',
    value: task.args || '(none)',
  });
  if (task.state === 'ok' && task.result !== undefined)
    rows.push({ label: 'Result', value: task.result, tone: 'good' });
  if (task.state === 'error' && task.error) {
    rows.push({ label: 'Error', value: `${task.error.name}: ${task.error.message}`, tone: 'bad' });
    if (isInstantFailure(task)) rows.push({ label: 'Failed', value: 'at once (under 1 ms)', tone: 'bad' });
  }
  if (task.state === 'cancelled') {
    rows.push({ label: 'Cancelled', value: 'before any process started it', tone: 'bad' });
  }
  rows.push({
    label: 'Process',
    value: task.pid !== null ? `PID ${task.pid}` : 'not given to a process yet',
  });
  for (const time of TASK_TIMES) {
    const at = time.of(task);
    if (at === null) continue;
    const order = time.key === 'received_by_caller' ? ` (${ordinal(task.deliveryOrder ?? 0)})` : '';
    rows.push({ label: time.label, value: `${formatMoment(at)}${order}`, hint: time.meaning });
  }
  const waitedUntil = task.started ?? task.finished ?? now;
  rows.push({
    label: 'Wait time',
    value: formatSpan(waitedUntil - task.submitted),
    hint: 'queued → started',
  });
  if (task.started !== null) {
    rows.push({
      label: 'Run time',
      value: formatSpan((task.finished ?? now) - task.started),
      hint: 'started → finished, in the worker',
    });
  }
  if (task.finished !== null && task.delivered !== null && task.delivered - task.finished >= 50) {
    rows.push({
      label: 'Held before delivery',
      value: formatSpan(task.delivered - task.finished),
      hint: 'finished → received: the caller was waiting on an earlier result',
    });
  }
  return { title: task.label, state: barState(task.state), rows };
}

export function workerTooltip(worker: WorkerRecord, now: number, model: RunModel): TooltipContent {
  const rows: TooltipRow[] = worker.thread
    ? [
        { label: 'Thread', value: `${worker.thread.name} (in PID ${worker.pid ?? '?'})` },
        { label: 'Started', value: formatSeconds(worker.spawned) },
      ]
    : [
        { label: 'Worker', value: `#${worker.index + 1}` },
        { label: 'Spawned', value: formatSeconds(worker.spawned) },
      ];
  if (worker.ready !== null) {
    rows.push({ label: 'Ready', value: formatSeconds(worker.ready) });
    rows.push({ label: 'Start-up', value: formatSpan(worker.ready - worker.spawned) });
  } else if (worker.exited === null) {
    rows.push({ label: 'Start-up', value: `${formatSpan(now - worker.spawned)} so far` });
  }
  if (worker.init) {
    rows.push({
      label: 'Initializer',
      value: `${formatSeconds(worker.init.started)} to ${formatSeconds(worker.init.finished)}${worker.init.ok ? '' : ', failed'}`,
      tone: worker.init.ok ? undefined : 'bad',
      hint: 'ran once in this process, before its first task',
    });
  }
  rows.push({ label: 'Tasks run', value: String(worker.tasks.length) });
  if (worker.exited !== null) {
    const bad = worker.reason === 'crash' || worker.reason === 'oom' || worker.reason === 'init-failed';
    rows.push({
      label: 'Exited',
      value: `${formatSeconds(worker.exited)}: ${exitReasonText(worker, model)}`,
      tone: bad ? 'bad' : undefined,
    });
    if (bad && model.brokenMessage) rows.push({ label: 'The pool', value: model.brokenMessage, tone: 'bad' });
  }
  const title = `PID ${worker.pid ?? '?'}${worker.thread ? ` · thread ${worker.thread.ordinal}` : ''}`;
  return { title, state: worker.exited === null ? 'alive' : 'exited', rows };
}

/** A block of tasks too thin to draw one by one. */
export function blockTooltip(block: BlockItem, records: readonly TaskRecord[]): TooltipContent {
  const first = records[block.from]!;
  const last = records[block.to]!;
  const rows: TooltipRow[] = [
    { label: 'Tasks', value: `${first.label} … ${last.label}` },
    { label: 'From', value: formatSeconds(block.start) },
    { label: 'To', value: formatSeconds(block.end) },
    { label: 'Each', value: `${formatSpan((block.end - block.start) / block.count)} on average` },
  ];
  if (block.failed > 0) rows.push({ label: 'Failed', value: String(block.failed), tone: 'bad' });
  if (block.running > 0) rows.push({ label: 'Running', value: String(block.running) });
  rows.push({ label: 'Zoom in', value: 'to see each task (wheel, + or W)' });
  return {
    title: `${block.count.toLocaleString('en')} tasks on PID ${first.pid ?? '?'}`,
    state: block.failed > 0 ? 'failed' : 'done',
    rows,
  };
}

export function concurrencyTooltip(t: number, running: number, waiting: number): TooltipContent {
  return {
    title: `At ${formatSeconds(t)}`,
    state: 'counts',
    rows: [
      { label: 'Running', value: running.toLocaleString('en'), hint: 'tasks inside worker processes' },
      { label: 'Waiting', value: waiting.toLocaleString('en'), hint: 'submitted, not started yet' },
    ],
  };
}

export function markTooltip(key: string, model: RunModel): TooltipContent | null {
  const { marks } = model;
  switch (key) {
    case 'deadline':
      return marks.deadline === null
        ? null
        : {
            title: 'Timeout deadline',
            state: 'deadline',
            rows: [
              { label: 'Falls due', value: formatSeconds(marks.deadline) },
              { label: 'Means', value: 'results not received by then raise TimeoutError in the caller' },
            ],
          };
    case 'timed-out':
      return marks.timedOut === null
        ? null
        : {
            title: 'TimeoutError',
            state: 'failed',
            rows: [
              { label: 'At', value: formatSeconds(marks.timedOut.t) },
              { label: 'Message', value: marks.timedOut.message, tone: 'bad' },
            ],
          };
    case 'stop':
      return marks.stopRequested === null
        ? null
        : {
            title: 'Stop',
            state: 'stopped',
            rows: [
              { label: 'Pressed at', value: formatSeconds(marks.stopRequested) },
              { label: 'Means', value: 'the worker processes were terminated at once' },
            ],
          };
    case 'shutdown':
    case 'shutdown-returned': {
      const s = marks.shutdown;
      if (!s) return null;
      const rows: TooltipRow[] = [{ label: 'Called at', value: formatSeconds(s.called) }];
      if (s.returned !== null) rows.push({ label: 'Returned at', value: formatSeconds(s.returned) });
      rows.push({
        label: 'Cancelled',
        value: `${s.cancelled.length} waiting task${s.cancelled.length === 1 ? '' : 's'}`,
      });
      rows.push({
        label: 'Already handed over',
        value: `${s.handedOver.length} task${s.handedOver.length === 1 ? '' : 's'}, which ran on`,
      });
      return { title: shutdownCall(s), state: 'shutdown', rows };
    }
    default:
      return null;
  }
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
}
