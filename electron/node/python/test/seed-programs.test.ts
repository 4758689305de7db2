/**
 * The three classic examples the app is built from, pasted verbatim (their
 * 2–6 s sleeps included: the three run side by side, about 8 s in all). Each
 * must print what the tutorial shows, and its timeline must have one lane per
 * worker PID — the PIDs the program itself printed.
 */
import { describe, expect, test } from 'vitest';
import type { PythonRunEvent } from '../run-types';
import { fixture, lanePids, noPython, ofType, printedBy, programPid, runProgram } from './harness';

function workerLanesMatchPrintedPids(events: PythonRunEvent[]): void {
  const spawned = ofType(events, 'process-started').map((e) => e.child);
  expect(spawned).toHaveLength(3);
  expect(lanePids(events).sort()).toEqual([...spawned].sort());
}

describe.skipIf(noPython)('the seed programs, verbatim', () => {
  test('submit, map and as_completed print what the tutorial shows, with one lane per worker PID', async () => {
    const [submit, map, asCompleted] = await Promise.all([
      runProgram(fixture('seed_submit.py')),
      runProgram(fixture('seed_map.py')),
      runProgram(fixture('seed_as_completed.py')),
    ]);

    // Nothing on stderr: no tracer message, no warning (3.12+ warns when a
    // process with threads forks: the tracer starts none).
    for (const { events } of [submit, map, asCompleted]) {
      const stderr = events.filter(
        (e) => (e.type === 'output' || e.type === 'raw-output') && e.stream === 'stderr',
      );
      expect(stderr).toEqual([]);
      expect(ofType(events, 'tracer-warning')).toEqual([]);
      expect(ofType(events, 'runner-warning')).toEqual([]);
    }

    // submit: results in submission order; each task printed its worker's PID.
    expect(submit.result.outcome).toBe('ok');
    const main = programPid(submit.events);
    expect(printedBy(submit.events, main)).toEqual([0, 1, 2, 3, 4].map((n) => `Task ${n} done.`));
    workerLanesMatchPrintedPids(submit.events);
    const starts = ofType(submit.events, 'output').filter((e) => e.text.includes(' starting in process '));
    expect(starts).toHaveLength(5);
    for (const line of starts) {
      const [, n, printedPid] = /^Task (\d) starting in process (\d+)/.exec(line.text) ?? [];
      expect(Number(printedPid)).toBe(line.pid); // tagged with the PID that printed it
      const started = ofType(submit.events, 'task-started').find((e) => e.task === line.task);
      expect(started?.pid).toBe(line.pid);
      const submitted = ofType(submit.events, 'task-submitted').find((e) => e.task === line.task);
      expect(submitted?.args).toEqual([n]);
    }
    expect(lanePids(submit.events).sort()).toEqual(
      [...new Set(starts.map((e) => Number(/process (\d+)/.exec(e.text)?.[1])))].sort(),
    );
    const submitted = ofType(submit.events, 'task-submitted').map((e) => e.task);
    expect(ofType(submit.events, 'task-delivered').map((e) => e.task)).toEqual(submitted);

    // map: results in input order, delivered by map's iterator.
    expect(map.result.outcome).toBe('ok');
    expect(printedBy(map.events, programPid(map.events))).toEqual(['[25, 4, 9, 16, 1]']);
    workerLanesMatchPrintedPids(map.events);
    expect(ofType(map.events, 'task-submitted').map((e) => e.items)).toEqual([
      ['5'],
      ['2'],
      ['3'],
      ['4'],
      ['1'],
    ]);
    expect(ofType(map.events, 'task-delivered').map((e) => e.via)).toEqual(Array(5).fill('map'));

    // as_completed: 8 and 27 first, then 216 and 64 (they finish together), then 125.
    expect(asCompleted.result.outcome).toBe('ok');
    const results = printedBy(asCompleted.events, programPid(asCompleted.events));
    expect(results.slice(0, 2)).toEqual(['Result: 8', 'Result: 27']);
    expect([...results.slice(2, 4)].sort()).toEqual(['Result: 216', 'Result: 64']);
    expect(results[4]).toBe('Result: 125');
    workerLanesMatchPrintedPids(asCompleted.events);
    expect(ofType(asCompleted.events, 'task-delivered').map((e) => e.via)).toEqual(
      Array(5).fill('as_completed'),
    );
  });
});
