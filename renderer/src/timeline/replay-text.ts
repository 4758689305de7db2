/** One run event in a few words, for the replay's "what just happened". */
import type { RunEvent } from '../../../shared/run-events';
import type { RunModel } from '../../../shared/run-model';
import { formatSeconds } from '../../../shared/timeline-scale';

export function eventText(e: RunEvent, model: RunModel): string {
  const label = (task: number): string => model.task(task)?.label ?? `task ${task}`;
  const at = formatSeconds(e.t);
  switch (e.type) {
    case 'run-started':
      return `${at}: the run started`;
    case 'worker-spawned':
      return e.thread
        ? `${at}: thread ${e.thread.ordinal} of PID ${e.pid} started`
        : `${at}: process PID ${e.pid} started`;
    case 'executor-created':
      return `${at}: the program created a ${e.kind === 'thread' ? 'ThreadPoolExecutor' : 'ProcessPoolExecutor'}`;
    case 'notice':
      return `${at}: ${e.text.slice(0, 80)}`;
    case 'worker-ready':
      return `${at}: PID ${e.pid} is ready for tasks`;
    case 'worker-initialized':
      return `${at}: PID ${e.pid} ran the initializer${e.ok ? '' : ', which failed'}`;
    case 'worker-exited':
      return `${at}: PID ${e.pid ?? '?'} exited (${e.reason}${e.signal ? `, ${e.signal}` : e.code !== null ? `, code ${e.code}` : ''})`;
    case 'task-submitted':
      return `${at}: the caller submitted ${e.label}`;
    case 'task-dispatched':
      return `${at}: ${label(e.task)} was sent to PID ${e.pid}`;
    case 'task-started':
      return `${at}: ${label(e.task)} started on PID ${e.pid}`;
    case 'task-finished':
      return `${at}: ${label(e.task)} ${e.status === 'ok' ? 'finished' : e.status === 'error' ? 'failed' : 'was cancelled'}`;
    case 'task-delivered':
      return `${at}: the caller received ${label(e.task)} (#${e.order})`;
    case 'output':
      return `${at}: ${e.pid !== null ? `PID ${e.pid}` : 'a worker'} printed ${JSON.stringify(e.text.trimEnd().slice(0, 40))}`;
    case 'output-truncated':
      return `${at}: further output was cut off`;
    case 'driver':
      return `${at}: the caller printed ${JSON.stringify(e.text.slice(0, 40))}`;
    case 'pool-broken':
      return `${at}: the pool broke`;
    case 'deadline-set':
      return `${at}: the caller set a deadline at ${formatSeconds(e.due)}`;
    case 'timed-out':
      return `${at}: TimeoutError in the caller`;
    case 'stop-requested':
      return `${at}: Stop was pressed`;
    case 'shutdown-called':
      return `${at}: the caller called shutdown()`;
    case 'shutdown-returned':
      return `${at}: shutdown() returned`;
    case 'run-finished':
      return `${at}: the run ended (${e.outcome})`;
  }
}
