import { describe, expect, it } from 'vitest';
import { findExample } from '../examples';
import { runName } from '../run-name';
import { DEFAULT_RUN_SPEC } from '../run-spec';

const example = (id: string) => {
  const e = findExample(id)!;
  return { ...e.spec, code: e.code };
};

describe('history names', () => {
  it('names the function, the mode and the workers of an example run as shipped', () => {
    expect(runName(example('submit'), 'ok')).toBe('task · submit · 3 workers');
    expect(runName(example('primes'))).toBe('countPrimes · submit · 2 workers');
  });

  it('adds what sets runs apart: chunksize, max tasks per child, initializer, timeout, shutdown', () => {
    expect(runName(example('chunksize-500'))).toBe('double · map · 2 workers · chunksize 500');
    expect(runName(example('recycle'))).toBe('whoRuns · submit · 2 workers · max 2 tasks per child');
    expect(runName(example('initializer'))).toBe('greet · submit · 2 workers · initializer setUp');
    expect(runName({ ...example('map'), timeoutSec: 2.5 }, 'timeout')).toBe(
      'square · map · 3 workers · timeout 2.5 s · timed out',
    );
    expect(runName(example('shutdown-cancel'))).toBe(
      'work · submit · 3 workers · shutdown(wait=True, cancel_futures=True) after 1 result',
    );
    // chunksize only matters to map; 1 is the default and says nothing.
    expect(runName({ ...example('submit'), chunksize: 8 })).toBe('task · submit · 3 workers');
    expect(runName(example('chunksize-1'))).toBe('double · map · 2 workers');
  });

  it('says how a run ended when it did not end well', () => {
    const spec = example('crash');
    expect(runName(spec, 'broken')).toBe('risky · submit · 2 workers · broken pool');
    expect(runName(spec, 'error')).toMatch(/ · failed$/);
    expect(runName(spec, 'stopped')).toMatch(/ · stopped$/);
    expect(runName(spec, 'running')).toBe('risky · submit · 2 workers');
  });

  it('says "edited code" when the code is not an example’s as shipped', () => {
    const edited = { ...example('submit'), code: findExample('submit')!.code.replace('2000', '500') };
    expect(runName(edited, 'ok')).toBe('task · submit · 3 workers · edited code');
    // Blank lines around the code do not count as an edit.
    expect(runName({ ...example('submit'), code: `\n${findExample('submit')!.code}\n\n` })).not.toContain(
      'edited',
    );
    // Without the code the name cannot tell, so it says nothing about it.
    expect(runName(DEFAULT_RUN_SPEC)).toBe('task · submit · 3 workers');
  });

  it('names the serial baseline without workers', () => {
    expect(runName({ ...example('primes'), mode: 'serial' })).toBe('countPrimes · serial baseline');
  });
});
