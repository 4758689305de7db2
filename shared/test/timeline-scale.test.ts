import { describe, expect, it } from 'vitest';
import {
  fitDomainEnd,
  formatSeconds,
  formatMoment,
  formatRange,
  formatSpan,
  liveDomainEnd,
  tickLabel,
  ticks,
  ticksBetween,
  tickStep,
  tickUnit,
} from '../timeline-scale';

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
    expect(tickLabel(25, 25)).toBe('25 ms');
    expect(tickLabel(500, 500)).toBe('0.5 s');
    expect(tickLabel(2000, 1000)).toBe('2 s');
  });

  it('speaks in s, ms or µs as the ticks get closer, and places ticks inside a zoomed view', () => {
    expect(tickUnit(500)).toBe('s');
    expect(tickUnit(20)).toBe('ms');
    expect(tickUnit(0.05)).toBe('µs');
    expect(tickLabel(1500, 500)).toBe('1.5 s');
    expect(tickLabel(1205, 5)).toBe('1,205 ms');
    expect(tickLabel(1204.35, 0.05)).toBe('1,204,350 µs');
    expect(tickLabel(2.5, 0.5)).toBe('2.5 ms');
    const { step, ticks: inside } = ticksBetween(1203, 1208, 5);
    expect(step).toBe(1);
    expect(inside).toEqual([1203, 1204, 1205, 1206, 1207, 1208]);
    expect(ticksBetween(0.1, 0.35, 5).ticks).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
  });

  it('formats spans in the unit that reads best', () => {
    expect(formatSpan(2350)).toBe('2.35 s');
    expect(formatSpan(12.44)).toBe('12.4 ms');
    expect(formatSpan(0.085)).toBe('85 µs');
    expect(formatRange(981.35, 981.45)).toBe('0.98135 s – 0.98145 s (100 µs)');
    expect(formatRange(1000, 5000)).toBe('1.00 s – 5.00 s');
    expect(formatMoment(767.12)).toBe('0.767 s');
  });

  it('formats durations for people', () => {
    expect(formatSeconds(50)).toBe('0.050 s');
    expect(formatSeconds(4020)).toBe('4.02 s');
    expect(formatSeconds(12345)).toBe('12.3 s');
    expect(formatSeconds(125000)).toBe('2 min 5 s');
  });
});
