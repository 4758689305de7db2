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
