/**
 * How every run starts, whatever runs it (this app's pool, a whole
 * TypeScript program, CPython): its clock's zero (epoch milliseconds), a
 * recorder on that clock, and the `run-started` event — with the machine's
 * load average then, so a busy machine can be told from a lesson.
 */
import type { RunEventBatch, RuntimeInfo } from '../../../shared/run-events';
import type { RunSpec } from '../../../shared/run-spec';
import { loadAverageNow } from './load-average';
import { RunRecorder } from './recorder';

export interface RunStart {
  runId: string;
  spec: RunSpec;
  cpus: number;
  /** Known in task mode; 0 for a whole program (counted as it goes). */
  taskCount: number;
  inputCount: number;
  runtime: RuntimeInfo;
  send: (batch: RunEventBatch) => void;
  /** The load average to record (default: the machine's now). */
  loadAverage?: number | null;
}

export function startRecording(start: RunStart): { recorder: RunRecorder; epoch: number } {
  const epoch = performance.timeOrigin + performance.now();
  const recorder = new RunRecorder(start.runId, epoch, start.send);
  recorder.record({
    type: 'run-started',
    runId: start.runId,
    spec: start.spec,
    epoch,
    cpus: start.cpus,
    loadAverage: start.loadAverage === undefined ? loadAverageNow() : start.loadAverage,
    taskCount: start.taskCount,
    inputCount: start.inputCount,
    runtime: start.runtime,
    t: 0,
  });
  return { recorder, epoch };
}
