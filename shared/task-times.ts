/**
 * The five moments of a task's life that the timeline and the trace export
 * show, each with what it is and whose clock took it — so a learner can tell
 * "queued" from "sent" from "started in the worker". Pure data, shared by
 * the tooltip and the Chrome trace.
 */
import type { TaskRecord } from './run-model';

export interface TaskTime {
  /** The trace's field name: `queued_ms`, `sent_ms`, … */
  key: 'queued' | 'sent' | 'started_in_worker' | 'finished_in_worker' | 'received_by_caller';
  label: string;
  /** What happened at that moment, and where it was measured. */
  meaning: string;
  of(task: TaskRecord): number | null;
}

export const TASK_TIMES: readonly TaskTime[] = [
  {
    key: 'queued',
    label: 'Queued',
    meaning: 'the caller submitted it to the pool’s queue (parent’s clock)',
    of: (t) => t.submitted,
  },
  {
    key: 'sent',
    label: 'Sent to the worker',
    meaning: 'the pool handed it to a worker process (parent’s clock)',
    of: (t) => t.dispatched,
  },
  {
    key: 'started_in_worker',
    label: 'Started in the worker',
    meaning: 'the call began in the worker (worker’s own clock)',
    of: (t) => t.started,
  },
  {
    key: 'finished_in_worker',
    label: 'Finished in the worker',
    meaning: 'the call returned or raised (worker’s own clock)',
    of: (t) => t.finished,
  },
  {
    key: 'received_by_caller',
    label: 'Received by the caller',
    meaning: 'the driver loop got its result or error (parent’s clock)',
    of: (t) => t.delivered,
  },
];
