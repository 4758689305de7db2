/**
 * What a selected range of time holds: its duration, and the tasks that ran
 * in it (any part of them), how many ran entirely inside it, by outcome.
 */
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds, formatSpan } from '../../../shared/timeline-scale';
import type { TimeView } from './view';

export interface SelectionSummary {
  durationMs: number;
  tasks: number;
  inside: number;
  done: number;
  failed: number;
  running: number;
}

export function summarizeSelection(model: RunModel, range: TimeView, now: number): SelectionSummary {
  const out: SelectionSummary = {
    durationMs: range.end - range.start,
    tasks: 0,
    inside: 0,
    done: 0,
    failed: 0,
    running: 0,
  };
  for (const task of model.tasks) {
    if (task.started === null) continue;
    const end = task.finished ?? now;
    if (task.started > range.end || end < range.start) continue;
    out.tasks++;
    if (task.started >= range.start && end <= range.end) out.inside++;
    if (task.finished === null) out.running++;
    else if (task.state === 'error') out.failed++;
    else if (task.state === 'ok') out.done++;
  }
  return out;
}

/** `1.20 s – 2.35 s (1.15 s): 312 tasks ran in it, 300 entirely; 2 failed`. */
export function selectionText(range: TimeView, s: SelectionSummary): string {
  const parts = [
    `${formatSeconds(range.start)} – ${formatSeconds(range.end)} (${formatSpan(s.durationMs)}): ` +
      `${s.tasks.toLocaleString('en')} task${s.tasks === 1 ? '' : 's'} ran in it, ${s.inside.toLocaleString('en')} entirely`,
  ];
  if (s.failed > 0) parts.push(`${s.failed.toLocaleString('en')} failed`);
  if (s.running > 0) parts.push(`${s.running.toLocaleString('en')} still running`);
  return parts.join('; ');
}
