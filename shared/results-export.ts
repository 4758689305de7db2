/** A run's tasks as CSV and JSON: one row per task, in input order. */
import type { RunModel, TaskRecord } from './run-model';

const COLUMNS = [
  'task',
  'input_index',
  'label',
  'args',
  'state',
  'pid',
  'submitted_ms',
  'started_ms',
  'finished_ms',
  'delivered_ms',
  'delivery_order',
  'result',
  'error',
] as const;

function row(task: TaskRecord): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    task: task.id,
    input_index: task.index,
    label: task.label,
    args: task.args,
    state: task.state,
    pid: task.pid,
    submitted_ms: task.submitted,
    started_ms: task.started,
    finished_ms: task.finished,
    delivered_ms: task.delivered,
    delivery_order: task.deliveryOrder,
    result: task.result ?? null,
    error: task.error ? `${task.error.name}: ${task.error.message}` : null,
  };
}

function ordered(model: RunModel): TaskRecord[] {
  return [...model.tasks].sort((a, b) => a.index - b.index);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(model: RunModel): string {
  const lines = [COLUMNS.join(',')];
  for (const task of ordered(model)) {
    const r = row(task);
    lines.push(COLUMNS.map((c) => csvCell(r[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function resultsJson(model: RunModel): string {
  return `${JSON.stringify(ordered(model).map(row), null, 2)}\n`;
}
