import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_SPEC } from '../../../shared/run-spec';
import { errorsAsDiagnostics, specErrors } from '../runbar/run-form';

describe('run settings check', () => {
  it('accepts the defaults', () => {
    expect(specErrors(DEFAULT_RUN_SPEC)).toEqual({});
  });

  it('explains absurd values in plain words', () => {
    const errors = specErrors({
      ...DEFAULT_RUN_SPEC,
      maxWorkers: 100,
      inputs: 'range(',
      timeoutSec: -1,
      maxTasksPerChild: 1.5,
    });
    expect(errors.maxWorkers).toBe('Max workers can be at most 64 here.');
    expect(errors.inputs).toMatch(/position/);
    expect(errors.timeoutSec).toMatch(/more than 0 seconds/);
    expect(errors.maxTasksPerChild).toBe('Max tasks per child must be a whole number.');
    expect(errorsAsDiagnostics({ inputs: 'unexpected "x"' })).toEqual([
      { source: 'inputs', message: 'Inputs: unexpected "x"' },
    ]);
  });

  it('checks chunksize only for map, and max workers not for the serial baseline', () => {
    expect(specErrors({ ...DEFAULT_RUN_SPEC, chunksize: 0 })).toEqual({});
    expect(specErrors({ ...DEFAULT_RUN_SPEC, mode: 'map', chunksize: 0 }).chunksize).toBe(
      'Chunksize must be at least 1.',
    );
    expect(specErrors({ ...DEFAULT_RUN_SPEC, mode: 'serial', maxWorkers: 0 })).toEqual({});
  });
});
