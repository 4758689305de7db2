import { describe, expect, it } from 'vitest';
import { findExample } from '../examples';
import { pythonProgram, typescriptProgram } from '../program-text';

describe('equivalent programs', () => {
  it("writes the seed's submit example in Python as the seed does", () => {
    const python = pythonProgram(findExample('submit')!.spec);
    expect(python).toContain('with ProcessPoolExecutor(max_workers=3) as executor:');
    expect(python).toContain('futures = [executor.submit(task, i) for i in range(5)]');
    expect(python).toContain('print(f.result())');
  });

  it('uses await using, map options and asCompleted in TypeScript', () => {
    const map = typescriptProgram({ ...findExample('map')!.spec, chunksize: 4, timeoutSec: 2 });
    expect(map).toContain('await using executor = new ProcessPoolExecutor(');
    expect(map).toContain('executor.map(square, inputs, { chunksize: 4, timeoutMs: 2000 })');
    const ac = typescriptProgram(findExample('as_completed')!.spec);
    expect(ac).toContain('for await (const f of asCompleted(futures))');
    expect(pythonProgram(findExample('as_completed')!.spec)).toContain('for f in as_completed(futures):');
  });

  it('shows the serial baseline as a plain loop', () => {
    const spec = { ...findExample('primes')!.spec, mode: 'serial' as const };
    expect(typescriptProgram(spec)).not.toContain('ProcessPoolExecutor');
    expect(pythonProgram(spec)).toContain('for result in map(countPrimes, [2_000_000] * 8):');
  });
});

describe('equivalent programs written from the inputs’ syntax tree', () => {
  const spec = (inputs: string) => ({ ...findExample('submit')!.spec, inputs });

  it('keeps range(n) a range, in both languages', () => {
    expect(typescriptProgram(spec('range(100000)'))).toContain('const inputs: unknown[] = range(100000);');
    expect(pythonProgram(spec('range(100000)'))).toContain('for i in range(100000)]');
  });

  it("writes Python's list repetition as a call of repeat() in TypeScript", () => {
    const ts = typescriptProgram(spec('[2_000_000] * 8'));
    expect(ts).toContain('const inputs: unknown[] = repeat([2_000_000], 8);');
    expect(ts).toContain('function repeat<T>(list: readonly T[], times: number): T[] {');
    expect(ts).not.toContain('function range(');
    expect(pythonProgram(spec('[1.6, ...[0.2] * 8]'))).toContain('[1.6, *[0.2] * 8]');
  });

  it('writes literals each language’s way', () => {
    const inputs = "[true, None, undefined, 'it\\'s', {a: 1}, NaN, -Infinity, 007]";
    expect(typescriptProgram(spec(inputs))).toContain(
      'const inputs: unknown[] = [true, null, undefined, "it\'s", { a: 1 }, NaN, -Infinity, 7];',
    );
    expect(pythonProgram(spec(inputs))).toContain(
      '[True, None, None, "it\'s", {"a": 1}, float("nan"), -float("inf"), 7]',
    );
    // A range that is an element, not the whole inputs, is the list it stands for in Python.
    expect(pythonProgram(spec('[range(2), 5]'))).toContain('[list(range(2)), 5]');
  });

  it('shows an early shutdown where the run does it, and the cancelled results it catches', () => {
    const shutdown = findExample('shutdown-cancel')!.spec;
    const python = pythonProgram(shutdown);
    expect(python).toContain('from concurrent.futures import CancelledError, ProcessPoolExecutor');
    expect(python).toContain('        for n, f in enumerate(futures, start=1):');
    expect(python).toContain('                executor.shutdown(wait=True, cancel_futures=True)');
    expect(python).toContain('            except CancelledError:\n                print("cancelled")');
    const ts = typescriptProgram({ ...shutdown, mode: 'map' });
    expect(ts).toContain('await executor.shutdown({ wait: true, cancelFutures: true });');
    expect(ts).toContain("console.log('CancelledError: the remaining results were cancelled');");
    // Settings for the Shutdown button only: said in a comment where the pool is made.
    const button = {
      ...findExample('submit')!.spec,
      shutdown: { afterResults: null, wait: false, cancelFutures: true },
    };
    expect(pythonProgram(button)).toContain(
      '# Shutdown, pressed during the run, calls executor.shutdown(wait=False, cancel_futures=True).',
    );
    // Without shutdown settings the seed's program is unchanged.
    expect(pythonProgram(findExample('submit')!.spec)).not.toContain('shutdown');
  });

  it('keeps one deadline for all the results, as the run does, in seconds for Python', () => {
    const timed = { ...findExample('submit')!.spec, timeoutSec: 2.5 };
    expect(pythonProgram(timed)).toContain('deadline = time.monotonic() + 2.5');
    expect(pythonProgram(timed)).toContain('print(f.result(timeout=deadline - time.monotonic()))');
    expect(typescriptProgram(timed)).toContain('const deadline = performance.now() + 2500;');
  });
});
