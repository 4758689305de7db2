import { describe, expect, it } from 'vitest';
import { fitDomainEnd, formatSeconds, liveDomainEnd, tickLabel, ticks, tickStep } from '../timeline-scale';

describe('timeline scale', () => {
  it('grows a live axis in calm steps, with room ahead', () => {
    expect(liveDomainEnd(0)).toBe(1000);
    expect(liveDomainEnd(900)).toBe(1500);
    expect(liveDomainEnd(2100)).toBe(3000);
    expect(liveDomainEnd(2200)).toBe(3000);
    expect(liveDomainEnd(7000)).toBe(10000);
  });

  it('fits a finished run with a small margin', () => {
    expect(fitDomainEnd(4000)).toBeCloseTo(4120);
    expect(fitDomainEnd(0)).toBeGreaterThan(0);
  });

  it('places round ticks and labels them in seconds', () => {
    expect(tickStep(4120, 5)).toBe(1000);
    expect(ticks(4120, 5)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(tickStep(150, 6)).toBe(25);
    expect(tickLabel(0, 25)).toBe('0 s');
    expect(tickLabel(25, 25)).toBe('0.025 s');
    expect(tickLabel(500, 500)).toBe('0.5 s');
    expect(tickLabel(2000, 1000)).toBe('2 s');
  });

  it('formats durations for people', () => {
    expect(formatSeconds(50)).toBe('0.050 s');
    expect(formatSeconds(4020)).toBe('4.02 s');
    expect(formatSeconds(12345)).toBe('12.3 s');
    expect(formatSeconds(125000)).toBe('2 min 5 s');
  });
});
