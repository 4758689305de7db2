/**
 * Where in tasks.ts a run failed: the line and column of the first task
 * error the caller received (else the first task that failed) whose worker
 * traceback points into tasks.ts. The editor marks that line.
 */
import type { RunModel, TaskRecord } from '../../../shared/run-model';

export interface RunErrorLocation {
  line: number;
  column: number;
  /** "RangeError: cannot take the square root of -1 (checkedSqrt(-1))" */
  message: string;
}

const IN_TASKS = /\btasks\.ts:(\d+):(\d+)/;

export function runErrorLocation(model: RunModel): RunErrorLocation | null {
  const failed = model.tasks.filter((t) => t.state === 'error' && t.error?.remoteStack);
  const order = (t: TaskRecord): number => t.deliveryOrder ?? Number.MAX_SAFE_INTEGER;
  failed.sort((a, b) => order(a) - order(b) || (a.finished ?? 0) - (b.finished ?? 0));
  for (const task of failed) {
    const at = IN_TASKS.exec(task.error!.remoteStack!);
    if (!at) continue;
    return {
      line: Number(at[1]),
      column: Number(at[2]),
      message: `${task.error!.name}: ${task.error!.message} (${task.label})`,
    };
  }
  return null;
}
