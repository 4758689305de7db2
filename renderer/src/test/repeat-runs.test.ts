import { describe, expect, it } from 'vitest';
import type { SavedRunSummary } from '../../../shared/api';
import { DEFAULT_RUN_SPEC, type RunSpec } from '../../../shared/run-spec';
import { latestSerialBaseline } from '../compare/repeat-runs';

const spec: RunSpec = { ...DEFAULT_RUN_SPEC, code: 'export function task() {}' };

function summary(
  id: string,
  over: Partial<RunSpec>,
  group?: string,
  outcome: 'ok' | 'error' = 'ok',
): SavedRunSummary {
  return {
    id,
    name: id,
    createdAt: 0,
    spec: { ...spec, ...over },
    meta: group ? { group } : {},
    outcome,
    wallMs: 100,
    taskCount: 1,
    workerCount: 1,
  };
}

describe('Run × N: the serial baseline it is compared with', () => {
  it('is the latest serial run of the same work, with its repeats', () => {
    // Newest first, as the history lists them.
    const runs = [
      summary('pool', { maxWorkers: 2 }),
      summary('other-work', { mode: 'serial', inputs: 'range(9)' }),
      summary('s3', { mode: 'serial' }, 'repeat-b'),
      summary('s2', { mode: 'serial' }, 'repeat-b', 'error'),
      summary('s1', { mode: 'serial' }, 'repeat-b'),
      summary('old', { mode: 'serial' }),
    ];
    expect(latestSerialBaseline(runs, { ...spec, maxWorkers: 4 })).toEqual(['s3', 's1']);
    expect(latestSerialBaseline(runs.slice(5), spec)).toEqual(['old']);
    expect(latestSerialBaseline(runs, { ...spec, code: 'something else' })).toEqual([]);
  });
});
