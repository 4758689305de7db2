/**
 * Words for what the timeline draws: the accessible name of each bar (what a
 * screen reader says, and what tests read) and the rows of its tooltip.
 */
import type { TaskRecord, WorkerRecord } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';
import { barState } from '../theme/palette';

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

interface LabelCache {
  state: TaskRecord['state'];
  pid: number | null;
  started: number | null;
  finished: number | null;
  order: number | null;
  text: string;
}

const labels = new WeakMap<TaskRecord, LabelCache>();

/** barLabel(), remembered per task until the task changes (the timeline asks for thousands per frame). */
export function cachedBarLabel(task: TaskRecord): string {
  const hit = labels.get(task);
  if (
    hit &&
    hit.state === task.state &&
    hit.pid === task.pid &&
    hit.started === task.started &&
    hit.finished === task.finished &&
    hit.order === task.deliveryOrder
  ) {
    return hit.text;
  }
  const text = barLabel(task);
  labels.set(task, {
    state: task.state,
    pid: task.pid,
    started: task.started,
    finished: task.finished,
    order: task.deliveryOrder,
    text,
  });
  return text;
}

export interface TooltipRow {
  label: string;
  value: string;
  tone?: 'bad' | 'good';
}

export function taskTooltip(
  task: TaskRecord,
  now: number,
): { title: string; state: string; rows: TooltipRow[] } {
  const rows: TooltipRow[] = [];
  rows.push({
    label: task.items > 1 ? `Arguments (${task.items} items)` : 'Argument',
    value: task.args || '(none)',
  });
  if (task.state === 'ok' && task.result !== undefined)
    rows.push({ label: 'Result', value: task.result, tone: 'good' });
  if (task.state === 'error' && task.error) {
    rows.push({ label: 'Error', value: `${task.error.name}: ${task.error.message}`, tone: 'bad' });
  }
  rows.push({
    label: 'Process',
    value: task.pid !== null ? `PID ${task.pid}` : 'not given to a process yet',
  });
  rows.push({ label: 'Queued at', value: formatSeconds(task.submitted) });
  if (task.started !== null) rows.push({ label: 'Started', value: formatSeconds(task.started) });
  if (task.finished !== null) rows.push({ label: 'Finished', value: formatSeconds(task.finished) });
  if (task.delivered !== null) {
    rows.push({
      label: 'Reached the caller',
      value: `${formatSeconds(task.delivered)} (${ordinal(task.deliveryOrder ?? 0)})`,
    });
  }
  const waitedUntil = task.started ?? task.finished ?? now;
  rows.push({ label: 'Wait time', value: formatSeconds(waitedUntil - task.submitted) });
  if (task.started !== null) {
    rows.push({ label: 'Run time', value: formatSeconds((task.finished ?? now) - task.started) });
  }
  if (task.finished !== null && task.delivered !== null && task.delivered - task.finished >= 50) {
    rows.push({ label: 'Held before delivery', value: formatSeconds(task.delivered - task.finished) });
  }
  return { title: task.label, state: barState(task.state), rows };
}

export function workerTooltip(
  worker: WorkerRecord,
  now: number,
): { title: string; state: string; rows: TooltipRow[] } {
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
    rows.push({ label: 'Start-up', value: formatSeconds(worker.ready - worker.spawned) });
  } else if (worker.exited === null) {
    rows.push({ label: 'Start-up', value: `${formatSeconds(now - worker.spawned)} so far` });
  }
  rows.push({ label: 'Tasks run', value: String(worker.tasks.length) });
  if (worker.exited !== null) {
    const how =
      worker.signal !== null
        ? `signal ${worker.signal}`
        : worker.code !== null
          ? `code ${worker.code}`
          : 'no code';
    rows.push({
      label: 'Exited',
      value: `${formatSeconds(worker.exited)} (${worker.reason ?? 'exited'}, ${how})`,
      tone:
        worker.reason === 'crash' || worker.reason === 'oom' || worker.reason === 'init-failed'
          ? 'bad'
          : undefined,
    });
  }
  const title = `PID ${worker.pid ?? '?'}${worker.thread ? ` · thread ${worker.thread.ordinal}` : ''}`;
  return { title, state: worker.exited === null ? 'alive' : 'exited', rows };
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${n % 10 > 3 ? 'th' : suffix}`;
}
