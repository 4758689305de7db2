import { describe, expect, it } from 'vitest';
import {
  busyMachine,
  busyNoticeOf,
  busySentences,
  busyShortText,
  serialReferences,
  workKey,
} from '../busy-machine';
import { compareRuns } from '../compare';
import { runTiming } from '../run-stats';
import { timedRun } from './sample-runs';

const four = (ms: number): number[] => [ms, ms, ms, ms];

describe('the busy-machine notice', () => {
  it('is raised by a load average above the CPU count at the start', () => {
    const busy = runTiming(timedRun({ workers: 2, cpus: 2, loadAverage: 3.4, taskMs: four(100) }));
    expect(busyMachine({ workers: 2, timing: busy, baselineItemMs: null })).toEqual({
      signs: [{ kind: 'load', loadAverage: 3.4, cpus: 2 }],
    });
    const full = runTiming(timedRun({ workers: 2, cpus: 2, loadAverage: 2, taskMs: four(100) }));
    expect(busyMachine({ workers: 2, timing: full, baselineItemMs: null })).toBeNull();
    const unknown = runTiming(timedRun({ workers: 2, cpus: 2, loadAverage: null, taskMs: four(100) }));
    expect(busyMachine({ workers: 2, timing: unknown, baselineItemMs: null })).toBeNull();
  });

  it('is raised when the median task inside the workers took more than 15 % longer than serial', () => {
    const serial = runTiming(timedRun({ mode: 'serial', cpus: 2, taskMs: [100, 90, 110, 100] }));
    expect(serial.medianItemMs).toBe(100);
    const slower = runTiming(timedRun({ workers: 2, cpus: 2, taskMs: [130, 120, 125, 128] }));
    expect(busyMachine({ workers: 2, timing: slower, baselineItemMs: 100 })).toEqual({
      signs: [{ kind: 'slower-tasks', medianItemMs: 126.5, baselineItemMs: 100, ratio: 1.265 }],
    });
    const within = runTiming(timedRun({ workers: 2, cpus: 2, taskMs: [112, 114, 115, 110] }));
    expect(busyMachine({ workers: 2, timing: within, baselineItemMs: 100 })).toBeNull();
    // Map chunks: a chunk of 10 inputs taking 1.3 s is 130 ms per input.
    const chunks = runTiming(timedRun({ mode: 'map', workers: 2, items: 10, taskMs: [1300, 1300] }));
    expect(chunks.medianItemMs).toBe(130);
    expect(busyMachine({ workers: 2, timing: chunks, baselineItemMs: 100 })?.signs[0]?.kind).toBe(
      'slower-tasks',
    );
  });

  it('is not judged for runs with more workers than CPUs: slower tasks are the lesson there', () => {
    const shared = runTiming(timedRun({ workers: 4, cpus: 2, loadAverage: 5, taskMs: four(200) }));
    expect(shared.peakWorkers).toBe(4);
    expect(busyMachine({ workers: 4, timing: shared, baselineItemMs: 100 })).toBeNull();
    // Max workers 8 with only 2 tasks starts 2 processes: that run is judged.
    const few = timedRun({ workers: 2, cpus: 2, loadAverage: 5, taskMs: [100, 100] });
    few.spec = { ...few.spec!, maxWorkers: 8 };
    expect(busyNoticeOf({ spec: few.spec, timing: runTiming(few) }, new Map())).not.toBeNull();
  });

  it('says what was measured', () => {
    const notice = {
      signs: [
        { kind: 'load' as const, loadAverage: 3.42, cpus: 2 },
        { kind: 'slower-tasks' as const, medianItemMs: 130, baselineItemMs: 100, ratio: 1.3 },
      ],
    };
    expect(busyShortText(notice)).toBe('busy machine: load 3.4 with 2 CPUs, tasks 30 % slower than serial');
    const text = busySentences(notice).join(' ');
    expect(text).toContain('The 1-minute load average was 3.4 when the run started');
    expect(text).toContain("above this machine's 2 CPUs");
    expect(text).toContain(
      'an input took 30 % longer than in the serial baseline (median 0.13 s against 0.10 s)',
    );
    expect(text).toContain('noise, not a result');
  });

  it('takes the serial reference from the serial runs of the same work only', () => {
    const serial = (ms: number, code = 'work') => {
      const model = timedRun({ mode: 'serial', code, taskMs: four(ms) });
      return { spec: model.spec!, outcome: 'ok', timing: runTiming(model) };
    };
    const refs = serialReferences([serial(100), serial(140), serial(90), serial(500, 'other')]);
    expect(refs.get(workKey(serial(1).spec))).toBe(100);
    expect(refs.get(workKey(serial(1, 'other').spec))).toBe(500);
    // The pool's settings are not part of the work.
    const pool = timedRun({ workers: 2, taskMs: four(130) });
    expect(workKey(pool.spec!)).toBe(workKey(serial(1).spec));
    expect(busyNoticeOf({ spec: pool.spec!, timing: runTiming(pool) }, refs)?.signs[0]).toMatchObject({
      kind: 'slower-tasks',
      ratio: 1.3,
    });
  });

  it('marks the busy runs of a comparison, judging the serial baseline by its load only', () => {
    const serial = { id: 's', model: timedRun({ mode: 'serial', loadAverage: 3, taskMs: four(100) }) };
    const quiet = { id: 'q', model: timedRun({ workers: 2, loadAverage: 0.5, taskMs: four(104) }) };
    const slowed = { id: 'b', model: timedRun({ workers: 2, loadAverage: 0.5, taskMs: four(150) }) };
    const shared = { id: 'x', model: timedRun({ workers: 4, loadAverage: 9, taskMs: four(300) }) };
    const { rows, sets } = compareRuns(
      [serial, quiet, slowed, shared].map((r) => ({ ...r, spec: r.model.spec! })),
      null,
    );
    expect(rows.map((r) => r.busy?.signs.map((s) => s.kind) ?? null)).toEqual([
      ['load'],
      null,
      ['slower-tasks'],
      null,
    ]);
    // The two 2-worker runs have the same settings: one set, one of its two runs busy.
    expect(sets.find((s) => s.runIds.includes('b'))).toMatchObject({ runIds: ['q', 'b'], busyRuns: 1 });
  });
});
