import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBatch } from '../../../../shared/run-events';
import { MAX_BATCH_EVENTS, RunRecorder } from '../recorder';

const line = (i: number): RunEvent => ({
  type: 'output',
  worker: 0,
  pid: 1234,
  task: i,
  stream: 'stdout',
  text: `line ${i}\n`,
  t: i,
});

describe('RunRecorder batches', () => {
  it('sends a burst in batches of at most MAX_BATCH_EVENTS, every event once, in order', () => {
    const sent: RunEventBatch[] = [];
    const recorder = new RunRecorder('run-1', 0, (batch) => sent.push(batch));
    const count = 2 * MAX_BATCH_EVENTS + 500;
    for (let i = 0; i < count; i++) recorder.record(line(i));
    recorder.flush();
    expect(sent.map((b) => b.events.length)).toEqual([MAX_BATCH_EVENTS, MAX_BATCH_EVENTS, 500]);
    expect(sent.every((b) => b.runId === 'run-1')).toBe(true);
    expect(sent.flatMap((b) => b.events.map((e) => (e as { task: number }).task))).toEqual(
      Array.from({ length: count }, (_, i) => i),
    );
    expect(recorder.events).toHaveLength(count);
  });

  it('sends a small burst as one batch', () => {
    const sent: RunEventBatch[] = [];
    const recorder = new RunRecorder('run-2', 0, (batch) => sent.push(batch));
    for (let i = 0; i < 10; i++) recorder.record(line(i));
    recorder.flush();
    recorder.flush();
    expect(sent.map((b) => b.events.length)).toEqual([10]);
  });
});
