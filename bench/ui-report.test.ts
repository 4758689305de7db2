import { describe, expect, it } from 'vitest';
import { formatReport } from './ui-report';

describe('the bench:ui printout', () => {
  it('prints each figure’s median with its range over the repetitions, and its target', () => {
    const text = formatReport([
      {
        title: '10,000 tasks',
        reps: [
          [
            { key: 'frame median', value: 16.7, unit: 'ms', target: 16.7 },
            { key: 'zoom/pan fps', value: 40, target: 50, higher: true },
            { key: 'load before', text: '1.00 0.50 0.20' },
          ],
          [
            { key: 'frame median', value: 16.6, unit: 'ms', target: 16.7 },
            { key: 'zoom/pan fps', value: 60, target: 50, higher: true },
            { key: 'load before', text: '2.00 0.60 0.20' },
          ],
          [
            { key: 'frame median', value: 33.3, unit: 'ms', target: 16.7 },
            { key: 'zoom/pan fps', value: 55, target: 50, higher: true },
            { key: 'load before', text: '3.00 0.70 0.20' },
          ],
        ],
      },
    ]);
    expect(text).toContain('10,000 tasks');
    expect(text).toMatch(/frame median\s+16\.7 ms \[16\.6–33\.3\] {2}target ≤ 16\.7 ms ✓/);
    expect(text).toMatch(/zoom\/pan fps\s+55\.0 \[40\.0–60\.0\] {2}target ≥ 50 ✓/);
    expect(text).toMatch(/load before\s+1\.00 0\.50 0\.20 \| 2\.00 0\.60 0\.20 \| 3\.00 0\.70 0\.20/);
  });

  it('marks a missed target', () => {
    const text = formatReport([{ title: 't', reps: [[{ key: 'p95', value: 80, unit: 'ms', target: 50 }]] }]);
    expect(text).toMatch(/p95\s+80\.0 ms {2}target ≤ 50 ms ✗/);
  });

  it('judges frame figures in whole refreshes: 33.3 ms is two, 49.9 ms is three', () => {
    const refresh = { size: 1000 / 60, one: 'refresh', many: 'refreshes' };
    const p95 = (value: number): string =>
      formatReport([{ title: 't', reps: [[{ key: 'p95', value, unit: 'ms', target: 33, step: refresh }]] }]);
    expect(p95(16.7)).toMatch(/p95\s+16\.7 ms {2}target ≤ 33 ms \(2 refreshes\) ✓/);
    expect(p95(33.3)).toMatch(/p95\s+33\.3 ms {2}target ≤ 33 ms \(2 refreshes\) ✓/);
    expect(p95(33.4)).toMatch(/✓$/m);
    expect(p95(49.9)).toMatch(/p95\s+49\.9 ms {2}target ≤ 33 ms \(2 refreshes\) ✗/);
    const median = formatReport([
      { title: 't', reps: [[{ key: 'median', value: 16.7, unit: 'ms', target: 16.7, step: refresh }]] },
    ]);
    expect(median).toMatch(/target ≤ 16\.7 ms \(1 refresh\) ✓/);
  });
});
